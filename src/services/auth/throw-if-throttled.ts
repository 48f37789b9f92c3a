import { DomainError } from '../../core/errors.ts'
import type { LoginRateLimiter } from './login-rate-limiter.ts'

/** Refuses a password check this (account, address) must wait for: rate_limited with the seconds to wait. */
export function throwIfThrottled(
  limiter: LoginRateLimiter,
  account: string,
  address: string,
  now: Date,
): void {
  const wait = limiter.retryAfterSeconds(account, address, now.getTime())
  if (wait <= 0) return
  const when = wait < 60 ? `${wait} 秒` : `${Math.ceil(wait / 60)} 分钟`
  throw new DomainError('rate_limited', `尝试过于频繁，请 ${when}后再试`, [], { retryAfterSeconds: wait })
}
