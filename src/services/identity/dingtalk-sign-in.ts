import { identityFieldsByKind } from '../../core/identity/identity-provider-rules.ts'
import { callbackCode, callProviderJson, type SignInFlow, stringFields } from './directory-identity.ts'
import { SsoSignInError } from './sso-sign-in-error.ts'

// DingTalk (钉钉) 登录第三方网站, as documented on open.dingtalk.com:
// 1. GET https://login.dingtalk.com/oauth2/auth?redirect_uri&response_type=code&client_id&scope=openid&state
//    &prompt=consent → back to redirect_uri?authCode=…&state=…
// 2. POST https://api.dingtalk.com/v1.0/oauth2/userAccessToken { clientId, clientSecret, code, grantType }
// 3. GET https://api.dingtalk.com/v1.0/contact/users/me (header x-acs-dingtalk-access-token)
//    → { nick, mobile, email, unionId, openId, stateCode }; the subject is unionId.
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
    return { subject: fields.unionId, fields }
  },
}
