import { DomainError, type ErrorIssue } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import {
  type DepartmentRecord,
  findDepartment,
  findDepartmentByName,
  lockCompany,
  updateDepartment as updateRow,
} from '../../db/organisation-repository.ts'
import { checkDepartmentRef, checkNoCycle, throwIfIssues } from './check-references.ts'
import type { OrganisationDeps } from './organisation-deps.ts'

/** Renames or moves a department; moving it under itself or one of its sub-departments is refused. */
export async function updateDepartment(
  deps: OrganisationDeps,
  id: number,
  patch: { name?: string; parentId?: number | null },
): Promise<DepartmentRecord> {
  const { actor } = deps
  return deps.db.transaction().execute(async (trx) => {
    await lockCompany(trx, actor.companyId)
    const before = await findDepartment(trx, actor.companyId, id)
    if (!before) throw new DomainError('not_found', `部门 ${id} 不存在`)
    const next = {
      name: patch.name ?? before.name,
      parentId: patch.parentId === undefined ? before.parentId : patch.parentId,
    }
    // A patch that changes nothing writes nothing and leaves no audit row.
    if (next.name === before.name && next.parentId === before.parentId) return before
    const issues: ErrorIssue[] = []
    if (next.parentId !== before.parentId) {
      await checkDepartmentRef(trx, actor.companyId, next.parentId, 'parentId', issues)
      if (issues.length === 0)
        await checkNoCycle(
          trx,
          'departments',
          actor.companyId,
          { id, name: next.name },
          next.parentId,
          'parentId',
          issues,
        )
    }
    throwIfIssues(issues)
    const sameName = await findDepartmentByName(trx, actor.companyId, next.name)
    if (sameName && sameName.id !== id) {
      throw new DomainError('conflict', `部门名称“${next.name}”已存在`, [
        { path: 'name', message: '名称已存在' },
      ])
    }
    const after = await updateRow(trx, actor.companyId, id, next)
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'department.update',
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
