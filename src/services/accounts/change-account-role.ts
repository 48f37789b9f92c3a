import type { AccountChangeResult } from '../../contracts/accounts.ts'
import { setAccountRole } from '../../db/account-repository.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import type { Role } from '../../db/database.ts'
import { forgetCachedSessionsOfUser } from '../../db/session-repository.ts'
import type { AccountDeps } from './account-deps.ts'
import { accountStateOf, findManagedAccount } from './find-managed-account.ts'

/** Gives a login another role (角色); its open sessions act with the new role from their next request. */
export async function changeAccountRole(
  deps: AccountDeps,
  userId: number,
  role: Role,
): Promise<AccountChangeResult> {
  const { actor } = deps
  const account = await findManagedAccount(deps.db, actor, userId, { kind: 'role', role })
  const now = deps.now()
  if (account.role !== role) {
    await deps.db.transaction().execute(async (trx) => {
      await setAccountRole(trx, actor.companyId, userId, role)
      await appendAudit(
        trx,
        {
          companyId: actor.companyId,
          actorUserId: actor.userId,
          action: 'account.role',
          entity: 'user',
          entityId: userId,
          before: { username: account.username, role: account.role },
          after: { username: account.username, role },
        },
        now,
      )
    })
    await forgetCachedSessionsOfUser(deps.db, actor.companyId, userId)
  }
  return {
    userId,
    username: account.username,
    role,
    state: accountStateOf(account, now),
    disabledReason: account.disabledReason,
    endedSessions: 0,
  }
}
