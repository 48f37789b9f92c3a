import type { AccountChangeResult } from '../../contracts/accounts.ts'
import { hasLeft } from '../../core/auth/has-left.ts'
import { DomainError } from '../../core/errors.ts'
import { setAccountDisabled } from '../../db/account-repository.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import type { AccountDeps } from './account-deps.ts'
import { accountStateOf, findManagedAccount } from './find-managed-account.ts'

/** Enables a disabled login again (启用); a leaver's login stays off until their leave date is changed. */
export async function enableAccount(deps: AccountDeps, userId: number): Promise<AccountChangeResult> {
  const { actor } = deps
  const account = await findManagedAccount(deps.db, actor, userId, { kind: 'enable' })
  const now = deps.now()
  if (hasLeft(account, now))
    throw new DomainError(
      'invalid_state',
      `该员工已离职（${account.leaveDate}），请先在组织架构中修改离职日期再启用账号`,
    )
  if (account.disabledAt === null) throw new DomainError('invalid_state', `账号 ${account.username} 未停用`)
  await deps.db.transaction().execute(async (trx) => {
    await setAccountDisabled(trx, actor.companyId, userId, null, null)
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'account.enable',
        entity: 'user',
        entityId: userId,
        before: { username: account.username, disabled: true, reason: account.disabledReason },
        after: { username: account.username, disabled: false },
      },
      now,
    )
  })
  const enabled = { ...account, disabledAt: null, disabledReason: null }
  return {
    userId,
    username: account.username,
    role: account.role,
    state: accountStateOf(enabled, now),
    disabledReason: null,
    endedSessions: 0,
  }
}
