import { DomainError } from '../../core/errors.ts'
import { statusOnDate } from '../../core/organisation/status-on-date.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import {
  type EmployeeRecord,
  findEmployee,
  lockCompany,
  updateEmployee as updateRow,
} from '../../db/organisation-repository.ts'
import { companyToday } from '../calendar/company-today.ts'
import { checkEmployee } from './check-employee.ts'
import type { EmployeeInput } from './create-employee.ts'
import type { OrganisationDeps } from './organisation-deps.ts'

export type EmployeePatch = Partial<EmployeeInput>

/**
 * Changes an employee; the merged record is validated as a whole (e.g. a manager loop is refused). Moving is a
 * change of departmentId / managerId; 办理离职 is setting leaveDate (the status becomes left once it has come,
 * and clearing it takes a leaver back).
 */
export async function updateEmployee(
  deps: OrganisationDeps,
  id: number,
  patch: EmployeePatch,
): Promise<EmployeeRecord> {
  const { actor } = deps
  return deps.db.transaction().execute(async (trx) => {
    await lockCompany(trx, actor.companyId)
    const before = await findEmployee(trx, actor.companyId, id)
    if (!before) throw new DomainError('not_found', `员工 ${id} 不存在`)
    const pick = <K extends keyof EmployeeRecord & keyof EmployeePatch>(k: K) =>
      (patch[k] === undefined ? before[k] : patch[k]) as EmployeeRecord[K]
    const today = await companyToday(trx, actor.companyId, deps.now())
    const leaveDate = pick('leaveDate')
    const reinstated = patch.leaveDate === null && patch.status === undefined && before.status === 'left'
    const values = {
      employeeNo: pick('employeeNo'),
      name: pick('name'),
      departmentId: pick('departmentId'),
      positionId: pick('positionId'),
      managerId: pick('managerId'),
      hireDate: pick('hireDate'),
      leaveDate,
      status: statusOnDate(reinstated ? 'active' : pick('status'), leaveDate, today),
      phone: pick('phone'),
      email: pick('email'),
    }
    // A patch that changes nothing writes nothing and leaves no audit row.
    if ((Object.keys(values) as (keyof typeof values)[]).every((k) => values[k] === before[k])) return before
    await checkEmployee(trx, actor.companyId, id, values, before)
    await updateRow(trx, actor.companyId, id, values)
    const after = (await findEmployee(trx, actor.companyId, id))!
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'employee.update',
        entity: 'employee',
        entityId: id,
        before,
        after,
      },
      deps.now(),
    )
    return after
  })
}
