import { describe, expect, it } from 'vitest'
import { documentedProviderEndpoints, readProviderEndpoints } from './provider-endpoints.ts'

// The DingTalk/Feishu/WeCom hosts are the documented ones unless the server's environment points them elsewhere
// (a private gateway, or a test's local fake).
describe('readProviderEndpoints', () => {
  it('answers the documented hosts by default', () => {
    expect(readProviderEndpoints({})).toEqual(documentedProviderEndpoints)
    expect(documentedProviderEndpoints).toMatchObject({
      dingtalkApi: 'https://api.dingtalk.com',
      feishuAccounts: 'https://accounts.feishu.cn',
      wecomApi: 'https://qyapi.weixin.qq.com',
    })
  })

  it('takes an override per host, without a trailing slash', () => {
    const endpoints = readProviderEndpoints({
      JIXIAO_DINGTALK_API_URL: 'http://127.0.0.1:4100/',
      JIXIAO_WECOM_LOGIN_URL: ' https://gateway.example.com/wecom-login ',
    })
    expect(endpoints.dingtalkApi).toBe('http://127.0.0.1:4100')
    expect(endpoints.wecomLogin).toBe('https://gateway.example.com/wecom-login')
    expect(endpoints.feishuApi).toBe('https://open.feishu.cn')
  })

  it('refuses a value that is no http(s) URL, naming the variable', () => {
    expect(() => readProviderEndpoints({ JIXIAO_FEISHU_API_URL: 'ftp://x' })).toThrow(
      'Invalid environment variable JIXIAO_FEISHU_API_URL: expected an http(s) URL',
    )
    expect(() => readProviderEndpoints({ JIXIAO_FEISHU_API_URL: 'open.feishu.cn' })).toThrow(
      'JIXIAO_FEISHU_API_URL',
    )
  })
})
