import type { ResetAccountInput, ResetAccountResult } from '../../contracts/accounts.ts'
import { hasLeft } from '../../core/auth/has-left.ts'
import { DomainError } from '../../core/errors.ts'
import { insertAccountTokens, revokeAccountTokens, setAccountPassword } from '../../db/account-repository.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { deleteSessionsOfUser, forgetCachedSessionsOfUser } from '../../db/session-repository.ts'
import type { AccountDeps } from './account-deps.ts'
import { findManagedAccount } from './find-managed-account.ts'
import { issueAccountSecret } from './issue-account-secret.ts'

/**
 * Resets a login (重置密码): a new activation link or initial password, shown only in the answer; earlier
 * links stop working, every session of the login ends and it must change its password at next sign-in.
 */
export async function resetAccount(
  deps: AccountDeps,
  userId: number,
  input: ResetAccountInput,
): Promise<ResetAccountResult> {
  const { actor } = deps
  const account = await findManagedAccount(deps.db, actor, userId, { kind: 'reset' })
  const now = deps.now()
  if (hasLeft(account, now))
    throw new DomainError('invalid_state', `该员工已离职（${account.leaveDate}），不能重置密码`)
  const issued = await issueAccountSecret(input.delivery, now)
  const endedSessions = await deps.db.transaction().execute(async (trx) => {
    await setAccountPassword(trx, actor.companyId, userId, {
      passwordHash: issued.passwordHash,
      mustChangePassword: true,
      passwordChangedAt: null,
    })
    await revokeAccountTokens(trx, actor.companyId, userId, now)
    if (issued.token) await insertAccountTokens(trx, actor.companyId, [{ ...issued.token, userId }])
    const ended = await deleteSessionsOfUser(trx, actor.companyId, userId)
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'account.reset',
        entity: 'user',
        entityId: userId,
        after: { username: account.username, delivery: input.delivery, endedSessions: ended },
      },
      now,
    )
    return ended
  })
  await forgetCachedSessionsOfUser(deps.db, actor.companyId, userId)
  return { userId, username: account.username, secret: issued.secret, endedSessions }
}
