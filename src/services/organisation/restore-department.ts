import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import {
  type DepartmentRecord,
  findDepartment,
  lockCompany,
  setRetired,
} from '../../db/organisation-repository.ts'
import type { OrganisationDeps } from './organisation-deps.ts'

/** Takes a retired department back into use (恢复); under a parent that is itself retired it is refused. */
export async function restoreDepartment(deps: OrganisationDeps, id: number): Promise<DepartmentRecord> {
  const { actor } = deps
  return deps.db.transaction().execute(async (trx) => {
    await lockCompany(trx, actor.companyId)
    const before = await findDepartment(trx, actor.companyId, id)
    if (!before) throw new DomainError('not_found', `部门 ${id} 不存在`)
    if (before.retiredAt === null) return before
    const parent =
      before.parentId === null ? undefined : await findDepartment(trx, actor.companyId, before.parentId)
    if (parent && parent.retiredAt !== null)
      throw new DomainError(
        'conflict',
        `上级部门“${parent.name}”已撤销，请先恢复上级部门或把本部门移到别处`,
        [{ path: 'parentId', message: '上级部门已撤销' }],
      )
    await setRetired(trx, 'departments', actor.companyId, id, null)
    const after = (await findDepartment(trx, actor.companyId, id))!
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'department.restore',
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
