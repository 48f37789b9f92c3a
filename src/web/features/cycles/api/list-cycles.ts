import { useQuery } from '@tanstack/react-query'
import type { CycleListItem } from '../../../../contracts/cycles.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { cycleQueryKeys } from './cycle-query-keys.ts'

// The company's cycles, newest first, with their sheet counts.
export async function listCycles(): Promise<CycleListItem[]> {
  const { items } = await apiClient.get<{ items: CycleListItem[] }>('/cycles')
  return items
}

export function useCycles() {
  return useQuery({ queryKey: cycleQueryKeys.list(), queryFn: listCycles })
}
