import { identityFieldsByKind } from '../../core/identity/identity-provider-rules.ts'
import { callbackCode, callProviderJson, type SignInFlow, stringFields } from './directory-identity.ts'
import { SsoSignInError } from './sso-sign-in-error.ts'

// WeCom (企业微信) 企业微信Web登录, as documented on developer.work.weixin.qq.com:
// 1. GET https://login.work.weixin.qq.com/wwlogin/sso/login?login_type=CorpApp&appid=CORPID&agentid=AGENTID
//    &redirect_uri&state → back to redirect_uri?code=…&state=…
// 2. GET https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid&corpsecret → { errcode: 0, access_token }
// 3. GET https://qyapi.weixin.qq.com/cgi-bin/auth/getuserinfo?access_token&code → { errcode: 0, userid }
//    (a non-member gets openid instead, and cannot sign in)
// 4. GET https://qyapi.weixin.qq.com/cgi-bin/user/get?access_token&userid → { userid, mobile, email, biz_mail, … };
//    the subject is userid.
export const wecomSignIn: SignInFlow = {
  async authorizationUrl(provider, pending, endpoints) {
    const url = new URL('/wwlogin/sso/login', endpoints.wecomLogin)
    url.search = new URLSearchParams({
      login_type: 'CorpApp',
      appid: provider.corpId ?? '',
      agentid: provider.agentId ?? '',
      redirect_uri: pending.redirectUri,
      state: pending.state,
    }).toString()
    return url.toString()
  },

  async readIdentity(provider, _pending, callback, endpoints) {
    const code = callbackCode(callback, 'code')
    const api = (path: string, query: Record<string, string>) => {
      const url = new URL(path, endpoints.wecomApi)
      url.search = new URLSearchParams(query).toString()
      return callProviderJson(url.toString())
    }
    const failed = (step: string, body: Record<string, unknown>) =>
      new SsoSignInError('provider_error', `${step}: ${String(body.errcode)} ${String(body.errmsg)}`)
    const token = await api('/cgi-bin/gettoken', {
      corpid: provider.corpId ?? '',
      corpsecret: provider.clientSecret,
    })
    const accessToken = token.body.access_token
    if (token.body.errcode !== 0 || typeof accessToken !== 'string') throw failed('gettoken', token.body)
    const who = await api('/cgi-bin/auth/getuserinfo', { access_token: accessToken, code })
    if (who.body.errcode !== 0) throw failed('getuserinfo', who.body)
    const userid = who.body.userid
    if (typeof userid !== 'string' || userid === '')
      throw new SsoSignInError('no_identity', 'getuserinfo: not a member of the company')
    const user = await api('/cgi-bin/user/get', { access_token: accessToken, userid })
    if (user.body.errcode !== 0) throw failed('user/get', user.body)
    const fields = { ...stringFields(user.body, identityFieldsByKind.wecom), userid }
    return { subject: userid, fields }
  },
}
