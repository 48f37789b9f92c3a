import { dateInZone } from '../../core/calendar/date-in-zone.ts'
import {
  findEnabledLeaverAccounts,
  listCompanyTimeZones,
  markEmployeesLeftOnLeaveDate,
  setAccountDisabled,
} from '../../db/account-repository.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'
import { deleteSessionsOfUser, forgetCachedSessionsOfUser } from '../../db/session-repository.ts'

/** The reason a leaver's login is disabled with. */
export const leaverReason = '离职'

export type DisabledLeaver = { companyId: number; userId: number; username: string; leaveDate: string }

/**
 * On an employee's leave date (today or earlier in the company's time zone) the employee's status becomes
 * left (audited as employee.leave by the system), and their login is disabled with reason 离职 and its sessions
 * ended (audited as account.disable by the system). Answers the disabled logins.
 * `companyId` limits it to one company (a login attempt checks its own company).
 */
export async function disableLeavers(
  deps: { db: Db; now: () => Date },
  companyId?: number,
): Promise<DisabledLeaver[]> {
  const now = deps.now()
  const companies = (await listCompanyTimeZones(deps.db)).filter(
    (c) => companyId === undefined || c.id === companyId,
  )
  const disabled: DisabledLeaver[] = []
  for (const company of companies) {
    const today = dateInZone(now, company.timeZone)
    await deps.db.transaction().execute(async (trx) => {
      for (const left of await markEmployeesLeftOnLeaveDate(trx, company.id, today))
        await appendAudit(
          trx,
          {
            companyId: company.id,
            actorUserId: null,
            action: 'employee.leave',
            entity: 'employee',
            entityId: left.employeeId,
            before: { name: left.name, status: left.status },
            after: { name: left.name, status: 'left', leaveDate: left.leaveDate },
            reason: leaverReason,
          },
          now,
        )
    })
    const leavers = await findEnabledLeaverAccounts(deps.db, company.id, today)
    if (leavers.length === 0) continue
    await deps.db.transaction().execute(async (trx) => {
      for (const leaver of leavers) {
        await setAccountDisabled(trx, company.id, leaver.userId, now, leaverReason)
        const endedSessions = await deleteSessionsOfUser(trx, company.id, leaver.userId)
        await appendAudit(
          trx,
          {
            companyId: company.id,
            actorUserId: null,
            action: 'account.disable',
            entity: 'user',
            entityId: leaver.userId,
            before: { username: leaver.username, disabled: false },
            after: { username: leaver.username, disabled: true, leaveDate: leaver.leaveDate, endedSessions },
            reason: leaverReason,
          },
          now,
        )
      }
    })
    for (const leaver of leavers) {
      await forgetCachedSessionsOfUser(deps.db, company.id, leaver.userId)
      disabled.push({ companyId: company.id, ...leaver })
    }
  }
  return disabled
}
