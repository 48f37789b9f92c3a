import { Hono } from 'hono'
import { type FakeDirectory, type FakePerson, fakeToken } from './fake-directory.ts'

// A fake WeCom (企业微信) answering like its public documentation: the web login page
// (login.work.weixin.qq.com) and the server API (qyapi.weixin.qq.com) are both served here, at their
// documented paths. Errors come as HTTP 200 with a non-zero errcode, as WeCom does.

export function createFakeWeCom(directory: FakeDirectory): Hono {
  const app = new Hono()
  const codes = new Map<string, FakePerson>()
  const accessTokens = new Set<string>()
  app.use('*', async (c, next) => {
    directory.requests.push(`${c.req.method} ${c.req.path}`)
    await next()
  })

  // 企业微信Web登录: GET https://login.work.weixin.qq.com/wwlogin/sso/login?login_type=CorpApp&appid=CORPID
  // &agentid=AGENTID&redirect_uri&state. After the scan it returns to redirect_uri?code=CODE&state=STATE.
  app.get('/wwlogin/sso/login', (c) => {
    const q = c.req.query()
    if (q.appid !== directory.corpId || q.agentid !== directory.agentId || !q.redirect_uri)
      return c.text('该链接无法访问', 400)
    const person = directory.people.find((p) => p.userid === directory.signInAs)
    // A person who does not confirm never comes back; the test's stand-in is an error page.
    if (!person) return c.text('你已取消登录', 200)
    const code = fakeToken('')
    codes.set(code, person)
    const back = new URL(q.redirect_uri)
    back.searchParams.set('code', code)
    if (q.state !== undefined) back.searchParams.set('state', q.state)
    return c.redirect(back.toString(), 302)
  })

  // 获取access_token: GET https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid&corpsecret
  // → { errcode: 0, errmsg: 'ok', access_token, expires_in: 7200 }.
  app.get('/cgi-bin/gettoken', (c) => {
    const q = c.req.query()
    if (q.corpid !== directory.corpId) return c.json({ errcode: 40013, errmsg: 'invalid corpid' })
    if (q.corpsecret !== directory.clientSecret)
      return c.json({ errcode: 40001, errmsg: 'invalid credential' })
    const token = fakeToken('')
    accessTokens.add(token)
    return c.json({ errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 })
  })

  // 获取访问用户身份: GET https://qyapi.weixin.qq.com/cgi-bin/auth/getuserinfo?access_token&code
  // → members { errcode: 0, errmsg: 'ok', userid, user_ticket }, non-members { errcode: 0, errmsg: 'ok', openid,
  // external_userid }.
  app.get('/cgi-bin/auth/getuserinfo', (c) => {
    const q = c.req.query()
    if (!accessTokens.has(q.access_token ?? ''))
      return c.json({ errcode: 40014, errmsg: 'invalid access_token' })
    const person = codes.get(q.code ?? '')
    if (!person) return c.json({ errcode: 40029, errmsg: 'invalid code' })
    codes.delete(q.code!)
    if (person.departmentIds.length === 0)
      return c.json({
        errcode: 0,
        errmsg: 'ok',
        openid: person.openId,
        external_userid: `wm${person.openId}`,
      })
    return c.json({ errcode: 0, errmsg: 'ok', userid: person.userid, user_ticket: fakeToken('') })
  })

  // 读取成员: GET https://qyapi.weixin.qq.com/cgi-bin/user/get?access_token&userid
  // → { errcode: 0, errmsg: 'ok', userid, name, department, position, mobile, gender, email, biz_mail, status, … }.
  app.get('/cgi-bin/user/get', (c) => {
    const q = c.req.query()
    if (!accessTokens.has(q.access_token ?? ''))
      return c.json({ errcode: 40014, errmsg: 'invalid access_token' })
    const person = directory.people.find((p) => p.userid === q.userid)
    if (!person) return c.json({ errcode: 60111, errmsg: 'userid not found' })
    return c.json({
      errcode: 0,
      errmsg: 'ok',
      userid: person.userid,
      name: person.name,
      department: person.departmentIds,
      position: person.title ?? '',
      ...(person.mobile ? { mobile: person.mobile } : {}),
      gender: '0',
      ...(person.email ? { email: person.email, biz_mail: person.email } : {}),
      status: 1,
      ...(person.managerUserid ? { direct_leader: [person.managerUserid] } : {}),
    })
  })

  return app
}
