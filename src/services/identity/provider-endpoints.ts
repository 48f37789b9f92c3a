// Where DingTalk, Feishu and WeCom are reached: their documented hosts by default. Each can be pointed elsewhere
// by the server's environment, for private gateways and tests (which point them at local fake servers).

export type ProviderEndpoints = {
  /** DingTalk login page host (https://login.dingtalk.com), env JIXIAO_DINGTALK_LOGIN_URL. */
  dingtalkLogin: string
  /** DingTalk new API host (https://api.dingtalk.com), env JIXIAO_DINGTALK_API_URL. */
  dingtalkApi: string
  /** DingTalk classic API host (https://oapi.dingtalk.com, contact API of directory sync), env JIXIAO_DINGTALK_OAPI_URL. */
  dingtalkOapi: string
  /** Feishu authorization page host (https://accounts.feishu.cn), env JIXIAO_FEISHU_ACCOUNTS_URL. */
  feishuAccounts: string
  /** Feishu Open API host (https://open.feishu.cn), env JIXIAO_FEISHU_API_URL. */
  feishuApi: string
  /** WeCom web login host (https://login.work.weixin.qq.com), env JIXIAO_WECOM_LOGIN_URL. */
  wecomLogin: string
  /** WeCom server API host (https://qyapi.weixin.qq.com), env JIXIAO_WECOM_API_URL. */
  wecomApi: string
}

export const documentedProviderEndpoints: ProviderEndpoints = {
  dingtalkLogin: 'https://login.dingtalk.com',
  dingtalkApi: 'https://api.dingtalk.com',
  dingtalkOapi: 'https://oapi.dingtalk.com',
  feishuAccounts: 'https://accounts.feishu.cn',
  feishuApi: 'https://open.feishu.cn',
  wecomLogin: 'https://login.work.weixin.qq.com',
  wecomApi: 'https://qyapi.weixin.qq.com',
}

const envNames: Record<keyof ProviderEndpoints, string> = {
  dingtalkLogin: 'JIXIAO_DINGTALK_LOGIN_URL',
  dingtalkApi: 'JIXIAO_DINGTALK_API_URL',
  dingtalkOapi: 'JIXIAO_DINGTALK_OAPI_URL',
  feishuAccounts: 'JIXIAO_FEISHU_ACCOUNTS_URL',
  feishuApi: 'JIXIAO_FEISHU_API_URL',
  wecomLogin: 'JIXIAO_WECOM_LOGIN_URL',
  wecomApi: 'JIXIAO_WECOM_API_URL',
}

/** The endpoints after the environment's overrides; a value that is no http(s) URL is refused by name. */
export function readProviderEndpoints(env: NodeJS.ProcessEnv = process.env): ProviderEndpoints {
  const endpoints = { ...documentedProviderEndpoints }
  for (const key of Object.keys(envNames) as (keyof ProviderEndpoints)[]) {
    const value = env[envNames[key]]?.trim()
    if (!value) continue
    let url: URL | undefined
    try {
      url = new URL(value)
    } catch {}
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
      throw new Error(`Invalid environment variable ${envNames[key]}: expected an http(s) URL`)
    endpoints[key] = value.replace(/\/+$/, '')
  }
  return endpoints
}

/** Every environment variable that overrides an endpoint, for the docs and the start-up check. */
export const providerEndpointEnvNames: readonly string[] = Object.values(envNames)
