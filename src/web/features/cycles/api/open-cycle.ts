import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Cycle } from '../../../../contracts/cycles.ts'
import type { CycleInput } from '../../../../contracts/workflow.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { cycleQueryKeys } from './cycle-query-keys.ts'

/** Said when the cycle's dates run past the last year of the statutory holiday data (chinese-days). */
export type CalendarCoverageWarning = {
  code: 'calendar_not_covered'
  lastYear: number
  years: number[]
  dates: string[]
  message: string
}

// Opens a cycle: the server answers at once with the cycle, the job that creates its sheets and any warnings.
export function openCycle(
  input: CycleInput,
): Promise<{ cycle: Cycle; jobId: number; warnings?: CalendarCoverageWarning[] }> {
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
