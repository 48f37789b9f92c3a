import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import { type FakeDirectory, type FakePerson, fakeToken } from './fake-directory.ts'

// A fake Feishu/Lark (飞书) answering like its public documentation: the authorization page
// (accounts.feishu.cn) and the Open API (open.feishu.cn) are both served here, at their documented paths.

export function createFakeFeishu(directory: FakeDirectory): Hono {
  const app = new Hono()
  const codes = new Map<string, { person: FakePerson; redirectUri: string; challenge?: string }>()
  const userTokens = new Map<string, FakePerson>()
  app.use('*', async (c, next) => {
    directory.requests.push(`${c.req.method} ${c.req.path}`)
    await next()
  })

  // 获取授权码: GET https://accounts.feishu.cn/open-apis/authen/v1/authorize?client_id&redirect_uri&scope&state
  // &code_challenge&code_challenge_method. Returns to redirect_uri?code=…&state=…; a refusal to
  // redirect_uri?error=access_denied&state=….
  app.get('/open-apis/authen/v1/authorize', (c) => {
    const q = c.req.query()
    if (q.client_id !== directory.clientId || !q.redirect_uri)
      return c.text('20029 redirect_uri 请求不合法', 400)
    const back = new URL(q.redirect_uri)
    const person = directory.people.find((p) => p.userid === directory.signInAs)
    if (!person) back.searchParams.set('error', 'access_denied')
    else {
      const code = fakeToken('')
      codes.set(code, { person, redirectUri: q.redirect_uri, challenge: q.code_challenge })
      back.searchParams.set('code', code)
    }
    if (q.state !== undefined) back.searchParams.set('state', q.state)
    return c.redirect(back.toString(), 302)
  })

  // 获取 user_access_token: POST https://open.feishu.cn/open-apis/authen/v2/oauth/token
  // { grant_type: 'authorization_code', client_id, client_secret, code, redirect_uri, code_verifier }
  // → { code: 0, access_token, expires_in, token_type: 'Bearer', scope, … }; errors are 400 with
  // { code, error, error_description }.
  app.post('/open-apis/authen/v2/oauth/token', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as Record<string, string>
    if (body.client_id !== directory.clientId || body.client_secret !== directory.clientSecret)
      return c.json(
        { code: 20002, error: 'invalid_client', error_description: 'The client secret is invalid.' },
        400,
      )
    const issued = body.code ? codes.get(body.code) : undefined
    const verifierOk =
      !issued?.challenge ||
      createHash('sha256')
        .update(body.code_verifier ?? '')
        .digest('base64url') === issued.challenge
    if (
      body.grant_type !== 'authorization_code' ||
      !issued ||
      issued.redirectUri !== body.redirect_uri ||
      !verifierOk
    )
      return c.json(
        { code: 20003, error: 'invalid_grant', error_description: 'The authorization code is invalid.' },
        400,
      )
    codes.delete(body.code!)
    const accessToken = fakeToken('u-')
    userTokens.set(accessToken, issued.person)
    return c.json({ code: 0, access_token: accessToken, expires_in: 7200, token_type: 'Bearer', scope: '' })
  })

  // 获取用户信息: GET https://open.feishu.cn/open-apis/authen/v1/user_info with Authorization: Bearer
  // user_access_token → { code: 0, msg: 'success', data: { name, en_name, avatar_url, open_id, union_id, email,
  // enterprise_email, user_id, mobile, tenant_key, employee_no } }.
  app.get('/open-apis/authen/v1/user_info', (c) => {
    const token = (c.req.header('authorization') ?? '').replace(/^Bearer /, '')
    const person = userTokens.get(token)
    if (!person) return c.json({ code: 99991668, msg: 'Invalid access token for authorization.' }, 401)
    return c.json({
      code: 0,
      msg: 'success',
      data: {
        name: person.name,
        en_name: person.name,
        avatar_url: 'https://s1-imfile.feishucdn.com/static-resource/v1/avatar',
        open_id: person.openId,
        union_id: person.unionId,
        ...(person.email ? { email: person.email, enterprise_email: person.email } : {}),
        user_id: person.userid,
        ...(person.mobile ? { mobile: `+86${person.mobile}` } : {}),
        tenant_key: directory.corpId,
        ...(person.jobNumber ? { employee_no: person.jobNumber } : {}),
      },
    })
  })

  return app
}
