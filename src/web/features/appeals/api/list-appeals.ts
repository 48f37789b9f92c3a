import { useQuery } from '@tanstack/react-query'
import type { AppealStatus, AppealSummary } from '../../../../contracts/appeals.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { appealQueryKeys } from './appeal-query-keys.ts'

// The appeals queue, optionally of one status.
export async function listAppeals(status?: AppealStatus): Promise<AppealSummary[]> {
  const { items } = await apiClient.get<{ items: AppealSummary[] }>('/appeals', { status })
  return items
}

export function useAppeals(status?: AppealStatus) {
  return useQuery({ queryKey: appealQueryKeys.list(status), queryFn: () => listAppeals(status) })
}
