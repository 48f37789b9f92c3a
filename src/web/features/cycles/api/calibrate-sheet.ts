import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '../../../lib/api-client.ts'
import { cycleQueryKeys } from './cycle-query-keys.ts'

export type CalibrateInput = { sheetId: number; expectedVersion: number; total: number; reason: string }

// Sets a sheet's total before sign-off, with a mandatory reason (HR); the old total stays in its history.
export function calibrateSheet({ sheetId, ...body }: CalibrateInput): Promise<{ total: number }> {
  return apiClient.post(`/sheets/${sheetId}/calibrate`, body)
}

export function useCalibrateSheet() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: calibrateSheet,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: cycleQueryKeys.all })
    },
  })
}
