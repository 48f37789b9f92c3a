import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { PayInputValues } from '../../../../contracts/pay.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { resultsQueryKeys } from './results-query-keys.ts'

// Pay inputs entered by hand for one employee (they win over imported data); the pay sheet is computed again.
export function useEnterPayInputs(cycleId: number) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: PayInputValues) =>
      apiClient.put<{ values: Record<string, string> }>(`/cycles/${cycleId}/pay-inputs`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: resultsQueryKeys.paySheet(cycleId) }),
  })
}
