import { Hono } from 'hono'
import {
  type ContactState,
  checkToken,
  chinaMidnight,
  issueToken,
  pageOf,
  takeRateLimit,
} from './contact-state.ts'
import type { ContactPerson } from './dingtalk-contacts.ts'
import type { FakeDirectory } from './fake-directory.ts'

// Test support: Feishu's (飞书) documented contact API v3, answering from a FakeDirectory with ids of type
// department_id / user_id. Department 1 of the fake is Feishu's root department "0"; others are "D<id>".
// Error bodies are {code, msg}; a bad token is HTTP 400 with code 99991663, the rate limit HTTP 429 / 99991400.

const feishuDeptId = (id: number) => (id === 1 ? '0' : `D${id}`)
const fakeDeptId = (id: string) => (id === '0' ? 1 : Number(id.replace(/^D/, '')))

export function createFeishuContactsApp(directory: FakeDirectory, state: ContactState): Hono {
  const app = new Hono()
  app.use(async (c, next) => {
    directory.requests.push(`${c.req.method} ${new URL(c.req.url).pathname}`)
    await next()
  })

  // 自建应用获取 tenant_access_token: POST https://open.feishu.cn/open-apis/auth/v3/tenant_access_token/internal
  app.post('/open-apis/auth/v3/tenant_access_token/internal', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { app_id?: string; app_secret?: string }
    if (body.app_id !== directory.clientId || body.app_secret !== directory.clientSecret)
      return c.json({ code: 10014, msg: 'app secret invalid' }, 400)
    return c.json({ code: 0, msg: 'ok', tenant_access_token: issueToken(state, 't-'), expire: 7200 })
  })

  app.use('/open-apis/contact/*', async (c, next) => {
    const token = c.req.header('authorization')?.replace(/^Bearer /, '')
    if (checkToken(state, token) !== 'ok')
      return c.json(
        {
          code: 99991663,
          msg: 'Invalid access token for authorization. Please make a request with token attached.',
        },
        400,
      )
    if (takeRateLimit(state)) return c.json({ code: 99991400, msg: 'request trigger frequency limit' }, 429)
    await next()
  })

  const pageToken = (c: { req: { query: (k: string) => string | undefined } }) =>
    Number(c.req.query('page_token') ?? 0)
  const page = <T>(items: T[], cursor: number) => {
    const { page: slice, next } = pageOf(items, cursor, state.pageSize)
    return { has_more: next !== null, ...(next !== null ? { page_token: String(next) } : {}), items: slice }
  }

  // 获取子部门列表: GET https://open.feishu.cn/open-apis/contact/v3/departments/:department_id/children
  app.get('/open-apis/contact/v3/departments/:id/children', (c) => {
    const root = fakeDeptId(c.req.param('id'))
    const all = c.req.query('fetch_child') === 'true'
    const below = (parent: number): typeof directory.departments =>
      directory.departments
        .filter((d) => d.parentId === parent)
        .flatMap((d) => (all ? [d, ...below(d.id)] : [d]))
    const items = below(root).map((d) => ({
      name: d.name,
      department_id: feishuDeptId(d.id),
      open_department_id: `od-${d.id}`,
      parent_department_id: feishuDeptId(d.parentId ?? 1),
      status: { is_deleted: false },
    }))
    return c.json({ code: 0, msg: 'success', data: page(items, pageToken(c)) })
  })

  // 获取部门直属用户列表: GET https://open.feishu.cn/open-apis/contact/v3/users/find_by_department
  app.get('/open-apis/contact/v3/users/find_by_department', (c) => {
    const dept = c.req.query('department_id')
    if (dept === undefined)
      return c.json({ code: 99992402, msg: 'field validation failed: department_id' }, 400)
    const members = (directory.people as ContactPerson[]).filter((p) =>
      p.departmentIds.includes(fakeDeptId(dept)),
    )
    const items = members.map((p) => ({
      union_id: p.unionId,
      user_id: p.userid,
      open_id: p.openId,
      name: p.name,
      en_name: '',
      email: p.email ?? '',
      mobile: p.mobile ?? '',
      employee_no: p.jobNumber ?? '',
      job_title: p.title ?? '',
      department_ids: p.departmentIds.map(feishuDeptId),
      leader_user_id: p.managerUserid ?? '',
      join_time: p.hireDate ? chinaMidnight(p.hireDate) / 1000 : 0,
      status: {
        is_frozen: false,
        is_resigned: p.resigned === true,
        is_activated: true,
        is_exited: false,
        is_unjoin: false,
      },
    }))
    return c.json({ code: 0, msg: 'success', data: page(items, pageToken(c)) })
  })
  return app
}
