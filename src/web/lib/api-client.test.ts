import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { ApiError, createApiClient, isApiError, toQueryString } from './api-client.ts'

// A small stand-in server that speaks the contract's error envelope and echoes what it received.
function createFakeServer() {
  const seen: { method: string; url: string; csrf: string | null; contentType: string | null }[] = []
  const app = new Hono()
  app.use('*', async (c, next) => {
    seen.push({
      method: c.req.method,
      url: c.req.url,
      csrf: c.req.header('x-csrf-token') ?? null,
      contentType: c.req.header('content-type') ?? null,
    })
    await next()
  })
  app.get('/api/employees', (c) => c.json({ items: [{ id: 1, name: '小冰' }], query: c.req.query() }))
  app.post('/api/departments', async (c) => c.json({ id: 7, ...(await c.req.json()) }, 201))
  app.post('/api/departments/bad', (c) =>
    c.json(
      {
        error: {
          code: 'invalid_input',
          message: 'Invalid input',
          issues: [{ path: 'name', message: 'Required' }, { nonsense: true }],
        },
      },
      400,
    ),
  )
  app.delete('/api/departments/3', (c) => c.body(null, 204))
  app.get('/api/auth/me', (c) =>
    c.json({ error: { code: 'unauthenticated', message: 'Not signed in' } }, 401),
  )
  app.get('/api/proxy-down', (c) => c.html('<h1>Bad Gateway</h1>', 502))
  app.get('/api/not-json', (c) => c.text('hello'))
  const client = createApiClient({ fetch: (input, init) => Promise.resolve(app.request(input, init)) })
  return { client, seen }
}

describe('createApiClient', () => {
  it('sends GET with the query string and parses the JSON body', async () => {
    const { client, seen } = createFakeServer()
    const result = await client.get<{ items: { name: string }[]; query: Record<string, string> }>(
      '/employees',
      { q: '小冰', page: 2, status: '', departmentId: undefined },
    )
    expect(result.items[0]?.name).toBe('小冰')
    expect(result.query).toEqual({ q: '小冰', page: '2' })
    expect(seen[0]?.method).toBe('GET')
  })

  it('adds the CSRF token to non-GET requests only, once it is known', async () => {
    const { client, seen } = createFakeServer()
    await client.post('/departments', { name: '客服部' })
    client.setCsrfToken('token-123')
    await client.get('/employees')
    const created = await client.post<{ id: number; name: string }>('/departments', { name: '美工部' })
    await client.delete('/departments/3')
    expect(created).toEqual({ id: 7, name: '美工部' })
    expect(seen.map((s) => [s.method, s.csrf])).toEqual([
      ['POST', null],
      ['GET', null],
      ['POST', 'token-123'],
      ['DELETE', 'token-123'],
    ])
    expect(seen[2]?.contentType).toBe('application/json')
  })

  it('stops sending the token after it is forgotten (logout)', async () => {
    const { client, seen } = createFakeServer()
    client.setCsrfToken('token-123')
    client.setCsrfToken(null)
    await client.post('/departments', { name: 'x' })
    expect(seen[0]?.csrf).toBeNull()
  })

  it('returns undefined for 204 No Content', async () => {
    const { client } = createFakeServer()
    await expect(client.delete('/departments/3')).resolves.toBeUndefined()
  })

  it('turns the error envelope into an ApiError with code, message, status and well-formed issues', async () => {
    const { client } = createFakeServer()
    const error = await client.post('/departments/bad', {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({
      code: 'invalid_input',
      message: 'Invalid input',
      status: 400,
      issues: [{ path: 'name', message: 'Required' }],
    })
    const unauthenticated = await client.get('/auth/me').catch((e: unknown) => e)
    expect(isApiError(unauthenticated, 'unauthenticated')).toBe(true)
    expect(isApiError(unauthenticated, 'forbidden')).toBe(false)
  })

  it('reports a non-envelope failure as http_<status>', async () => {
    const { client } = createFakeServer()
    await expect(client.get('/proxy-down')).rejects.toMatchObject({ code: 'http_502', status: 502 })
  })

  it('rejects a successful answer that is not JSON', async () => {
    const { client } = createFakeServer()
    await expect(client.get('/not-json')).rejects.toMatchObject({ code: 'invalid_response' })
  })

  it('reports a failed connection as network_error', async () => {
    const client = createApiClient({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    })
    await expect(client.get('/health')).rejects.toMatchObject({ code: 'network_error', status: 0 })
  })

  // Issue 12: one Idempotency-Key per submission, so a double click or a retried request books money once.
  it('sends an Idempotency-Key with each changing request, none with GET', async () => {
    const keys: (string | null)[] = []
    const client = createApiClient({
      fetch: (_input, init) => {
        keys.push(new Headers(init?.headers).get('idempotency-key'))
        return Promise.resolve(Response.json({ ok: true }))
      },
    })
    await client.get('/employees')
    await client.post('/pay', { amount: '10' })
    await client.post('/pay', { amount: '10' })
    expect(keys[0]).toBeNull()
    expect(keys[1]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    // Two submissions one after the other are two intended requests.
    expect(keys[2]).not.toBe(keys[1])
  })

  it('gives a double click (the same request while the first is under way) the same key', async () => {
    const keys: (string | null)[] = []
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const client = createApiClient({
      fetch: async (_input, init) => {
        keys.push(new Headers(init?.headers).get('idempotency-key'))
        await gate
        return Response.json({ ok: true })
      },
    })
    const first = client.post('/pay', { amount: '10' })
    const second = client.post('/pay', { amount: '10' })
    const other = client.post('/pay', { amount: '11' })
    release()
    await Promise.all([first, second, other])
    expect(keys[0]).toBe(keys[1])
    expect(keys[2]).not.toBe(keys[0])
  })

  it('retries a request whose answer was lost once, with the same key', async () => {
    const keys: (string | null)[] = []
    const client = createApiClient({
      fetch: (_input, init) => {
        keys.push(new Headers(init?.headers).get('idempotency-key'))
        return keys.length === 1
          ? Promise.reject(new TypeError('Failed to fetch'))
          : Promise.resolve(Response.json({ id: 1 }))
      },
    })
    expect(await client.post('/pay', { amount: '10' })).toEqual({ id: 1 })
    expect(keys).toHaveLength(2)
    expect(keys[1]).toBe(keys[0])
  })

  it('sends the interface language as Accept-Language, so the server answers in it', async () => {
    const languages: (string | undefined)[] = []
    const app = new Hono()
    app.all('/api/*', (c) => {
      languages.push(c.req.header('accept-language'))
      return c.json({})
    })
    let language = 'zh-TW'
    const client = createApiClient({
      fetch: (input, init) => Promise.resolve(app.request(input, init)),
      language: () => language,
    })
    await client.get('/me')
    language = 'en'
    await client.post('/pay', { amount: '10' })
    expect(languages).toEqual(['zh-TW', 'en'])
  })
})

describe('toQueryString', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(toQueryString({ q: '小 冰', page: 1, pageSize: 20, status: null, x: '' })).toBe(
      '?q=%E5%B0%8F+%E5%86%B0&page=1&pageSize=20',
    )
    expect(toQueryString({})).toBe('')
    expect(toQueryString(undefined)).toBe('')
  })
})
