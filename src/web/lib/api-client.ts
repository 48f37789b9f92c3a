// The web app's one fetch path to the Jixiao HTTP API: JSON in and out (or a file as the raw body), the session
// cookie, the CSRF header, typed errors read by one parser.
import i18next from 'i18next'

export type ApiIssue = { path: string; message: string }

// An API failure as the server reported it: `code` is the contract's error code (or network_error / http_<status>).
export class ApiError extends Error {
  readonly code: string
  readonly status: number
  readonly issues: ApiIssue[]
  /** From Retry-After on a 429: how long the server asks the client to wait. */
  readonly retryAfterSeconds: number | undefined
  /** The whole answer, for the few errors that carry more than the envelope (an upload no preset matched). */
  readonly body: unknown

  constructor(
    code: string,
    message: string,
    status: number,
    issues: ApiIssue[] = [],
    retryAfterSeconds?: number,
    body?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = status
    this.issues = issues
    this.retryAfterSeconds = retryAfterSeconds
    this.body = body
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code)
}

export type QueryValue = string | number | boolean | null | undefined
export type QueryParams = Record<string, QueryValue>

export type ApiClient = {
  get<T>(path: string, query?: QueryParams): Promise<T>
  post<T>(path: string, body?: unknown): Promise<T>
  put<T>(path: string, body?: unknown): Promise<T>
  patch<T>(path: string, body?: unknown): Promise<T>
  delete<T = void>(path: string): Promise<T>
  /** POSTs a file as the raw request body (application/octet-stream; the server streams it to disk). */
  upload<T>(path: string, file: Blob, query?: QueryParams): Promise<T>
  /** POSTs a multipart form (a file with its fields) for a route that only looks at it and books nothing. */
  postForm<T>(path: string, form: FormData): Promise<T>
  /** Remembers the session's CSRF token (from login or /auth/me); null forgets it. */
  setCsrfToken(token: string | null): void
}

export type ApiClientOptions = {
  /** Prefix for every path, '' for the same origin. */
  baseUrl?: string
  fetch?: typeof fetch
  /** The interface language, sent as Accept-Language so the server writes its messages in it. */
  language?: () => string | undefined
}

const safeMethods = new Set(['GET', 'HEAD'])

/** A fresh Idempotency-Key (a UUID v4); plain-http intranet pages have no crypto.randomUUID, only getRandomValues. */
export function newIdempotencyKey(): string {
  if (typeof globalThis.crypto?.randomUUID === 'function') return globalThis.crypto.randomUUID()
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

// Builds a query string, leaving out empty values so that "no filter" is never sent as `?status=`.
export function toQueryString(query: QueryParams | undefined): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.append(key, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? ''
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  let csrfToken: string | null = null
  // Changing requests under way, by method, path and body: a second identical submission while the first is still
  // under way (a double click) carries the first one's Idempotency-Key, so the server books it once.
  const keysInFlight = new Map<string, { key: string; users: number }>()

  async function request<T>(method: string, path: string, body?: unknown, query?: QueryParams): Promise<T> {
    // Reads, and uploads (a stored upload is only analysed, never booked), go once without an Idempotency-Key.
    if (safeMethods.has(method) || body instanceof Blob || body instanceof FormData)
      return send<T>(method, path, body, query, undefined)
    const text = body === undefined ? '' : JSON.stringify(body)
    const signature = `${method} ${path}${toQueryString(query)}\n${text}`
    const entry = keysInFlight.get(signature) ?? { key: newIdempotencyKey(), users: 0 }
    entry.users++
    keysInFlight.set(signature, entry)
    try {
      return await send<T>(method, path, body, query, entry.key)
    } catch (error) {
      // The answer was lost on the way: the same request with the same key once more books nothing twice.
      if (isApiError(error, 'network_error')) return send<T>(method, path, body, query, entry.key)
      throw error
    } finally {
      if (--entry.users === 0) keysInFlight.delete(signature)
    }
  }

  async function send<T>(
    method: string,
    path: string,
    body: unknown,
    query: QueryParams | undefined,
    idempotencyKey: string | undefined,
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' }
    const language = options.language?.()
    if (language) headers['accept-language'] = language
    const isFile = body instanceof Blob
    const isForm = body instanceof FormData
    // A form's content type carries its boundary, which fetch writes itself.
    if (body !== undefined && !isForm)
      headers['content-type'] = isFile ? 'application/octet-stream' : 'application/json'
    if (!safeMethods.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey

    let response: Response
    try {
      response = await doFetch(`${baseUrl}/api${path}${toQueryString(query)}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : isFile || isForm ? body : JSON.stringify(body),
      })
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause)
      throw new ApiError('network_error', message, 0)
    }

    if (response.status === 204) return undefined as T
    const text = await response.text()
    const payload = parseJson(text)

    if (!response.ok) {
      const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN)
      throw toApiError(response.status, payload, text, retryAfter > 0 ? retryAfter : undefined)
    }
    if (payload === undefined && text !== '') {
      throw new ApiError('invalid_response', 'The server did not answer with JSON', response.status)
    }
    return payload as T
  }

  return {
    get: (path, query) => request('GET', path, undefined, query),
    post: (path, body) => request('POST', path, body),
    put: (path, body) => request('PUT', path, body),
    patch: (path, body) => request('PATCH', path, body),
    delete: (path) => request('DELETE', path),
    upload: (path, file, query) => request('POST', path, file, query),
    postForm: (path, form) => request('POST', path, form),
    setCsrfToken(token) {
      csrfToken = token
    },
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

// Reads the `{ error: { code, message, issues } }` envelope; anything else (a proxy's HTML page) becomes http_<status>.
function toApiError(
  status: number,
  payload: unknown,
  text: string,
  retryAfterSeconds: number | undefined,
): ApiError {
  const envelope = (payload as { error?: unknown } | undefined)?.error
  if (envelope && typeof envelope === 'object') {
    const { code, message, issues } = envelope as { code?: unknown; message?: unknown; issues?: unknown }
    if (typeof code === 'string') {
      return new ApiError(
        code,
        typeof message === 'string' ? message : code,
        status,
        Array.isArray(issues) ? issues.filter(isIssue) : [],
        retryAfterSeconds,
        payload,
      )
    }
  }
  return new ApiError(`http_${status}`, text.slice(0, 200) || `HTTP ${status}`, status)
}

function isIssue(value: unknown): value is ApiIssue {
  const v = value as ApiIssue | null
  return typeof v === 'object' && v !== null && typeof v.path === 'string' && typeof v.message === 'string'
}

// The client the web app uses: same origin, so the Vite dev proxy and the production server both work.
export const apiClient = createApiClient({
  language: () => (i18next.isInitialized ? i18next.language : undefined),
})
