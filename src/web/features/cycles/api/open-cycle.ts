import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '../../../lib/api-client.ts'
import type { Cycle, CycleInput } from './cycle-api-types.ts'
import { cycleQueryKeys } from './cycle-query-keys.ts'

// Opens a cycle: the server answers at once with the cycle and the job that creates its sheets.
export function openCycle(input: CycleInput): Promise<{ cycle: Cycle; jobId: number }> {
  return apiClient.post('/cycles', input)
}

export function useOpenCycle() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: openCycle,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: cycleQueryKeys.all })
    },
  })
}
