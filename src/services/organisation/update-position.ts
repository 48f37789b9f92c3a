import { DomainError, type ErrorIssue } from '../../core/errors.ts'
import { appendAudit, canonicalJson } from '../../db/audit-log-repository.ts'
import type { JobDescription } from '../../db/database.ts'
import {
  findPosition,
  findPositionByName,
  lockCompany,
  type PositionRecord,
  updatePosition as updateRow,
} from '../../db/organisation-repository.ts'
import { checkDepartmentRef, checkNoCycle, checkPositionRef, throwIfIssues } from './check-references.ts'
import type { OrganisationDeps } from './organisation-deps.ts'

export type PositionPatch = {
  name?: string
  departmentId?: number | null
  superiorPositionId?: number | null
  jobDescription?: JobDescription
}

/** Changes a position; a superior position that leads back to itself is refused. */
export async function updatePosition(
  deps: OrganisationDeps,
  id: number,
  patch: PositionPatch,
): Promise<PositionRecord> {
  const { actor } = deps
  return deps.db.transaction().execute(async (trx) => {
    await lockCompany(trx, actor.companyId)
    const before = await findPosition(trx, actor.companyId, id)
    if (!before) throw new DomainError('not_found', `岗位 ${id} 不存在`)
    const next = {
      name: patch.name ?? before.name,
      departmentId: patch.departmentId === undefined ? before.departmentId : patch.departmentId,
      superiorPositionId:
        patch.superiorPositionId === undefined ? before.superiorPositionId : patch.superiorPositionId,
      jobDescription: patch.jobDescription ?? before.jobDescription,
    }
    // A patch that changes nothing writes nothing and leaves no audit row.
    const unchanged = canonicalJson({
      name: before.name,
      departmentId: before.departmentId,
      superiorPositionId: before.superiorPositionId,
      jobDescription: before.jobDescription,
    })
    if (canonicalJson(next) === unchanged) return before
    const issues: ErrorIssue[] = []
    if (next.departmentId !== before.departmentId) {
      await checkDepartmentRef(trx, actor.companyId, next.departmentId, 'departmentId', issues)
    }
    if (next.superiorPositionId !== before.superiorPositionId) {
      const before = issues.length
      await checkPositionRef(trx, actor.companyId, next.superiorPositionId, 'superiorPositionId', issues)
      if (issues.length === before) {
        await checkNoCycle(
          trx,
          'positions',
          actor.companyId,
          { id, name: next.name },
          next.superiorPositionId,
          'superiorPositionId',
          issues,
        )
      }
    }
    throwIfIssues(issues)
    const sameName = await findPositionByName(trx, actor.companyId, next.name)
    if (sameName && sameName.id !== id) {
      throw new DomainError('conflict', `岗位名称“${next.name}”已存在`, [
        { path: 'name', message: '名称已存在' },
      ])
    }
    await updateRow(trx, actor.companyId, id, next)
    const after = (await findPosition(trx, actor.companyId, id))!
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'position.update',
        entity: 'position',
        entityId: id,
        before,
        after,
      },
      deps.now(),
    )
    return after
  })
}
