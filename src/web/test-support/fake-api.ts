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
  /** GET /api/setup answers needed (an empty database); POST /api/setup then creates the admin. */
  setupNeeded?: boolean
}

export type FakeApi = {
  fetch: typeof fetch
  /** Every request the app made, as `METHOD /path?query`. */
  requests: string[]
  /** The company code each login sent (undefined when left out). */
  loginCompanyCodes?: (string | undefined)[]
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
  const loginCompanyCodes: (string | undefined)[] = []
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
    const { username, password, companyCode } = await c.req.json<{
      username: string
      password: string
      companyCode?: string
    }>()
    loginCompanyCodes.push(companyCode)
    const found = data.users.find((u) => u.username === username && u.password === password)
    if (!found) return c.json(error('unauthenticated', '用户名或密码错误'), 401)
    const { password: _, ...user } = found
    const id = `s${++counter}`
    const session = { user, csrfToken: `csrf-${counter}` }
    sessions.set(id, session)
    c.header(setSessionHeader, id)
    return c.json(session)
  })
  app.get('/api/setup', (c) => c.json({ needed: data.setupNeeded === true }))
  app.post('/api/setup', async (c) => {
    if (!data.setupNeeded) return c.json(error('conflict', '系统已经设置过公司'), 409)
    const input = await c.req.json<{
      companyName: string
      companyCode: string
      adminUsername: string
      password: string
    }>()
    if (input.password.length < 10) {
      const message = '密码至少 10 个字符'
      return c.json(
        { error: { code: 'invalid_input', message, issues: [{ path: 'password', message }] } },
        400,
      )
    }
    data.setupNeeded = false
    // Fields the fixture's first user has beyond these (newer Me fields) are carried over as they are.
    const { password: _, ...base } = data.users[0] ?? ({} as Me & { password: string })
    const user: Me = {
      ...base,
      id: data.users.length + 1,
      username: input.adminUsername,
      displayName: '系统管理员',
      role: 'admin',
      employeeId: null,
      companyId: 1,
      companyName: input.companyName,
      companyCode: input.companyCode,
      companyIsDemo: false,
      locale: 'zh-CN',
    }
    data.users.push({ ...user, password: input.password })
    const id = `s${++counter}`
    const session = { user, csrfToken: `csrf-${counter}` }
    sessions.set(id, session)
    c.header(setSessionHeader, id)
    return c.json(session, 201)
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

  return { fetch: fakeFetch, requests, loginCompanyCodes }
}
