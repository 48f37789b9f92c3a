import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Cycle, QuotaExceptionInput } from '../../../../contracts/cycles.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { cycleQueryKeys } from './cycle-query-keys.ts'

// Lets one department pass over the cycle's enforced grade quotas (强制分布例外), with a reason; HR or admin, audited.
export function recordQuotaException(input: { cycleId: number } & QuotaExceptionInput): Promise<Cycle> {
  const { cycleId, ...body } = input
  return apiClient.post<Cycle>(`/cycles/${cycleId}/quota-exceptions`, body)
}

export function useRecordQuotaException() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: recordQuotaException,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: cycleQueryKeys.all })
    },
  })
}
