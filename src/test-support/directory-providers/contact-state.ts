import { fakeToken } from './fake-directory.ts'

// Test support: what the fake contact APIs remember between calls (tokens handed out, the page size they answer
// with, a rate limit to trip), so a test can expire tokens or throttle the next call.

export type ContactState = {
  /** Items per page the fake answers with, whatever the client asks for (a server may send fewer). */
  pageSize: number
  /** The next this-many contact calls are answered "too many requests". */
  rateLimitNext: number
  tokensIssued: number
  valid: Set<string>
  expired: Set<string>
}

export function createContactState(pageSize = 2): ContactState {
  return { pageSize, rateLimitNext: 0, tokensIssued: 0, valid: new Set(), expired: new Set() }
}

export function issueToken(state: ContactState, prefix: string): string {
  const token = fakeToken(prefix)
  state.valid.add(token)
  state.tokensIssued += 1
  return token
}

/** Every token handed out so far expires: the next call with one is refused as expired. */
export function expireTokens(state: ContactState): void {
  for (const token of state.valid) state.expired.add(token)
  state.valid.clear()
}

export type TokenCheck = 'ok' | 'expired' | 'invalid'

export function checkToken(state: ContactState, token: string | undefined | null): TokenCheck {
  if (token && state.valid.has(token)) return 'ok'
  return token && state.expired.has(token) ? 'expired' : 'invalid'
}

/** True when this call is to be answered as rate-limited (and counts it). */
export function takeRateLimit(state: ContactState): boolean {
  if (state.rateLimitNext <= 0) return false
  state.rateLimitNext -= 1
  return true
}

/** One page of `items` from the offset in `cursor`; the next cursor when more follow. */
export function pageOf<T>(items: T[], cursor: number, size: number): { page: T[]; next: number | null } {
  const page = items.slice(cursor, cursor + size)
  return { page, next: cursor + size < items.length ? cursor + size : null }
}

/** Milliseconds since the epoch of a YYYY-MM-DD day at 00:00 in China (UTC+8). */
export function chinaMidnight(date: string): number {
  return Date.parse(`${date}T00:00:00+08:00`)
}
