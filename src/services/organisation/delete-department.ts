import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import {
  countDepartmentDependents,
  countSheetsReferencing,
  deleteDepartment as deleteRow,
  findDepartment,
  lockCompany,
} from '../../db/organisation-repository.ts'
import type { OrganisationDeps } from './organisation-deps.ts'

/** Deletes an empty department; one that still has sub-departments, positions or employees is refused. */
export async function deleteDepartment(deps: OrganisationDeps, id: number): Promise<void> {
  const { actor } = deps
  await deps.db.transaction().execute(async (trx) => {
    await lockCompany(trx, actor.companyId)
    const before = await findDepartment(trx, actor.companyId, id)
    if (!before) throw new DomainError('not_found', `部门 ${id} 不存在`)
    const d = await countDepartmentDependents(trx, actor.companyId, id)
    if (d.children + d.positions + d.employees > 0) {
      throw new DomainError(
        'conflict',
        `部门“${before.name}”仍有 ${d.children} 个下级部门、${d.positions} 个岗位、${d.employees} 名员工，请先调整后再删除`,
        [],
        d,
      )
    }
    // Used in an appraisal: deleting would blank that history, so only retiring (or leaving) is offered.
    const sheets = await countSheetsReferencing(trx, actor.companyId, 'department_id', id)
    if (sheets > 0)
      throw new DomainError(
        'conflict',
        `部门“${before.name}”已用于 ${sheets} 份考核表，不能删除，请改为撤销`,
        [],
        { sheets },
      )
    await deleteRow(trx, actor.companyId, id)
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'department.delete',
        entity: 'department',
        entityId: id,
        before,
      },
      deps.now(),
    )
  })
}
