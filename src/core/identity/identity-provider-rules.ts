// Sign-in with the company's directory: which providers exist, which fields of their identities can match
// which employee field, the suggested rule per provider, and the checks a provider's settings must pass.

export const identityProviderKinds = ['oidc', 'dingtalk', 'feishu', 'wecom'] as const
export type IdentityProviderKind = (typeof identityProviderKinds)[number]

export const employeeMatchFields = ['employee_no', 'email', 'phone'] as const
export type EmployeeMatchField = (typeof employeeMatchFields)[number]

/**
 * The identity fields each provider returns at sign-in (as its documentation names them). OpenID Connect
 * lists the standard claims; any other string claim of the ID token or userinfo may be typed.
 */
export const identityFieldsByKind: Record<IdentityProviderKind, readonly string[]> = {
  // ID token / userinfo claims (OpenID Connect Core 1.0 §5.1)
  oidc: ['email', 'phone_number', 'preferred_username', 'sub'],
  // GET /v1.0/contact/users/me; job_number (工号) and userid from the contact API (POST /topapi/v2/user/get)
  dingtalk: ['mobile', 'email', 'unionId', 'openId', 'job_number', 'userid'],
  // GET /open-apis/authen/v1/user_info
  feishu: ['email', 'enterprise_email', 'mobile', 'employee_no', 'user_id', 'open_id', 'union_id'],
  // GET /cgi-bin/user/get
  wecom: ['userid', 'mobile', 'email', 'biz_mail'],
}

/** The rule suggested for a new provider: what each directory usually shares with the roster (花名册). */
export const suggestedMatchByKind: Record<
  IdentityProviderKind,
  { identityField: string; employeeField: EmployeeMatchField }
> = {
  oidc: { identityField: 'email', employeeField: 'email' },
  dingtalk: { identityField: 'mobile', employeeField: 'phone' },
  feishu: { identityField: 'email', employeeField: 'email' },
  wecom: { identityField: 'userid', employeeField: 'employee_no' },
}

/** The name on the login button unless the admin chooses another. */
export const defaultDisplayNameByKind: Record<IdentityProviderKind, string> = {
  oidc: 'OpenID Connect',
  dingtalk: '钉钉',
  feishu: '飞书',
  wecom: '企业微信',
}

export type ProviderSettingsIssue = { path: string; message: string }

export type ProviderSettings = {
  clientId: string | null
  hasSecret: boolean
  issuer: string | null
  corpId: string | null
  agentId: string | null
  matchIdentityField: string
}

const claimName = /^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/

/**
 * Whether an issuer URL is acceptable: https, or http only on this machine (localhost, 127.0.0.1, [::1]) for a
 * provider run beside Jixiao in development and tests. No credentials, query or fragment.
 */
export function issuerProblem(issuer: string): string | undefined {
  let url: URL
  try {
    url = new URL(issuer)
  } catch {
    return '不是有效的网址'
  }
  if (url.username || url.password) return '网址里不能带用户名或密码'
  if (url.search || url.hash) return '网址里不能带 ? 或 # 部分'
  if (url.protocol === 'https:') return undefined
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return undefined
  return '必须是 https:// 网址（只有本机 localhost / 127.0.0.1 可以用 http://）'
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]'
}

/** Every problem of a provider's settings, each naming its field; empty when they can be saved. */
export function checkProviderSettings(
  kind: IdentityProviderKind,
  s: ProviderSettings,
): ProviderSettingsIssue[] {
  const issues: ProviderSettingsIssue[] = []
  if (!s.hasSecret) issues.push({ path: 'clientSecret', message: '新建时必须填写密钥（Secret）' })
  if (kind === 'wecom') {
    if (!s.corpId) issues.push({ path: 'corpId', message: '企业微信必须填写企业ID（CorpID）' })
    if (!s.agentId) issues.push({ path: 'agentId', message: '企业微信必须填写应用的 AgentId' })
    else if (!/^\d{1,20}$/.test(s.agentId)) issues.push({ path: 'agentId', message: 'AgentId 应为数字' })
  } else {
    if (!s.clientId) issues.push({ path: 'clientId', message: '必须填写 Client ID / App ID' })
    if (s.corpId) issues.push({ path: 'corpId', message: '只有企业微信需要企业ID' })
    if (s.agentId) issues.push({ path: 'agentId', message: '只有企业微信需要 AgentId' })
  }
  if (kind === 'oidc') {
    if (!s.issuer) issues.push({ path: 'issuer', message: 'OpenID Connect 必须填写签发方网址（Issuer）' })
    else {
      const problem = issuerProblem(s.issuer)
      if (problem) issues.push({ path: 'issuer', message: problem })
    }
    if (!claimName.test(s.matchIdentityField))
      issues.push({ path: 'matchIdentityField', message: '应为 ID Token 里的字段名，如 email' })
  } else {
    if (s.issuer) issues.push({ path: 'issuer', message: '只有 OpenID Connect 需要签发方网址' })
    const fields = identityFieldsByKind[kind]
    if (!fields.includes(s.matchIdentityField))
      issues.push({ path: 'matchIdentityField', message: `应为以下之一：${fields.join('、')}` })
  }
  return issues
}
