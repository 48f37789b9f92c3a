import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { SheetDetail } from '../../../../contracts/sheets.ts'
import { apiClient, isApiError } from '../../../lib/api-client.ts'
import { sheetQueryKeys } from './sheet-query-keys.ts'

/** The workflow steps the pages take, with their HTTP method (src/api/routes/sheets.ts, appeals.ts). */
export const sheetStepMethods = {
  targets: 'put',
  'confirm-targets': 'post',
  start: 'post',
  entries: 'post',
  files: 'post',
  'self-review': 'put',
  'return-self-review': 'post',
  'supervisor-review': 'put',
  data: 'put',
  peers: 'put',
  feedback: 'post',
  sign: 'post',
  appeals: 'post',
  delegate: 'post',
} as const satisfies Record<string, 'put' | 'post'>

export type SheetStep = keyof typeof sheetStepMethods
export type SheetStepRequest = { sheetId: number; step: SheetStep; body: unknown }

// Sends one step; every step answers with the sheet after it.
export function runSheetStep({ sheetId, step, body }: SheetStepRequest): Promise<SheetDetail> {
  const path = `/sheets/${sheetId}/${step}`
  return sheetStepMethods[step] === 'put'
    ? apiClient.put<SheetDetail>(path, body)
    : apiClient.post<SheetDetail>(path, body)
}

// A step as a mutation: the answer replaces the cached sheet and the lists refresh; on a version conflict
// (someone saved first) the sheet is read again so the page shows what now stands.
export function useSheetStep() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: runSheetStep,
    onSuccess: async (sheet) => {
      queryClient.setQueryData(sheetQueryKeys.detail(sheet.id), sheet)
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: sheetQueryKeys.mine }),
        queryClient.invalidateQueries({ queryKey: sheetQueryKeys.overdue }),
        queryClient.invalidateQueries({ queryKey: ['sheets', 'team'] }),
      ])
    },
    onError: async (error, request) => {
      if (isApiError(error, 'conflict'))
        await queryClient.invalidateQueries({ queryKey: sheetQueryKeys.detail(request.sheetId) })
    },
  })
}
