import { createHash } from 'node:crypto'
import { identityFieldsByKind } from '../../core/identity/identity-provider-rules.ts'
import { callbackCode, callProviderJson, type SignInFlow, stringFields } from './directory-identity.ts'
import { SsoSignInError } from './sso-sign-in-error.ts'

// Feishu/Lark (飞书) 网页应用登录, as documented on open.feishu.cn:
// 1. GET https://accounts.feishu.cn/open-apis/authen/v1/authorize?client_id&redirect_uri&state&code_challenge
//    &code_challenge_method=S256 → back to redirect_uri?code=…&state=… (a refusal: ?error=access_denied)
// 2. POST https://open.feishu.cn/open-apis/authen/v2/oauth/token { grant_type: authorization_code, client_id,
//    client_secret, code, redirect_uri, code_verifier } → { code: 0, access_token, … }
// 3. GET https://open.feishu.cn/open-apis/authen/v1/user_info (Authorization: Bearer) → { code: 0, data: { name,
//    open_id, union_id, user_id, email, enterprise_email, mobile, employee_no, … } }; the subject is union_id.
export const feishuSignIn: SignInFlow = {
  async authorizationUrl(provider, pending, endpoints) {
    const url = new URL('/open-apis/authen/v1/authorize', endpoints.feishuAccounts)
    url.search = new URLSearchParams({
      client_id: provider.clientId,
      redirect_uri: pending.redirectUri,
      state: pending.state,
      code_challenge: createHash('sha256').update(pending.codeVerifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString()
    return url.toString()
  },

  async readIdentity(provider, pending, callback, endpoints) {
    const code = callbackCode(callback, 'code')
    const token = await callProviderJson(
      new URL('/open-apis/authen/v2/oauth/token', endpoints.feishuApi).toString(),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({
          grant_type: 'authorization_code',
          client_id: provider.clientId,
          client_secret: provider.clientSecret,
          code,
          redirect_uri: pending.redirectUri,
          code_verifier: pending.codeVerifier,
        }),
      },
    )
    const accessToken = token.body.access_token
    if (token.body.code !== 0 || typeof accessToken !== 'string')
      throw new SsoSignInError(
        'provider_error',
        `oauth/token: ${String(token.body.code)} ${String(token.body.error_description)}`,
      )
    const info = await callProviderJson(
      new URL('/open-apis/authen/v1/user_info', endpoints.feishuApi).toString(),
      {
        headers: { authorization: `Bearer ${accessToken}` },
      },
    )
    const data = info.body.data
    if (info.body.code !== 0 || typeof data !== 'object' || data === null)
      throw new SsoSignInError(
        'provider_error',
        `user_info: ${String(info.body.code)} ${String(info.body.msg)}`,
      )
    const fields = stringFields(data as Record<string, unknown>, identityFieldsByKind.feishu)
    const subject = fields.union_id ?? fields.open_id
    if (!subject) throw new SsoSignInError('no_identity', 'user_info without union_id or open_id')
    return { subject, fields }
  },
}
