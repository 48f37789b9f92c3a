import type { ActivationCheck } from '../../contracts/accounts.ts'
import { hasLeft } from '../../core/auth/has-left.ts'
import { type AccountRecord, findAccount, findAccountToken } from '../../db/account-repository.ts'
import type { Db } from '../../db/database.ts'
import { hashSessionToken } from '../auth/session-token.ts'

export type ActivationTarget =
  | { status: 'valid'; account: AccountRecord; idHash: string; expiresAt: Date }
  | { status: 'expired' | 'used' | 'invalid' }

/**
 * What an activation token names. It tells only valid / expired / used / invalid: an unknown token, a login
 * since disabled and a malformed one all read "invalid", so a guess learns nothing more.
 */
export async function findActivationTarget(db: Db, token: string, now: Date): Promise<ActivationTarget> {
  if (!/^[\w-]{20,100}$/.test(token)) return { status: 'invalid' }
  const idHash = hashSessionToken(token)
  const row = await findAccountToken(db, idHash)
  if (!row) return { status: 'invalid' }
  if (row.usedAt !== null) return { status: 'used' }
  if (row.expiresAt <= now) return { status: 'expired' }
  const account = await findAccount(db, row.companyId, row.userId)
  if (!account || account.disabledAt !== null || hasLeft(account, now)) return { status: 'invalid' }
  return { status: 'valid', account, idHash, expiresAt: row.expiresAt }
}

/** Whether an activation link still works, with the username and company to show on the activation page. */
export async function checkActivationToken(
  deps: { db: Db; now: () => Date },
  token: string,
): Promise<ActivationCheck> {
  const target = await findActivationTarget(deps.db, token, deps.now())
  if (target.status !== 'valid') return { status: target.status }
  return {
    status: 'valid',
    username: target.account.username,
    companyName: target.account.companyName,
    companyCode: target.account.companyCode,
    expiresAt: target.expiresAt.toISOString(),
  }
}
