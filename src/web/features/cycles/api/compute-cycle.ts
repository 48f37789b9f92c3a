import { useMutation } from '@tanstack/react-query'
import { apiClient } from '../../../lib/api-client.ts'

// Starts computing every sheet of the cycle whose supervisor review is in; answers with the job id.
export function computeCycle(id: number): Promise<{ jobId: number }> {
  return apiClient.post(`/cycles/${id}/compute`)
}

export function useComputeCycle() {
  return useMutation({ mutationFn: computeCycle })
}
