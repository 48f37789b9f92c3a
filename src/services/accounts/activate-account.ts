import { checkPasswordRules } from '../../core/auth/check-password-rules.ts'
import { DomainError } from '../../core/errors.ts'
import {
  revokeAccountTokens,
  setAccountPassword,
  touchLastLogin,
  useAccountToken,
} from '../../db/account-repository.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'
import { insertSession } from '../../db/session-repository.ts'
import { findUserById, type UserWithCompany } from '../../db/user-repository.ts'
import { sessionLifetimeMs } from '../auth/log-in.ts'
import { hashPassword } from '../auth/password.ts'
import { hashSessionToken, newRandomToken } from '../auth/session-token.ts'
import { findActivationTarget } from './check-activation-token.ts'

export type ActivationResult = {
  token: string
  csrfToken: string
  expiresAt: Date
  user: Omit<UserWithCompany, 'passwordHash'> & { mustChangePassword: boolean }
}

const refusals = {
  invalid: { code: 'invalid_input', message: '激活链接无效，请向人事索取新的链接' },
  expired: { code: 'gone', message: '激活链接已过期，请向人事索取新的链接' },
  used: { code: 'gone', message: '激活链接已经用过，请直接登录' },
} as const

/**
 * Activates a login from its one-time link (激活账号): the new password must pass the password rules; the link
 * is used up, the password set, the forced change cleared, and the person is signed in. Audited without secrets.
 */
export async function activateAccount(
  deps: { db: Db; now: () => Date },
  input: { token: string; newPassword: string },
): Promise<ActivationResult> {
  const now = deps.now()
  const target = await findActivationTarget(deps.db, input.token, now)
  if (target.status !== 'valid') {
    const refusal = refusals[target.status]
    throw new DomainError(refusal.code, refusal.message, [{ path: 'token', message: refusal.message }])
  }
  const { account } = target
  const breach = checkPasswordRules(input.newPassword, {
    username: account.username,
    companyCode: account.companyCode,
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
  const passwordHash = await hashPassword(input.newPassword)
  const token = newRandomToken()
  const csrfToken = newRandomToken()
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs)
  await deps.db.transaction().execute(async (trx) => {
    // Two tabs submitting one link: only the first uses it.
    if (!(await useAccountToken(trx, target.idHash, now))) {
      throw new DomainError('gone', refusals.used.message, [
        { path: 'token', message: refusals.used.message },
      ])
    }
    await revokeAccountTokens(trx, account.companyId, account.id, now)
    await setAccountPassword(trx, account.companyId, account.id, {
      passwordHash,
      mustChangePassword: false,
      passwordChangedAt: now,
    })
    await touchLastLogin(trx, account.companyId, account.id, now)
    await insertSession(trx, {
      idHash: hashSessionToken(token),
      companyId: account.companyId,
      userId: account.id,
      csrfToken,
      expiresAt,
    })
    await appendAudit(
      trx,
      {
        companyId: account.companyId,
        actorUserId: account.id,
        action: 'account.activate',
        entity: 'user',
        entityId: account.id,
        after: { username: account.username },
      },
      now,
    )
  })
  const user = await findUserById(deps.db, account.companyId, account.id)
  if (!user) throw new DomainError('not_found', '账号不存在')
  const { passwordHash: _omit, ...me } = user
  return { token, csrfToken, expiresAt, user: { ...me, mustChangePassword: false } }
}
