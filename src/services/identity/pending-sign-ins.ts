import type { IdentityProviderKind } from '../../db/database.ts'

// Directory sign-ins between "start" and "callback": state, nonce and PKCE verifier, kept in this server's
// memory for ten minutes and usable once. A restart in between asks the person to start again.

export const pendingSignInLifetimeMs = 10 * 60 * 1000
const maxPending = 10_000

export type PendingSignIn = {
  state: string
  nonce: string
  codeVerifier: string
  companyId: number
  companyCode: string
  kind: IdentityProviderKind
  redirectUri: string
  expiresAt: number
}

export type PendingSignIns = {
  add(pending: PendingSignIn): void
  /** Removes and returns the pending sign-in of this state, if it has not expired. */
  take(state: string, now: number): PendingSignIn | undefined
}

export function createPendingSignIns(): PendingSignIns {
  const byState = new Map<string, PendingSignIn>()
  return {
    add(pending) {
      // A flood of started sign-ins cannot grow memory without bound: the oldest are dropped first.
      if (byState.size >= maxPending) {
        const oldest = byState.keys().next().value
        if (oldest !== undefined) byState.delete(oldest)
      }
      byState.set(pending.state, pending)
    },
    take(state, now) {
      const pending = byState.get(state)
      if (!pending) return undefined
      byState.delete(state)
      return pending.expiresAt > now ? pending : undefined
    },
  }
}
