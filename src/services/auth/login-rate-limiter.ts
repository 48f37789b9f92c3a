// In-process throttle for failed logins. It never locks an account for everyone: failures are counted per
// (account, client address), so an attacker's wrong passwords delay only the attacker's address, and the
// owner signing in from another address gets in. After `freeFailures` failures of one account from one
// address, each further failure makes that pair wait twice as long (1 s, 2 s, 4 s … up to `maxDelayMs`).
// Separately, one address failing against many accounts (password spraying) waits once it has
// `addressMaxFailures` failures inside `addressWindowMs`. State is per process and lost on restart.

export type LoginRateLimit = {
  /** Failures of one account from one address that are answered without delay. */
  freeFailures: number
  /** The first delay; each further failure doubles it. */
  baseDelayMs: number
  /** The longest delay of one (account, address) pair. */
  maxDelayMs: number
  /** A pair with no failure for this long starts again from zero. */
  resetAfterMs: number
  /** Failures from one address across all accounts inside addressWindowMs before that address waits. */
  addressMaxFailures: number
  addressWindowMs: number
}

export type LoginRateLimiter = {
  /** Seconds until this account may be tried from this address, or 0 when it may be tried now. */
  retryAfterSeconds(account: string, address: string, now: number): number
  recordFailure(account: string, address: string, now: number): void
  /** A right password from this address: the pair starts again from zero (the address count stays). */
  recordSuccess(account: string, address: string): void
}

export const defaultLoginRateLimit: LoginRateLimit = {
  freeFailures: 5,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60 * 1000,
  resetAfterMs: 60 * 60 * 1000,
  addressMaxFailures: 50,
  addressWindowMs: 15 * 60 * 1000,
}

/** The most keys kept; past it the oldest are dropped (an attacker cycling addresses cannot grow memory). */
const maxKeys = 100_000

type PairState = { failures: number; lastAt: number; blockedUntil: number }

export function createLoginRateLimiter(overrides: Partial<LoginRateLimit> = {}): LoginRateLimiter {
  const limit = { ...defaultLoginRateLimit, ...overrides }
  const pairs = new Map<string, PairState>()
  const addresses = new Map<string, number[]>()
  const pairKey = (account: string, address: string) => `${account.toLowerCase()}\u0000${address}`

  function livePair(key: string, now: number): PairState | undefined {
    const state = pairs.get(key)
    if (state && now - state.lastAt >= limit.resetAfterMs && now >= state.blockedUntil) {
      pairs.delete(key)
      return undefined
    }
    return state
  }

  function recentAddressFailures(address: string, now: number): number[] {
    const list = (addresses.get(address) ?? []).filter((t) => t > now - limit.addressWindowMs)
    if (list.length === 0) addresses.delete(address)
    else addresses.set(address, list)
    return list
  }

  // Bounds memory: forget stale keys when many are held, and the oldest ones past maxKeys.
  function sweep<V>(map: Map<string, V>, isStale: (key: string) => boolean) {
    if (map.size < 10_000) return
    for (const key of [...map.keys()]) if (isStale(key)) map.delete(key)
    for (const key of map.keys()) {
      if (map.size < maxKeys) break
      map.delete(key)
    }
  }

  return {
    retryAfterSeconds(account, address, now) {
      let waitMs = 0
      const state = livePair(pairKey(account, address), now)
      if (state) waitMs = Math.max(waitMs, state.blockedUntil - now)
      const recent = recentAddressFailures(address, now)
      if (recent.length >= limit.addressMaxFailures) {
        const oldest = recent[recent.length - limit.addressMaxFailures] ?? now
        waitMs = Math.max(waitMs, oldest + limit.addressWindowMs - now)
      }
      return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0
    },
    recordFailure(account, address, now) {
      sweep(pairs, (key) => livePair(key, now) === undefined)
      sweep(addresses, (key) => recentAddressFailures(key, now).length === 0)
      const key = pairKey(account, address)
      const state = livePair(key, now) ?? { failures: 0, lastAt: now, blockedUntil: 0 }
      state.failures += 1
      state.lastAt = now
      const over = state.failures - limit.freeFailures
      if (over >= 0) {
        const delay = Math.min(limit.baseDelayMs * 2 ** Math.min(over, 40), limit.maxDelayMs)
        state.blockedUntil = now + delay
      }
      pairs.delete(key) // re-inserted last, so the map stays in order of last failure
      pairs.set(key, state)
      const recent = recentAddressFailures(address, now)
      // Only the newest addressMaxFailures matter for the wait, so the list never grows past that.
      addresses.set(address, [...recent, now].slice(-limit.addressMaxFailures))
    },
    recordSuccess(account, address) {
      pairs.delete(pairKey(account, address))
    },
  }
}
