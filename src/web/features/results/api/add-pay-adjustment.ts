import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { AdjustmentInput, PaySheet } from '../../../../contracts/pay.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { resultsQueryKeys } from './results-query-keys.ts'

// A correction line on an approved pay sheet (never an edit of the approved lines).
export function useAddPayAdjustment(cycleId: number) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: AdjustmentInput) =>
      apiClient.post<PaySheet>(`/cycles/${cycleId}/pay-sheet/adjustments`, input),
    onSuccess: (sheet) => client.setQueryData(resultsQueryKeys.paySheet(cycleId), sheet),
  })
}
