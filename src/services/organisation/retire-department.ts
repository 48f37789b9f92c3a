import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import {
  countActiveDepartmentMembers,
  type DepartmentRecord,
  findDepartment,
  lockCompany,
  setRetired,
} from '../../db/organisation-repository.ts'
import type { OrganisationDeps } from './organisation-deps.ts'

/**
 * Retires a department (撤销): it stays in history and lists (greyed) but is hidden from pickers and receives
 * nobody new. One that still has employees who have not left, or sub-departments in use, is refused with the counts.
 */
export async function retireDepartment(deps: OrganisationDeps, id: number): Promise<DepartmentRecord> {
  const { actor } = deps
  return deps.db.transaction().execute(async (trx) => {
    await lockCompany(trx, actor.companyId)
    const before = await findDepartment(trx, actor.companyId, id)
    if (!before) throw new DomainError('not_found', `部门 ${id} 不存在`)
    if (before.retiredAt !== null) return before
    const m = await countActiveDepartmentMembers(trx, actor.companyId, id)
    if (m.employees + m.children > 0) {
      throw new DomainError(
        'conflict',
        `部门“${before.name}”仍有 ${m.employees} 名在职员工、${m.children} 个在用的下级部门，请先调走或撤销后再撤销本部门`,
        [],
        m,
      )
    }
    await setRetired(trx, 'departments', actor.companyId, id, deps.now())
    const after = (await findDepartment(trx, actor.companyId, id))!
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'department.retire',
        entity: 'department',
        entityId: id,
        before,
        after,
      },
      deps.now(),
    )
    return after
  })
}
