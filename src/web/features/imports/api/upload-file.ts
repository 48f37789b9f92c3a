import type { Upload, UploadReadOptions } from '../../../../contracts/ingest-api.ts'
import { ApiError, apiClient, isApiError } from '../../../lib/api-client.ts'

/** A file the server could not match to a preset: the error, and the stored upload for trying overrides. */
export class UploadProblem extends ApiError {
  readonly upload: Upload | undefined
  constructor(error: ApiError, upload: Upload | undefined) {
    super(error.code, error.message, error.status, error.issues, error.retryAfterSeconds, error.body)
    this.upload = upload
  }
}

/** A refused answer about an upload, with the upload it names (a header no preset knows answers 400 with it). */
function asUploadProblem(error: unknown): unknown {
  if (!isApiError(error) || error.status === 0) return error
  return new UploadProblem(error, (error.body as { upload?: Upload } | undefined)?.upload)
}

// Sends the file itself as the request body (the server streams it to disk; no base64, no multipart).
export async function uploadFile(file: File, options: UploadReadOptions = {}): Promise<Upload> {
  try {
    return await apiClient.upload<Upload>('/imports/uploads', file, { fileName: file.name, ...options })
  } catch (error) {
    throw asUploadProblem(error)
  }
}

/** The same upload read again with other choices (preset, encoding, kind). */
export async function reinspectUpload(id: string, options: UploadReadOptions): Promise<Upload> {
  try {
    return await apiClient.get<Upload>(`/imports/uploads/${id}`, options)
  } catch (error) {
    throw asUploadProblem(error)
  }
}
