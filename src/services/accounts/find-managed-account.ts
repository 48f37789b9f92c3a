import type { AccountState } from '../../contracts/accounts.ts'
import { type AccountChange, checkAccountChange } from '../../core/auth/check-account-change.ts'
import { hasLeft } from '../../core/auth/has-left.ts'
import { DomainError } from '../../core/errors.ts'
import { type AccountRecord, findAccount, pendingActivationHash } from '../../db/account-repository.ts'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../auth/actor.ts'

/** The login the actor means to change, after the role limits are checked: 404 outside the company, 403 when not allowed. */
export async function findManagedAccount(
  db: Db,
  actor: Actor,
  userId: number,
  change: AccountChange,
): Promise<AccountRecord> {
  const account = await findAccount(db, actor.companyId, userId)
  if (!account) throw new DomainError('not_found', `账号 ${userId} 不存在`)
  const refusal = checkAccountChange(actor, { userId: account.id, role: account.role }, change)
  if (refusal) throw new DomainError('forbidden', refusal)
  return account
}

/** The state the accounts page shows for a login. */
export function accountStateOf(account: AccountRecord, now: Date): AccountState {
  if (account.disabledAt !== null || hasLeft(account, now)) return 'disabled'
  if (account.mustChangePassword)
    return account.passwordHash === pendingActivationHash ? 'pending_activation' : 'must_change_password'
  return 'active'
}
