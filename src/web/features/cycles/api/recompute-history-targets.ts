import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { HistoryTargets } from '../../../../contracts/history-targets.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { cycleQueryKeys } from './cycle-query-keys.ts'

// HR recomputes the targets derived from history on the cycle's sheets not yet computed, with a reason (audited).
export function recomputeHistoryTargets(input: { id: number; reason: string }): Promise<HistoryTargets> {
  return apiClient.post(`/cycles/${input.id}/history-targets/recompute`, { reason: input.reason })
}

export function useRecomputeHistoryTargets() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: recomputeHistoryTargets,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: cycleQueryKeys.all }),
  })
}
