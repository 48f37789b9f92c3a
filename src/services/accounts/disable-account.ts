import type { AccountChangeResult } from '../../contracts/accounts.ts'
import { DomainError } from '../../core/errors.ts'
import { setAccountDisabled } from '../../db/account-repository.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { deleteSessionsOfUser, forgetCachedSessionsOfUser } from '../../db/session-repository.ts'
import type { AccountDeps } from './account-deps.ts'
import { findManagedAccount } from './find-managed-account.ts'

/** Disables a login (停用): it can no longer sign in and every session of it ends at once. */
export async function disableAccount(
  deps: AccountDeps,
  userId: number,
  input: { reason?: string | undefined },
): Promise<AccountChangeResult> {
  const { actor } = deps
  const account = await findManagedAccount(deps.db, actor, userId, { kind: 'disable' })
  if (account.disabledAt !== null) throw new DomainError('invalid_state', `账号 ${account.username} 已停用`)
  const now = deps.now()
  const reason = input.reason?.trim() || null
  const endedSessions = await deps.db.transaction().execute(async (trx) => {
    await setAccountDisabled(trx, actor.companyId, userId, now, reason)
    const ended = await deleteSessionsOfUser(trx, actor.companyId, userId)
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'account.disable',
        entity: 'user',
        entityId: userId,
        before: { username: account.username, disabled: false },
        after: { username: account.username, disabled: true, endedSessions: ended },
        reason,
      },
      now,
    )
    return ended
  })
  await forgetCachedSessionsOfUser(deps.db, actor.companyId, userId)
  return {
    userId,
    username: account.username,
    role: account.role,
    state: 'disabled',
    disabledReason: reason,
    endedSessions,
  }
}
