import { useMutation, useQueryClient } from '@tanstack/react-query'
import i18next from 'i18next'
import type { RosterApplyInput, RosterApplyResult, RosterPreview } from '../../../../contracts/roster.ts'
import { ApiError, type ApiIssue, apiClient } from '../../../lib/api-client.ts'
import { getSession } from '../../auth/api/get-session.ts'

// Roster import (花名册导入): the preview is a multipart upload with the session's CSRF token; applying it is JSON.

export const rosterTemplateUrl = '/api/roster/template.xlsx'
export const rosterExportUrl = '/api/roster/export.xlsx'

/** Uploads a roster and answers what importing it would do (nothing is written). */
export async function previewRoster(file: File, createMissing: boolean): Promise<RosterPreview> {
  const session = await getSession()
  const form = new FormData()
  form.set('file', file)
  form.set('createMissing', createMissing ? 'true' : 'false')
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18next.language }
  if (session?.csrfToken) headers['x-csrf-token'] = session.csrfToken
  let response: Response
  try {
    response = await fetch('/api/roster/preview', {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: form,
    })
  } catch (cause) {
    throw new ApiError('network_error', cause instanceof Error ? cause.message : String(cause), 0)
  }
  const text = await response.text()
  let payload: unknown
  try {
    payload = text ? JSON.parse(text) : undefined
  } catch {
    payload = undefined
  }
  if (response.ok) return payload as RosterPreview
  const body = payload as { error?: { code?: string; message?: string; issues?: ApiIssue[] } } | undefined
  throw new ApiError(
    body?.error?.code ?? `http_${response.status}`,
    body?.error?.message ?? response.statusText,
    response.status,
    body?.error?.issues ?? [],
  )
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
