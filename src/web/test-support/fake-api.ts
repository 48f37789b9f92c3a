import { Hono } from 'hono'
import type { Me } from '../../contracts/auth.ts'
import type { Department, Employee, Position } from '../../contracts/organisation.ts'

// A small in-memory stand-in for the Jixiao API, speaking the HTTP contract (envelope errors, session cookie, CSRF),
// so that web components can be rendered and driven like a user would, without a database.

export type FakeApiData = {
  users: (Me & { password: string })[]
  departments: Department[]
  positions: Position[]
  employees: Employee[]
}

export type FakeApi = {
  fetch: typeof fetch
  /** Every request the app made, as `METHOD /path?query`. */
  requests: string[]
}

const error = (code: string, message: string) => ({ error: { code, message } })

// The real server uses the httpOnly cookie jixiao_session. A DOM test environment drops Cookie and Set-Cookie like a
// browser's script would, so the fake keeps its one-cookie jar under private header names instead.
const sessionHeader = 'x-fake-session'
const setSessionHeader = 'x-fake-set-session'

export function createFakeApi(data: FakeApiData): FakeApi {
  const sessions = new Map<string, { user: Me; csrfToken: string }>()
  let jar: string | undefined
  let counter = 0
  const requests: string[] = []
  const app = new Hono()

  const sessionOf = (id: string | undefined) => (id ? sessions.get(id) : undefined)

  app.use('/api/*', async (c, next) => {
    const url = new URL(c.req.url)
    requests.push(`${c.req.method} ${url.pathname}${url.search}`)
    if (c.req.path !== '/api/auth/login' && c.req.method !== 'GET') {
      const session = sessionOf(c.req.header(sessionHeader))
      if (session && c.req.header('x-csrf-token') !== session.csrfToken) {
        return c.json(error('forbidden', 'CSRF token missing or wrong'), 403)
      }
    }
    await next()
  })

  app.post('/api/auth/login', async (c) => {
    const { username, password } = await c.req.json<{ username: string; password: string }>()
    const found = data.users.find((u) => u.username === username && u.password === password)
    if (!found) return c.json(error('unauthenticated', '用户名或密码错误'), 401)
    const { password: _, ...user } = found
    const id = `s${++counter}`
    const session = { user, csrfToken: `csrf-${counter}` }
    sessions.set(id, session)
    c.header(setSessionHeader, id)
    return c.json(session)
  })
  app.post('/api/auth/logout', (c) => {
    const id = c.req.header(sessionHeader)
    if (id) sessions.delete(id)
    return c.body(null, 204)
  })
  app.get('/api/auth/me', (c) => {
    const session = sessionOf(c.req.header(sessionHeader))
    return session ? c.json(session) : c.json(error('unauthenticated', '未登录'), 401)
  })

  const requireSession = async (c: { req: { header(name: string): string | undefined } }) =>
    sessionOf(c.req.header(sessionHeader))

  app.get('/api/departments', async (c) =>
    (await requireSession(c))
      ? c.json({ items: data.departments })
      : c.json(error('unauthenticated', '未登录'), 401),
  )
  app.get('/api/positions', async (c) =>
    (await requireSession(c))
      ? c.json({ items: data.positions })
      : c.json(error('unauthenticated', '未登录'), 401),
  )
  app.get('/api/employees', async (c) => {
    if (!(await requireSession(c))) return c.json(error('unauthenticated', '未登录'), 401)
    const q = c.req.query('q')?.trim()
    const departmentId = Number(c.req.query('departmentId') ?? 0)
    const positionId = Number(c.req.query('positionId') ?? 0)
    const status = c.req.query('status')
    const page = Number(c.req.query('page') ?? 1)
    const pageSize = Number(c.req.query('pageSize') ?? 20)
    const matching = data.employees.filter(
      (e) =>
        (!q || e.name.includes(q) || e.employeeNo.includes(q)) &&
        (!departmentId || e.departmentId === departmentId) &&
        (!positionId || e.positionId === positionId) &&
        (!status || e.status === status),
    )
    return c.json({
      items: matching.slice((page - 1) * pageSize, page * pageSize),
      total: matching.length,
      page,
      pageSize,
    })
  })

  // The browser's cookie jar, reduced to the one session the API hands out.
  const fakeFetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input), 'http://localhost')
    const headers = new Headers(init?.headers)
    if (jar) headers.set(sessionHeader, jar)
    const response = await app.request(`${url.pathname}${url.search}`, { ...init, headers })
    const issued = response.headers.get(setSessionHeader)
    if (issued) jar = issued
    return response
  }

  return { fetch: fakeFetch, requests }
}
