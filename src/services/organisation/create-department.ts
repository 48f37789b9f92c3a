import { DomainError, type ErrorIssue } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import {
  type DepartmentRecord,
  findDepartmentByName,
  insertDepartment,
  lockCompany,
} from '../../db/organisation-repository.ts'
import { checkDepartmentRef, throwIfIssues } from './check-references.ts'
import type { OrganisationDeps } from './organisation-deps.ts'

/** Adds a department (部门) under an optional parent; names are unique within the company. */
export async function createDepartment(
  deps: OrganisationDeps,
  input: { name: string; parentId?: number | null },
): Promise<DepartmentRecord> {
  const { actor } = deps
  return deps.db.transaction().execute(async (trx) => {
    await lockCompany(trx, actor.companyId)
    const issues: ErrorIssue[] = []
    const parentId = input.parentId ?? null
    await checkDepartmentRef(trx, actor.companyId, parentId, 'parentId', issues)
    throwIfIssues(issues)
    if (await findDepartmentByName(trx, actor.companyId, input.name)) {
      throw new DomainError('conflict', `部门名称“${input.name}”已存在`, [
        { path: 'name', message: '名称已存在' },
      ])
    }
    const created = await insertDepartment(trx, actor.companyId, { name: input.name, parentId })
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'department.create',
        entity: 'department',
        entityId: created.id,
        after: created,
      },
      deps.now(),
    )
    return created
  })
}
