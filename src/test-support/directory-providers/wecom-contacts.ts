import { Hono } from 'hono'
import { type ContactState, checkToken, issueToken, takeRateLimit } from './contact-state.ts'
import type { ContactPerson } from './dingtalk-contacts.ts'
import type { FakeDirectory } from './fake-directory.ts'

// Test support: WeCom's (企业微信) documented contact API, answering from a FakeDirectory. Department 1 is the
// root (parentid 0). Error bodies are {errcode, errmsg}, as in WeCom's 全局错误码. Members who left have status 5.

export function createWecomContactsApp(directory: FakeDirectory, state: ContactState): Hono {
  const app = new Hono()
  app.use(async (c, next) => {
    directory.requests.push(`${c.req.method} ${new URL(c.req.url).pathname}`)
    await next()
  })

  // 获取access_token: GET https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=&corpsecret=
  app.get('/cgi-bin/gettoken', (c) => {
    if (c.req.query('corpid') !== directory.corpId)
      return c.json({ errcode: 40013, errmsg: 'invalid corpid' })
    if (c.req.query('corpsecret') !== directory.clientSecret)
      return c.json({ errcode: 40001, errmsg: 'invalid credential' })
    return c.json({ errcode: 0, errmsg: 'ok', access_token: issueToken(state, 'wx'), expires_in: 7200 })
  })

  const guard = (token: string | undefined) => {
    const check = checkToken(state, token)
    if (check === 'expired') return { errcode: 42001, errmsg: 'access_token expired' }
    if (check === 'invalid') return { errcode: 40014, errmsg: 'invalid access_token' }
    if (takeRateLimit(state)) return { errcode: 45009, errmsg: 'api freq out of limit' }
    return undefined
  }

  // 获取部门列表: GET https://qyapi.weixin.qq.com/cgi-bin/department/list?access_token=&id=
  app.get('/cgi-bin/department/list', (c) => {
    const refused = guard(c.req.query('access_token'))
    if (refused) return c.json(refused)
    const department = directory.departments.map((d, i) => ({
      id: d.id,
      name: d.name,
      name_en: '',
      department_leader: [],
      parentid: d.parentId ?? 0,
      order: 100000000 - i,
    }))
    return c.json({ errcode: 0, errmsg: 'ok', department })
  })

  // 获取部门成员详情: GET https://qyapi.weixin.qq.com/cgi-bin/user/list?access_token=&department_id=
  app.get('/cgi-bin/user/list', (c) => {
    const refused = guard(c.req.query('access_token'))
    if (refused) return c.json(refused)
    const dept = Number(c.req.query('department_id'))
    if (!directory.departments.some((d) => d.id === dept))
      return c.json({ errcode: 60003, errmsg: 'department not found' })
    const userlist = (directory.people as ContactPerson[])
      .filter((p) => p.departmentIds.includes(dept))
      .map((p) => ({
        userid: p.userid,
        name: p.name,
        department: p.departmentIds,
        order: p.departmentIds.map(() => 0),
        position: p.title ?? '',
        mobile: p.mobile ?? '',
        gender: '0',
        email: p.email ?? '',
        biz_mail: '',
        is_leader_in_dept: p.departmentIds.map(() => 0),
        direct_leader: p.managerUserid ? [p.managerUserid] : [],
        avatar: '',
        thumb_avatar: '',
        telephone: '',
        alias: '',
        status: p.resigned ? 5 : 1,
        address: '',
        open_userid: p.openId,
        main_department: p.departmentIds[0],
      }))
    return c.json({ errcode: 0, errmsg: 'ok', userlist })
  })
  return app
}
