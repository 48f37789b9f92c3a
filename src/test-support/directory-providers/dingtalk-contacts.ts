import { Hono } from 'hono'
import {
  type ContactState,
  checkToken,
  chinaMidnight,
  issueToken,
  pageOf,
  takeRateLimit,
} from './contact-state.ts'
import type { FakeDirectory, FakePerson } from './fake-directory.ts'

// Test support: DingTalk's (钉钉) documented contact API, answering from a FakeDirectory.
// Root department id 1 is the company. Error bodies are {errcode, errmsg}, as in DingTalk's 全局错误码.

export type ContactPerson = FakePerson & { hireDate?: string; resigned?: boolean }

export function createDingtalkContactsApp(directory: FakeDirectory, state: ContactState): Hono {
  const app = new Hono()
  app.use(async (c, next) => {
    directory.requests.push(`${c.req.method} ${new URL(c.req.url).pathname}`)
    await next()
  })

  // 获取企业内部应用的access_token: GET https://oapi.dingtalk.com/gettoken?appkey=&appsecret=
  app.get('/gettoken', (c) => {
    if (c.req.query('appkey') !== directory.clientId || c.req.query('appsecret') !== directory.clientSecret)
      return c.json({ errcode: 40089, errmsg: '不合法的corpid或corpsecret' })
    return c.json({ errcode: 0, errmsg: 'ok', access_token: issueToken(state, 'dt'), expires_in: 7200 })
  })

  // Every contact call: the access_token query parameter, and DingTalk's rate limit (90018).
  app.use('/topapi/*', async (c, next) => {
    const check = checkToken(state, c.req.query('access_token'))
    if (check === 'expired') return c.json({ errcode: 42001, errmsg: 'access_token超时' })
    if (check === 'invalid') return c.json({ errcode: 40014, errmsg: '不合法的access_token' })
    if (takeRateLimit(state)) return c.json({ errcode: 90018, errmsg: '当前企业所有用户调用该接口次数过多' })
    await next()
  })

  // 获取部门列表: POST https://oapi.dingtalk.com/topapi/v2/department/listsub {dept_id} — one level below dept_id.
  app.post('/topapi/v2/department/listsub', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { dept_id?: number }
    const parent = body.dept_id ?? 1
    if (!directory.departments.some((d) => d.id === parent))
      return c.json({ errcode: 60003, errmsg: '部门不存在' })
    const result = directory.departments
      .filter((d) => d.parentId === parent)
      .map((d) => ({
        dept_id: d.id,
        name: d.name,
        parent_id: parent,
        create_dept_group: false,
        auto_add_user: false,
      }))
    return c.json({ errcode: 0, errmsg: 'ok', request_id: 'fake', result })
  })

  // 根据unionid获取用户userid: POST https://oapi.dingtalk.com/topapi/user/getbyunionid {unionid}
  // → { errcode: 0, result: { contact_type: 0 (企业内部员工) | 1 (外部联系人), userid } }; 60121 找不到该用户.
  app.post('/topapi/user/getbyunionid', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { unionid?: string }
    if (!body.unionid) return c.json({ errcode: 400002, errmsg: '参数错误：unionid 必填' })
    const person = (directory.people as ContactPerson[]).find(
      (p) => p.unionId === body.unionid && !p.resigned,
    )
    if (!person) return c.json({ errcode: 60121, errmsg: '找不到该用户', request_id: 'fake' })
    return c.json({
      errcode: 0,
      errmsg: 'ok',
      request_id: 'fake',
      result: { contact_type: 0, userid: person.userid },
    })
  })

  // 查询用户详情: POST https://oapi.dingtalk.com/topapi/v2/user/get {userid, language} → { errcode: 0, result }.
  app.post('/topapi/v2/user/get', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { userid?: string }
    const person = (directory.people as ContactPerson[]).find((p) => p.userid === body.userid && !p.resigned)
    if (!person) return c.json({ errcode: 60121, errmsg: '找不到该用户', request_id: 'fake' })
    return c.json({ errcode: 0, errmsg: 'ok', request_id: 'fake', result: contactUser(person) })
  })

  // 获取部门用户详情: POST https://oapi.dingtalk.com/topapi/v2/user/list {dept_id, cursor, size}
  app.post('/topapi/v2/user/list', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as {
      dept_id?: number
      cursor?: number
      size?: number
    }
    if (body.dept_id === undefined || body.cursor === undefined || body.size === undefined)
      return c.json({ errcode: 400002, errmsg: '参数错误：dept_id、cursor、size 必填' })
    if (body.size > 100) return c.json({ errcode: 400002, errmsg: 'size 不能大于 100' })
    const members = (directory.people as ContactPerson[]).filter(
      (p) => !p.resigned && p.departmentIds.includes(body.dept_id!),
    )
    const { page, next } = pageOf(members, body.cursor, Math.min(body.size, state.pageSize))
    const list = page.map(contactUser)
    return c.json({
      errcode: 0,
      errmsg: 'ok',
      request_id: 'fake',
      result: next === null ? { has_more: false, list } : { has_more: true, next_cursor: next, list },
    })
  })
  return app
}

/** A member as DingTalk's user/get and user/list describe one (their common fields). */
function contactUser(p: ContactPerson) {
  return {
    userid: p.userid,
    unionid: p.unionId,
    name: p.name,
    avatar: '',
    state_code: '86',
    mobile: p.mobile,
    hide_mobile: false,
    telephone: '',
    job_number: p.jobNumber ?? '',
    title: p.title ?? '',
    email: p.email ?? '',
    org_email: '',
    work_place: '',
    remark: '',
    dept_id_list: p.departmentIds,
    dept_order: 0,
    extension: '{}',
    hired_date: p.hireDate ? chinaMidnight(p.hireDate) : undefined,
    active: true,
    admin: false,
    boss: false,
    leader: false,
    exclusive_account: false,
    manager_userid: p.managerUserid,
  }
}
