import { statusOnDate } from '../../core/organisation/status-on-date.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import type { EmployeeStatus } from '../../db/database.ts'
import {
  type EmployeeRecord,
  findEmployee,
  insertEmployee,
  lockCompany,
} from '../../db/organisation-repository.ts'
import { companyToday } from '../calendar/company-today.ts'
import { checkEmployee } from './check-employee.ts'
import type { OrganisationDeps } from './organisation-deps.ts'

export type EmployeeInput = {
  employeeNo: string
  name: string
  departmentId?: number | null
  positionId?: number | null
  managerId?: number | null
  hireDate: string
  leaveDate?: string | null
  status?: EmployeeStatus
  phone?: string | null // 手机
  email?: string | null // 邮箱
}

/** Adds an employee (员工); status defaults to active, and is left once a leave date given has come. */
export async function createEmployee(deps: OrganisationDeps, input: EmployeeInput): Promise<EmployeeRecord> {
  const { actor } = deps
  return deps.db.transaction().execute(async (trx) => {
    await lockCompany(trx, actor.companyId)
    const today = await companyToday(trx, actor.companyId, deps.now())
    const leaveDate = input.leaveDate ?? null
    const values = {
      employeeNo: input.employeeNo,
      name: input.name,
      departmentId: input.departmentId ?? null,
      positionId: input.positionId ?? null,
      managerId: input.managerId ?? null,
      hireDate: input.hireDate,
      leaveDate,
      status: statusOnDate(input.status ?? 'active', leaveDate, today),
      phone: input.phone ?? null,
      email: input.email ?? null,
    }
    await checkEmployee(trx, actor.companyId, null, values)
    const id = await insertEmployee(trx, actor.companyId, values)
    const created = (await findEmployee(trx, actor.companyId, id))!
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'employee.create',
        entity: 'employee',
        entityId: id,
        after: created,
      },
      deps.now(),
    )
    return created
  })
}
