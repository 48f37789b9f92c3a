import type { AccountDelivery, AccountSecret } from '../../contracts/accounts.ts'
import { pendingActivationHash } from '../../db/account-repository.ts'
import { hashPassword } from '../auth/password.ts'
import { hashSessionToken, newRandomToken } from '../auth/session-token.ts'
import { newInitialPassword } from './new-initial-password.ts'

/** How long an activation link works. */
export const activationLifetimeMs = 7 * 24 * 60 * 60 * 1000

export type IssuedSecret = {
  /** Shown once to whoever created or reset the login; never stored, logged or audited. */
  secret: AccountSecret
  /** What the login's password hash becomes: the initial password's, or one no password matches. */
  passwordHash: string
  /** The activation token to store (its hash only). */
  token?: { idHash: string; expiresAt: Date }
}

/** A new one-time secret for a login: an activation link valid 7 days, or a random initial password. */
export async function issueAccountSecret(delivery: AccountDelivery, now: Date): Promise<IssuedSecret> {
  if (delivery === 'initial_password') {
    const password = newInitialPassword()
    return { secret: { kind: 'initial_password', password }, passwordHash: await hashPassword(password) }
  }
  const token = newRandomToken()
  const expiresAt = new Date(now.getTime() + activationLifetimeMs)
  return {
    secret: {
      kind: 'activation_link',
      activationPath: `/activate?token=${token}`,
      expiresAt: expiresAt.toISOString(),
    },
    passwordHash: pendingActivationHash,
    token: { idHash: hashSessionToken(token), expiresAt },
  }
}
