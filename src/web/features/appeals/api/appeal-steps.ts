import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { AppealDetail } from '../../../../contracts/appeal-detail.ts'
import type { AppealRulingKind, ChangedInputs } from '../../../../contracts/appeals.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { appealQueryKeys } from './appeal-query-keys.ts'

export type TakeUpInput = { handlerUserId?: number; investigationDays?: number; note?: string }
export type RulingInput = { ruling: AppealRulingKind; note: string; changedInputs?: ChangedInputs }

// Take up an appeal (受理): handler and investigation deadline in working days.
export function takeUpAppeal(id: number, input: TakeUpInput): Promise<AppealDetail> {
  return apiClient.post(`/appeals/${id}/take-up`, input)
}

// Add an investigation note.
export function addAppealNote(id: number, note: string): Promise<AppealDetail> {
  return apiClient.post(`/appeals/${id}/notes`, { note })
}

// Rule (裁决): upheld / partly upheld with changed inputs (the sheet is recomputed), or rejected.
export function ruleAppeal(id: number, input: RulingInput): Promise<AppealDetail> {
  return apiClient.post(`/appeals/${id}/ruling`, input)
}

// Reopen a final sheet with a reason (admin); it goes back to "computed".
export function reopenSheet(sheetId: number, expectedVersion: number, reason: string): Promise<unknown> {
  return apiClient.post(`/sheets/${sheetId}/reopen`, { expectedVersion, reason })
}

/** The HR steps on one appeal; each refreshes the appeal and the queue. */
export function useAppealSteps(id: number) {
  const queryClient = useQueryClient()
  const refresh = () => void queryClient.invalidateQueries({ queryKey: appealQueryKeys.all })
  return {
    takeUp: useMutation({ mutationFn: (input: TakeUpInput) => takeUpAppeal(id, input), onSuccess: refresh }),
    note: useMutation({ mutationFn: (note: string) => addAppealNote(id, note), onSuccess: refresh }),
    rule: useMutation({ mutationFn: (input: RulingInput) => ruleAppeal(id, input), onSuccess: refresh }),
    reopen: useMutation({
      mutationFn: (input: { sheetId: number; expectedVersion: number; reason: string }) =>
        reopenSheet(input.sheetId, input.expectedVersion, input.reason),
      onSuccess: refresh,
    }),
  }
}
