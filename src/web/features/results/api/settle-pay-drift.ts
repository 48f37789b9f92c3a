import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { PaySheet } from '../../../../contracts/pay.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { resultsQueryKeys } from './results-query-keys.ts'

// Finance settles the drift of an approved pay sheet: one adjustment line per person whose result changed.
export function useSettlePayDrift(cycleId: number) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => apiClient.post<PaySheet>(`/cycles/${cycleId}/pay-sheet/settle-drift`, {}),
    onSuccess: (sheet) => client.setQueryData(resultsQueryKeys.paySheet(cycleId), sheet),
  })
}
