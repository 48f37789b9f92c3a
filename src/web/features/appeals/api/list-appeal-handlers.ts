import { useQuery } from '@tanstack/react-query'
import type { AppealHandler } from '../../../../contracts/appeals.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { appealQueryKeys } from './appeal-query-keys.ts'

// The HR users who may handle an appeal.
export async function listAppealHandlers(): Promise<AppealHandler[]> {
  const { items } = await apiClient.get<{ items: AppealHandler[] }>('/appeal-handlers')
  return items
}

export function useAppealHandlers() {
  return useQuery({ queryKey: appealQueryKeys.handlers(), queryFn: listAppealHandlers })
}
