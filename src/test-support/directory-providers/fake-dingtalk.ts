import { Hono } from 'hono'
import { type FakeDirectory, type FakePerson, fakeToken } from './fake-directory.ts'

// A fake DingTalk (钉钉) answering like its public documentation: the login page (login.dingtalk.com) and the
// new API host (api.dingtalk.com) are both served here, at their documented paths.

export function createFakeDingTalk(directory: FakeDirectory): Hono {
  const app = new Hono()
  const codes = new Map<string, FakePerson>()
  const userTokens = new Map<string, FakePerson>()
  app.use('*', async (c, next) => {
    directory.requests.push(`${c.req.method} ${c.req.path}`)
    await next()
  })

  // 获取登录用户的访问凭证 step 1: GET https://login.dingtalk.com/oauth2/auth?redirect_uri&response_type=code
  // &client_id&scope=openid&state&prompt=consent. Success returns to redirect_uri?authCode=…&state=…, a refusal
  // to redirect_uri?error=…&state=….
  app.get('/oauth2/auth', (c) => {
    const q = c.req.query()
    if (q.client_id !== directory.clientId || q.response_type !== 'code' || !q.redirect_uri)
      return c.text('应用不存在或参数错误', 400)
    const back = new URL(q.redirect_uri)
    if (q.state !== undefined) back.searchParams.set('state', q.state)
    const person = directory.people.find((p) => p.userid === directory.signInAs)
    if (!person) {
      back.searchParams.set('error', 'access_denied')
      return c.redirect(back.toString(), 302)
    }
    const code = fakeToken('auth')
    codes.set(code, person)
    back.searchParams.set('authCode', code)
    back.searchParams.set('code', code)
    return c.redirect(back.toString(), 302)
  })

  // 获取用户token: POST https://api.dingtalk.com/v1.0/oauth2/userAccessToken
  // { clientId, clientSecret, code, grantType: 'authorization_code' } → { accessToken, refreshToken, expireIn, corpId }.
  app.post('/v1.0/oauth2/userAccessToken', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as Record<string, string>
    if (body.clientId !== directory.clientId || body.clientSecret !== directory.clientSecret)
      return c.json({ code: 'invalidClientIdOrSecret', message: '无效的clientId或者clientSecret' }, 400)
    const person = body.code ? codes.get(body.code) : undefined
    if (body.grantType !== 'authorization_code' || !person)
      return c.json({ code: 'invalidAuthCode', message: '不合法的临时授权码' }, 400)
    codes.delete(body.code!)
    const accessToken = fakeToken('')
    userTokens.set(accessToken, person)
    return c.json({ accessToken, refreshToken: fakeToken(''), expireIn: 7200, corpId: directory.corpId })
  })

  // 获取用户通讯录个人信息: GET https://api.dingtalk.com/v1.0/contact/users/me with header
  // x-acs-dingtalk-access-token → { nick, avatarUrl, mobile, openId, unionId, email, stateCode }.
  app.get('/v1.0/contact/users/:unionId', (c) => {
    const person = userTokens.get(c.req.header('x-acs-dingtalk-access-token') ?? '')
    if (!person) return c.json({ code: 'InvalidAuthentication', message: '不合法的access_token' }, 401)
    if (c.req.param('unionId') !== 'me')
      return c.json({ code: 'Forbidden.AccessDenied', message: '没有调用该接口的权限' }, 403)
    return c.json({
      nick: person.name,
      avatarUrl: 'https://static-legacy.dingtalk.com/media/avatar.png',
      ...(person.mobile ? { mobile: person.mobile, stateCode: '86' } : {}),
      openId: person.openId,
      unionId: person.unionId,
      ...(person.email ? { email: person.email } : {}),
    })
  })

  return app
}
