import { useQuery } from '@tanstack/react-query'
import type { PaySlip } from '../../../../contracts/pay-slips.ts'
import { apiClient } from '../../../lib/api-client.ts'

// A cycle's pay slips (工资条) as the reader may see them: every person for HR, one's own for an employee.
export function getPaySlips(cycleId: number): Promise<{ items: PaySlip[] }> {
  return apiClient.get(`/cycles/${cycleId}/pay-slips`)
}

export function usePaySlips(cycleId: number) {
  return useQuery({ queryKey: ['pay-slips', cycleId], queryFn: () => getPaySlips(cycleId) })
}
