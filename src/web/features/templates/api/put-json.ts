import { type ApiClient, ApiError, type ApiIssue, apiClient } from '../../../lib/api-client.ts'
import { getSession } from '../../auth/api/get-session.ts'

type ClientWithPut = ApiClient & { put?: <T>(path: string, body?: unknown) => Promise<T> }

// PUT through the shared client when it has `put`; until then a same-origin fetch with the session's CSRF token
// and the same error envelope, so callers see an ApiError either way.
export async function putJson<T>(path: string, body: unknown): Promise<T> {
  const client = apiClient as ClientWithPut
  if (typeof client.put === 'function') return client.put<T>(path, body)
  const session = await getSession()
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' }
  if (session?.csrfToken) headers['x-csrf-token'] = session.csrfToken
  let response: Response
  try {
    response = await fetch(`/api${path}`, {
      method: 'PUT',
      headers,
      credentials: 'same-origin',
      body: JSON.stringify(body),
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
  if (!response.ok) {
    const error = (payload as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | undefined)
      ?.error
    if (error && typeof error.code === 'string') {
      const issues = Array.isArray(error.issues) ? (error.issues as ApiIssue[]) : []
      throw new ApiError(
        error.code,
        typeof error.message === 'string' ? error.message : error.code,
        response.status,
        issues,
      )
    }
    throw new ApiError(
      `http_${response.status}`,
      text.slice(0, 200) || `HTTP ${response.status}`,
      response.status,
    )
  }
  return payload as T
}
