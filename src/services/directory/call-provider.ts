import { DomainError } from '../../core/errors.ts'

// One HTTP call to a directory provider's documented API: answers the JSON body when its error code is 0,
// retries a few times when the provider says it is busy or rate-limited, and otherwise throws provider_failed
// with a message naming the provider and its code.

/** What the clients need from the outside world; tests pass a sleep that does not wait. */
export type ProviderHttp = {
  fetch: typeof fetch
  sleep: (ms: number) => Promise<void>
  now: () => Date
}

export const defaultProviderHttp: ProviderHttp = {
  fetch: (input, init) => fetch(input, init),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => new Date(),
}

/** How one provider reports errors in its JSON bodies. */
export type ProviderRules = {
  /** 钉钉, 飞书, 企业微信 */
  label: string
  /** errcode (DingTalk, WeCom) or code (Feishu); 0 is success. */
  codeOf: (body: Record<string, unknown>) => number
  messageOf: (body: Record<string, unknown>) => string
  /** The access token was refused or has expired: fetch a new one and try once more. */
  tokenExpiredCodes: readonly number[]
  /** Busy or over the rate limit: wait and try again. */
  retryCodes: readonly number[]
}

/** Thrown when the provider refuses the access token; the client gets a new token and retries once. */
export class ProviderTokenExpired extends DomainError {}

const attempts = 4
const timeoutMs = 30_000

export async function callProvider(
  http: ProviderHttp,
  rules: ProviderRules,
  request: { method: 'GET' | 'POST'; url: string; body?: unknown; headers?: Record<string, string> },
): Promise<Record<string, unknown>> {
  const path = new URL(request.url).pathname
  for (let attempt = 1; ; attempt += 1) {
    let response: Response
    try {
      response = await http.fetch(request.url, {
        method: request.method,
        headers: { 'content-type': 'application/json; charset=utf-8', ...request.headers },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      throw new DomainError(
        'provider_failed',
        `无法连接${rules.label}（${path}）：${(error as Error).message}`,
        [],
        { provider: rules.label },
      )
    }
    const text = await response.text()
    let body: Record<string, unknown> | undefined
    try {
      const parsed: unknown = JSON.parse(text)
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        body = parsed as Record<string, unknown>
    } catch {
      body = undefined
    }
    const code = body ? rules.codeOf(body) : Number.NaN
    const busy = response.status === 429 || rules.retryCodes.includes(code)
    if (busy && attempt < attempts) {
      // 1 s, 2 s, 4 s: the providers' per-second limits have passed by then.
      await http.sleep(1000 * 2 ** (attempt - 1))
      continue
    }
    if (!body) {
      throw new DomainError(
        'provider_failed',
        `${rules.label}接口 ${path} 的回答不是 JSON（HTTP ${response.status}）`,
        [],
        { provider: rules.label, status: response.status },
      )
    }
    if (code === 0) return body
    const details = { provider: rules.label, code }
    const message = `${rules.label}接口 ${path} 返回错误码 ${code}：${rules.messageOf(body) || '（无说明）'}`
    if (rules.tokenExpiredCodes.includes(code))
      throw new ProviderTokenExpired('provider_failed', message, [], details)
    if (busy)
      throw new DomainError(
        'provider_failed',
        `${message}（重试 ${attempts} 次后仍被限流，请稍后再试）`,
        [],
        details,
      )
    throw new DomainError('provider_failed', message, [], details)
  }
}

/** A cached access token that is fetched again a minute before it expires, or when the provider refuses it. */
export function createTokenCache(
  http: ProviderHttp,
  fetchToken: () => Promise<{ token: string; expiresInSeconds: number }>,
) {
  let cached: { token: string; expiresAt: number } | undefined
  async function token(): Promise<string> {
    if (cached && cached.expiresAt > http.now().getTime()) return cached.token
    const fresh = await fetchToken()
    cached = { token: fresh.token, expiresAt: http.now().getTime() + (fresh.expiresInSeconds - 60) * 1000 }
    return fresh.token
  }
  return {
    /** Runs `call` with the token; a refused token is fetched anew and the call made once more. */
    async withToken<T>(call: (token: string) => Promise<T>): Promise<T> {
      try {
        return await call(await token())
      } catch (error) {
        if (!(error instanceof ProviderTokenExpired)) throw error
        cached = undefined
        return call(await token())
      }
    },
  }
}

export function stringOr(value: unknown, fallback: string | null = null): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback
}
