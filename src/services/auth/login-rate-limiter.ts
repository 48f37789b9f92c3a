// In-process sliding-window limiter for failed logins, keyed by username and by client address.
// A key is blocked once it has maxFailures failures inside the window; it frees as the oldest ones age out.

export type LoginRateLimit = { maxFailures: number; windowMs: number }

export type LoginRateLimiter = {
  /** Seconds until every key may try again, or 0 when none is blocked. */
  retryAfterSeconds(keys: string[], now: number): number
  recordFailure(keys: string[], now: number): void
  clear(key: string): void
}

export const defaultLoginRateLimit: LoginRateLimit = { maxFailures: 10, windowMs: 10 * 60 * 1000 }

export function createLoginRateLimiter(limit: LoginRateLimit = defaultLoginRateLimit): LoginRateLimiter {
  const failures = new Map<string, number[]>()

  function recent(key: string, now: number): number[] {
    const list = (failures.get(key) ?? []).filter((t) => t > now - limit.windowMs)
    if (list.length === 0) failures.delete(key)
    else failures.set(key, list)
    return list
  }

  // Bounds memory when many distinct keys are tried: forget keys whose failures have all aged out.
  function sweep(now: number) {
    if (failures.size < 10_000) return
    for (const key of [...failures.keys()]) recent(key, now)
  }

  return {
    retryAfterSeconds(keys, now) {
      let wait = 0
      for (const key of keys) {
        const list = recent(key, now)
        if (list.length >= limit.maxFailures) {
          const freesAt = (list[list.length - limit.maxFailures] ?? now) + limit.windowMs
          wait = Math.max(wait, Math.ceil((freesAt - now) / 1000))
        }
      }
      return wait
    },
    recordFailure(keys, now) {
      sweep(now)
      for (const key of keys) failures.set(key, [...recent(key, now), now])
    },
    clear(key) {
      failures.delete(key)
    },
  }
}
