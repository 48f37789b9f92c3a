// A small test client that behaves like the browser: it keeps the session cookie and sends the CSRF token.
export type FetchLike = (path: string, init?: RequestInit) => Response | Promise<Response>

export type ApiResult<T = unknown> = { status: number; body: T; headers: Headers }

export type ApiClient = {
  /** Without companyCode, the server picks the only company (single-company databases). */
  login(username: string, password?: string, companyCode?: string): Promise<ApiResult>
  get<T = unknown>(path: string): Promise<ApiResult<T>>
  post<T = unknown>(path: string, body?: unknown): Promise<ApiResult<T>>
  patch<T = unknown>(path: string, body?: unknown): Promise<ApiResult<T>>
  put<T = unknown>(path: string, body?: unknown): Promise<ApiResult<T>>
  delete<T = unknown>(path: string): Promise<ApiResult<T>>
  /** Sends exactly what it is given, plus the cookie; for malformed bodies and missing tokens. */
  raw<T = unknown>(path: string, init: RequestInit): Promise<ApiResult<T>>
  cookie: string | undefined
  csrfToken: string | undefined
}

export const testPassword = 'jixiao123'

// The company code a login sends when the test names none. Unset, the server picks the only company;
// seedTestOrganisation sets it because its database holds two companies.
let defaultCompanyCode: string | undefined

export function setDefaultLoginCompanyCode(code: string | undefined): void {
  defaultCompanyCode = code
}

async function parse<T>(res: Response): Promise<ApiResult<T>> {
  const text = await res.text()
  let body: unknown = text
  if (text && res.headers.get('content-type')?.includes('json')) body = JSON.parse(text)
  return { status: res.status, body: body as T, headers: res.headers }
}

export function createApiClient(fetchLike: FetchLike): ApiClient {
  const client: ApiClient = {
    cookie: undefined,
    csrfToken: undefined,
    async raw(path, init) {
      const headers = new Headers(init.headers)
      if (client.cookie && !headers.has('cookie')) headers.set('cookie', client.cookie)
      const res = await fetchLike(path, { ...init, headers })
      const setCookie = res.headers.get('set-cookie')
      if (setCookie?.startsWith('jixiao_session=')) {
        const value = setCookie.split(';')[0]!
        client.cookie = value === 'jixiao_session=' ? undefined : value
      }
      return parse(res)
    },
    async login(username, password = testPassword, companyCode = defaultCompanyCode) {
      const body = companyCode === undefined ? { username, password } : { companyCode, username, password }
      const result = await client.post<{ csrfToken?: string }>('/api/auth/login', body)
      if (result.status === 200) client.csrfToken = result.body.csrfToken
      return result
    },
    get: (path) => client.raw(path, { method: 'GET' }),
    post: (path, body) => send(client, 'POST', path, body),
    patch: (path, body) => send(client, 'PATCH', path, body),
    put: (path, body) => send(client, 'PUT', path, body),
    delete: (path) => send(client, 'DELETE', path, undefined),
  }
  return client
}

function send<T>(client: ApiClient, method: string, path: string, body: unknown): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {}
  if (client.csrfToken) headers['x-csrf-token'] = client.csrfToken
  if (body !== undefined) headers['content-type'] = 'application/json'
  return client.raw<T>(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
}
