import { useQuery } from '@tanstack/react-query'
import type { CycleBoard } from '../../../../contracts/cycles.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { cycleQueryKeys } from './cycle-query-keys.ts'

export function getCycleBoard(id: number): Promise<CycleBoard> {
  return apiClient.get<CycleBoard>(`/cycles/${id}/board`)
}

// HR's board of one cycle: progress by stage and department, overdue steps, open appeals.
export function useCycleBoard(id: number) {
  return useQuery({ queryKey: cycleQueryKeys.board(id), queryFn: () => getCycleBoard(id) })
}
