import { describe, expect, it } from 'vitest'
import { createLoginRateLimiter } from './login-rate-limiter.ts'

describe('login rate limiter', () => {
  const minute = 60_000

  it('lets the free failures through, then doubles the delay of the (account, address) pair up to the cap', () => {
    const limiter = createLoginRateLimiter({ freeFailures: 3, baseDelayMs: 1000, maxDelayMs: 15 * minute })
    let t = 0
    for (let i = 0; i < 2; i++) limiter.recordFailure('admin', 'A', t)
    expect(limiter.retryAfterSeconds('admin', 'A', t)).toBe(0)
    const waits: number[] = []
    for (let i = 0; i < 14; i++) {
      limiter.recordFailure('admin', 'A', t)
      const wait = limiter.retryAfterSeconds('admin', 'A', t)
      waits.push(wait)
      t += wait * 1000 // the attacker waits exactly as told
    }
    // 1 s, 2 s, 4 s … capped at 15 minutes (900 s).
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900])
  })

  it('never delays the same account from another address (the owner still gets in)', () => {
    const limiter = createLoginRateLimiter({ freeFailures: 3 })
    for (let i = 0; i < 20; i++) limiter.recordFailure('admin', 'A', 0)
    expect(limiter.retryAfterSeconds('admin', 'A', 0)).toBeGreaterThan(0)
    expect(limiter.retryAfterSeconds('admin', 'B', 0)).toBe(0)
    expect(limiter.retryAfterSeconds('ADMIN', 'A', 0)).toBeGreaterThan(0) // account names fold case
  })

  it('delays an address that fails against many accounts (password spraying) until its failures age out', () => {
    const limiter = createLoginRateLimiter({ addressMaxFailures: 4, addressWindowMs: 10 * minute })
    for (let i = 0; i < 4; i++) limiter.recordFailure(`user${i}`, 'A', i * minute)
    expect(limiter.retryAfterSeconds('someone-else', 'A', 4 * minute)).toBe(6 * 60)
    expect(limiter.retryAfterSeconds('someone-else', 'B', 4 * minute)).toBe(0)
    expect(limiter.retryAfterSeconds('someone-else', 'A', 10 * minute + 1)).toBe(0)
  })

  it('starts a pair again from zero after a right password or a long quiet spell', () => {
    const limiter = createLoginRateLimiter({ freeFailures: 1, resetAfterMs: 60 * minute })
    limiter.recordFailure('hr', 'A', 0)
    expect(limiter.retryAfterSeconds('hr', 'A', 0)).toBe(1)
    limiter.recordSuccess('hr', 'A')
    expect(limiter.retryAfterSeconds('hr', 'A', 0)).toBe(0)
    for (let i = 0; i < 5; i++) limiter.recordFailure('hr', 'A', 0)
    expect(limiter.retryAfterSeconds('hr', 'A', 1000)).toBeGreaterThan(0)
    limiter.recordFailure('hr', 'A', 60 * minute + 1) // an hour after the last failure: first failure again
    expect(limiter.retryAfterSeconds('hr', 'A', 60 * minute + 1)).toBe(1)
  })
})
