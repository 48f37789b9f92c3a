import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { PaySheet } from '../../../../contracts/pay.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { resultsQueryKeys } from './results-query-keys.ts'

// Finance approves a cycle's pay sheet; the server refuses while any sheet is not final or has problems.
export function useApprovePaySheet(cycleId: number) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (note: string | undefined) =>
      apiClient.post<PaySheet>(`/cycles/${cycleId}/pay-sheet/approve`, note ? { note } : {}),
    onSuccess: (sheet) => client.setQueryData(resultsQueryKeys.paySheet(cycleId), sheet),
  })
}
