import type { Upload, UploadReadOptions } from '../../../../contracts/ingest-api.ts'
import { ApiError, type ApiIssue, toQueryString } from '../../../lib/api-client.ts'
import { getSession } from '../../auth/api/get-session.ts'

/** A file the server could not match to a preset: the error, and the stored upload for trying overrides. */
export class UploadProblem extends ApiError {
  readonly upload: Upload | undefined
  constructor(error: ApiError, upload: Upload | undefined) {
    super(error.code, error.message, error.status, error.issues)
    this.upload = upload
  }
}

// Sends the file itself as the request body (the server streams it to disk; no base64, no multipart), with
// the session's CSRF token. A header no preset knows comes back as UploadProblem carrying the upload.
export async function uploadFile(file: File, options: UploadReadOptions = {}): Promise<Upload> {
  const session = await getSession()
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/octet-stream',
  }
  if (session?.csrfToken) headers['x-csrf-token'] = session.csrfToken
  let response: Response
  try {
    response = await fetch(`/api/imports/uploads${toQueryString({ fileName: file.name, ...options })}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: file,
    })
  } catch (cause) {
    throw new ApiError('network_error', cause instanceof Error ? cause.message : String(cause), 0)
  }
  return readUploadResponse(response)
}

export async function readUploadResponse(response: Response): Promise<Upload> {
  const text = await response.text()
  let payload: unknown
  try {
    payload = text ? JSON.parse(text) : undefined
  } catch {
    payload = undefined
  }
  if (response.ok) return payload as Upload
  const body = payload as
    | { error?: { code?: string; message?: string; issues?: ApiIssue[] }; upload?: Upload }
    | undefined
  const error = new ApiError(
    body?.error?.code ?? `http_${response.status}`,
    body?.error?.message ?? (text.slice(0, 200) || `HTTP ${response.status}`),
    response.status,
    Array.isArray(body?.error?.issues) ? body.error.issues : [],
  )
  throw new UploadProblem(error, body?.upload)
}

/** The same upload read again with other choices (preset, encoding, kind). */
export async function reinspectUpload(id: string, options: UploadReadOptions): Promise<Upload> {
  let response: Response
  try {
    response = await fetch(`/api/imports/uploads/${id}${toQueryString(options)}`, {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    })
  } catch (cause) {
    throw new ApiError('network_error', cause instanceof Error ? cause.message : String(cause), 0)
  }
  return readUploadResponse(response)
}
