import { useQuery } from '@tanstack/react-query'
import type { Cycle } from '../../../../contracts/cycles.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { cycleQueryKeys } from './cycle-query-keys.ts'

export function getCycle(id: number): Promise<Cycle> {
  return apiClient.get<Cycle>(`/cycles/${id}`)
}

// One cycle with its settings and stage deadlines.
export function useCycle(id: number) {
  return useQuery({ queryKey: cycleQueryKeys.detail(id), queryFn: () => getCycle(id) })
}
