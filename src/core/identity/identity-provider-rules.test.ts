import { describe, expect, it } from 'vitest'
import { checkProviderSettings, issuerProblem } from './identity-provider-rules.ts'

const base = {
  clientId: 'c',
  hasSecret: true,
  issuer: null,
  corpId: null,
  agentId: null,
  matchIdentityField: 'mobile',
}

describe('identity provider settings', () => {
  it.each([
    ['https://login.example.com', undefined],
    ['http://127.0.0.1:4000/oidc', undefined],
    ['http://localhost:4000', undefined],
    ['http://sso.example.com', '必须是 https:// 网址（只有本机 localhost / 127.0.0.1 可以用 http://）'],
    ['ftp://example.com', '必须是 https:// 网址（只有本机 localhost / 127.0.0.1 可以用 http://）'],
    ['https://u:p@example.com', '网址里不能带用户名或密码'],
    ['https://example.com/?a=1', '网址里不能带 ? 或 # 部分'],
    ['not a url', '不是有效的网址'],
  ])('issuer %s → %s', (issuer, problem) => {
    expect(issuerProblem(issuer)).toBe(problem)
  })

  it('names each missing WeCom field (corp id, agent id) and a non-numeric agent id', () => {
    expect(checkProviderSettings('wecom', { ...base, matchIdentityField: 'userid' })).toEqual([
      { path: 'corpId', message: '企业微信必须填写企业ID（CorpID）' },
      { path: 'agentId', message: '企业微信必须填写应用的 AgentId' },
    ])
    expect(
      checkProviderSettings('wecom', { ...base, corpId: 'ww1', agentId: 'x1', matchIdentityField: 'userid' }),
    ).toEqual([{ path: 'agentId', message: 'AgentId 应为数字' }])
  })

  it('refuses an identity field the provider does not return, naming the ones it does', () => {
    expect(checkProviderSettings('dingtalk', { ...base, matchIdentityField: 'jobnumber' })).toEqual([
      {
        path: 'matchIdentityField',
        message: '应为以下之一：mobile、email、unionId、openId、job_number、userid',
      },
    ])
  })

  it('requires the issuer and the secret for OpenID Connect, and accepts any claim name', () => {
    expect(
      checkProviderSettings('oidc', { ...base, hasSecret: false, matchIdentityField: 'employee_number' }),
    ).toEqual([
      { path: 'clientSecret', message: '新建时必须填写密钥（Secret）' },
      { path: 'issuer', message: 'OpenID Connect 必须填写签发方网址（Issuer）' },
    ])
  })
})
