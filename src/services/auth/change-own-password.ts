import { checkPasswordRules } from '../../core/auth/check-password-rules.ts'
import { DomainError } from '../../core/errors.ts'
import { setAccountPassword } from '../../db/account-repository.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'
import { deleteSessionsOfUser, forgetCachedSessionsOfUser } from '../../db/session-repository.ts'
import { findUserById } from '../../db/user-repository.ts'
import type { Actor } from './actor.ts'
import { throttleAccount } from './log-in.ts'
import type { LoginRateLimiter } from './login-rate-limiter.ts'
import { hashPassword, verifyPassword } from './password.ts'
import { throwIfThrottled } from './throw-if-throttled.ts'

/**
 * A signed-in user replaces their own password. The current password is checked (and throttled like a
 * login, so a borrowed session cannot guess it), the new one must pass the password rules, and every other
 * session of the user ends; the session that made the change stays signed in. The change is audited.
 */
export async function changeOwnPassword(
  deps: { db: Db; limiter: LoginRateLimiter; now: () => Date },
  actor: Actor,
  input: { currentPassword: string; newPassword: string; clientAddress: string; sessionIdHash: string },
): Promise<{ endedSessions: number }> {
  const user = await findUserById(deps.db, actor.companyId, actor.userId)
  if (!user) throw new DomainError('unauthenticated', '请先登录')
  const account = throttleAccount(user.companyCode, user.username)
  throwIfThrottled(deps.limiter, account, input.clientAddress, deps.now())
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    deps.limiter.recordFailure(account, input.clientAddress, deps.now().getTime())
    throw new DomainError('invalid_input', '当前密码不正确', [
      { path: 'currentPassword', message: '当前密码不正确' },
    ])
  }
  const breach = checkPasswordRules(input.newPassword, {
    username: user.username,
    companyCode: user.companyCode,
  })
  if (breach) {
    throw new DomainError(
      'invalid_input',
      breach.message,
      [{ path: 'newPassword', message: breach.message }],
      {
        rule: breach.rule,
      },
    )
  }
  if (input.newPassword === input.currentPassword) {
    const message = '新密码不能与当前密码相同'
    throw new DomainError('invalid_input', message, [{ path: 'newPassword', message }])
  }
  const passwordHash = await hashPassword(input.newPassword)
  const result = await deps.db.transaction().execute(async (trx) => {
    // Also clears a forced change (初始密码) and remembers when the password was last changed.
    await setAccountPassword(trx, actor.companyId, actor.userId, {
      passwordHash,
      mustChangePassword: false,
      passwordChangedAt: deps.now(),
    })
    const endedSessions = await deleteSessionsOfUser(trx, actor.companyId, actor.userId, input.sessionIdHash)
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'user.password_change',
        entity: 'user',
        entityId: actor.userId,
        after: { endedSessions },
      },
      deps.now(),
    )
    return { endedSessions }
  })
  // Every cached session of the user goes, this one included: it must no longer read "must change password".
  await forgetCachedSessionsOfUser(deps.db, actor.companyId, actor.userId)
  return result
}
