import { describe, expect, it } from 'vitest'
import { createLoginRateLimiter } from './login-rate-limiter.ts'

describe('login rate limiter', () => {
  const minute = 60_000

  it('blocks a key after the tenth failure within ten minutes and frees it as failures age out', () => {
    const limiter = createLoginRateLimiter({ maxFailures: 10, windowMs: 10 * minute })
    for (let i = 0; i < 9; i++) limiter.recordFailure(['user:a'], i * minute)
    expect(limiter.retryAfterSeconds(['user:a'], 9 * minute)).toBe(0)
    limiter.recordFailure(['user:a'], 9 * minute)
    // The oldest failure (t=0) leaves the window at t=10min, one minute from now.
    expect(limiter.retryAfterSeconds(['user:a'], 9 * minute)).toBe(60)
    expect(limiter.retryAfterSeconds(['user:a'], 10 * minute + 1)).toBe(0)
  })

  it('keeps keys apart and reports the longest wait of the keys asked about', () => {
    const limiter = createLoginRateLimiter({ maxFailures: 2, windowMs: 100_000 })
    limiter.recordFailure(['user:a', 'ip:1'], 0)
    limiter.recordFailure(['user:b', 'ip:1'], 50_000)
    expect(limiter.retryAfterSeconds(['user:a'], 50_000)).toBe(0)
    expect(limiter.retryAfterSeconds(['user:c', 'ip:1'], 50_000)).toBe(50)
  })

  it('forgets a key when cleared (a successful login clears its username)', () => {
    const limiter = createLoginRateLimiter({ maxFailures: 1, windowMs: 100_000 })
    limiter.recordFailure(['user:a'], 0)
    expect(limiter.retryAfterSeconds(['user:a'], 1)).toBeGreaterThan(0)
    limiter.clear('user:a')
    expect(limiter.retryAfterSeconds(['user:a'], 1)).toBe(0)
  })
})
