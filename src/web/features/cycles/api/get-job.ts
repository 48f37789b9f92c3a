import { useQuery } from '@tanstack/react-query'
import type { Job } from '../../../../contracts/workflow.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { cycleQueryKeys } from './cycle-query-keys.ts'

export function getJob(id: number): Promise<Job> {
  return apiClient.get<Job>(`/jobs/${id}`)
}

export const isJobFinished = (job: Job | undefined) => job?.status === 'succeeded' || job?.status === 'failed'

// A background job, polled every half second until it succeeds or fails.
export function useJob(id: number | undefined) {
  return useQuery({
    queryKey: cycleQueryKeys.job(id ?? 0),
    queryFn: () => getJob(id!),
    enabled: id !== undefined,
    refetchInterval: (query) => (isJobFinished(query.state.data) ? false : 500),
  })
}
