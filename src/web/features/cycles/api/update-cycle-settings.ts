import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Cycle, CycleSettings } from '../../../../contracts/cycles.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { cycleQueryKeys } from './cycle-query-keys.ts'

// Changes some of a cycle's settings (appeal window, grade quotas …); the others stay as they are.
export function updateCycleSettings(input: { id: number; settings: CycleSettings }): Promise<Cycle> {
  return apiClient.patch<Cycle>(`/cycles/${input.id}/settings`, input.settings)
}

export function useUpdateCycleSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateCycleSettings,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: cycleQueryKeys.all })
    },
  })
}
