import { useQuery } from '@tanstack/react-query'
import type { PaySheet } from '../../../../contracts/pay.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { resultsQueryKeys } from './results-query-keys.ts'

// A cycle's pay sheet (工资表): live while a draft, the approved snapshot plus adjustment lines after.
export function getPaySheet(cycleId: number): Promise<PaySheet> {
  return apiClient.get(`/cycles/${cycleId}/pay-sheet`)
}

export function usePaySheet(cycleId: number | undefined) {
  return useQuery({
    queryKey: resultsQueryKeys.paySheet(cycleId ?? 0),
    queryFn: () => getPaySheet(cycleId!),
    enabled: cycleId !== undefined,
  })
}
