import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { RosterApplyInput, RosterApplyResult, RosterPreview } from '../../../../contracts/roster.ts'
import { apiClient } from '../../../lib/api-client.ts'

// Roster import (花名册导入): the preview is a multipart upload; applying it is JSON.

export const rosterTemplateUrl = '/api/roster/template.xlsx'
export const rosterExportUrl = '/api/roster/export.xlsx'

/** Uploads a roster and answers what importing it would do (nothing is written). */
export function previewRoster(file: File, createMissing: boolean): Promise<RosterPreview> {
  const form = new FormData()
  form.set('file', file)
  form.set('createMissing', createMissing ? 'true' : 'false')
  return apiClient.postForm<RosterPreview>('/roster/preview', form)
}

export function applyRoster(input: RosterApplyInput): Promise<RosterApplyResult> {
  return apiClient.post<RosterApplyResult>('/roster/apply', input)
}

/** Applies a previewed roster; the organisation pages refresh afterwards. */
export function useApplyRoster() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: applyRoster,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organisation'] }),
  })
}
