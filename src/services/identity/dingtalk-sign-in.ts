import { identityFieldsByKind } from '../../core/identity/identity-provider-rules.ts'
import { callbackCode, callProviderJson, type SignInFlow, stringFields } from './directory-identity.ts'
import { SsoSignInError } from './sso-sign-in-error.ts'

// DingTalk (钉钉) 登录第三方网站, as documented on open.dingtalk.com:
// 1. GET https://login.dingtalk.com/oauth2/auth?redirect_uri&response_type=code&client_id&scope=openid&state
//    &prompt=consent → back to redirect_uri?authCode=…&state=…
// 2. POST https://api.dingtalk.com/v1.0/oauth2/userAccessToken { clientId, clientSecret, code, grantType }
// 3. GET https://api.dingtalk.com/v1.0/contact/users/me (header x-acs-dingtalk-access-token)
//    → { nick, mobile, email, unionId, openId, stateCode }; the subject is unionId.
// users/me has no 工号. When the matching field is not in it (job_number, userid, or a hidden mobile), the
// person is read from the contact API on the classic host (oapi.dingtalk.com) with the app's own token:
// 4. GET  /gettoken?appkey&appsecret                  → { errcode: 0, access_token, expires_in }
// 5. POST /topapi/user/getbyunionid?access_token { unionid } → { errcode: 0, result: { contact_type, userid } }
// 6. POST /topapi/v2/user/get?access_token { userid, language } → { errcode: 0, result: { userid, job_number,
//    mobile, email, org_email, … } }
export const dingtalkSignIn: SignInFlow = {
  async authorizationUrl(provider, pending, endpoints) {
    const url = new URL('/oauth2/auth', endpoints.dingtalkLogin)
    url.search = new URLSearchParams({
      redirect_uri: pending.redirectUri,
      response_type: 'code',
      client_id: provider.clientId,
      scope: 'openid',
      state: pending.state,
      prompt: 'consent',
    }).toString()
    return url.toString()
  },

  async readIdentity(provider, _pending, callback, endpoints) {
    const code = callbackCode(callback, 'authCode', 'code')
    const token = await callProviderJson(
      new URL('/v1.0/oauth2/userAccessToken', endpoints.dingtalkApi).toString(),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          clientId: provider.clientId,
          clientSecret: provider.clientSecret,
          code,
          grantType: 'authorization_code',
        }),
      },
    )
    const accessToken = token.body.accessToken
    if (token.status !== 200 || typeof accessToken !== 'string')
      throw new SsoSignInError(
        'provider_error',
        `userAccessToken: ${String(token.body.code)} ${String(token.body.message)}`,
      )
    const me = await callProviderJson(new URL('/v1.0/contact/users/me', endpoints.dingtalkApi).toString(), {
      headers: { 'x-acs-dingtalk-access-token': accessToken },
    })
    if (me.status !== 200)
      throw new SsoSignInError(
        'provider_error',
        `users/me: ${String(me.body.code)} ${String(me.body.message)}`,
      )
    const fields = stringFields(me.body, identityFieldsByKind.dingtalk)
    if (!fields.unionId) throw new SsoSignInError('no_identity', 'users/me without unionId')
    if (fields[provider.matchIdentityField]) return { subject: fields.unionId, fields }
    const contact = await readContactUser(provider, fields.unionId, endpoints.dingtalkOapi)
    // users/me speaks for what the person consented to; the contact record only fills the gaps.
    return { subject: fields.unionId, fields: { ...contact, ...fields } }
  },
}

/** The person's record in the company's contact directory (工号, userid, mobile, email), found by unionId. */
async function readContactUser(
  provider: { clientId: string; clientSecret: string },
  unionId: string,
  oapi: string,
): Promise<Record<string, string>> {
  const tokenUrl = new URL('/gettoken', oapi)
  tokenUrl.search = new URLSearchParams({
    appkey: provider.clientId,
    appsecret: provider.clientSecret,
  }).toString()
  const token = await callProviderJson(tokenUrl.toString())
  const accessToken = token.body.access_token
  if (token.body.errcode !== 0 || typeof accessToken !== 'string')
    throw new SsoSignInError('provider_error', `gettoken: ${errorOf(token.body)}`)
  const post = (path: string, payload: unknown) => {
    const url = new URL(path, oapi)
    url.searchParams.set('access_token', accessToken)
    return callProviderJson(url.toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    })
  }
  const byUnionId = await post('/topapi/user/getbyunionid', { unionid: unionId })
  const found = byUnionId.body.result as { userid?: unknown; contact_type?: unknown } | undefined
  // 60121 找不到该用户: signed in to DingTalk, but not a member of this company's directory.
  if (byUnionId.body.errcode === 60121)
    throw new SsoSignInError('no_match', `unionId ${unionId} not in contacts`)
  if (byUnionId.body.errcode !== 0 || typeof found?.userid !== 'string')
    throw new SsoSignInError('provider_error', `getbyunionid: ${errorOf(byUnionId.body)}`)
  // contact_type 1 is an external contact (外部联系人), never an employee of the roster.
  if (found.contact_type === 1) throw new SsoSignInError('no_match', `unionId ${unionId} is external`)
  const user = await post('/topapi/v2/user/get', { userid: found.userid, language: 'zh_CN' })
  const result = user.body.result
  if (user.body.errcode !== 0 || typeof result !== 'object' || result === null)
    throw new SsoSignInError('provider_error', `user/get: ${errorOf(user.body)}`)
  const record = result as Record<string, unknown>
  const fields = stringFields(record, ['job_number', 'userid', 'mobile', 'email'])
  if (!fields.email) Object.assign(fields, stringFields({ email: record.org_email }, ['email']))
  return fields
}

function errorOf(body: Record<string, unknown>): string {
  return `${String(body.errcode)} ${String(body.errmsg)}`
}
