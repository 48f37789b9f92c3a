import { DomainError, type ErrorIssue } from '../../core/errors.ts'
import { findBuiltinJobDescription } from '../../core/library/builtin-job-descriptions.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import type { JobDescription } from '../../db/database.ts'
import {
  findPosition,
  findPositionByName,
  insertPosition,
  lockCompany,
  type PositionRecord,
} from '../../db/organisation-repository.ts'
import { checkDepartmentRef, checkPositionRef, throwIfIssues } from './check-references.ts'
import { linkPositionDefaults } from './link-position-defaults.ts'
import type { OrganisationDeps } from './organisation-deps.ts'

export type PositionInput = {
  name: string
  departmentId?: number | null
  superiorPositionId?: number | null
  jobDescription?: JobDescription
}

/**
 * Adds a position (岗位) with its job description (岗位说明书); names are unique within the company. A position
 * named like a library role (销售, 店长 …) and given no job description starts with the library's.
 */
export async function createPosition(deps: OrganisationDeps, input: PositionInput): Promise<PositionRecord> {
  const { actor } = deps
  return deps.db.transaction().execute(async (trx) => {
    await lockCompany(trx, actor.companyId)
    const values = {
      name: input.name,
      departmentId: input.departmentId ?? null,
      superiorPositionId: input.superiorPositionId ?? null,
      jobDescription:
        input.jobDescription && !isBlank(input.jobDescription)
          ? input.jobDescription
          : (findBuiltinJobDescription(input.name) ?? input.jobDescription ?? { duties: [] }),
    }
    const issues: ErrorIssue[] = []
    await checkDepartmentRef(trx, actor.companyId, values.departmentId, 'departmentId', issues)
    await checkPositionRef(trx, actor.companyId, values.superiorPositionId, 'superiorPositionId', issues)
    throwIfIssues(issues)
    if (await findPositionByName(trx, actor.companyId, values.name)) {
      throw new DomainError('conflict', `岗位名称“${values.name}”已存在`, [
        { path: 'name', message: '名称已存在' },
      ])
    }
    const id = await insertPosition(trx, actor.companyId, values)
    await linkPositionDefaults(trx, actor.companyId)
    const created = (await findPosition(trx, actor.companyId, id))!
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'position.create',
        entity: 'position',
        entityId: id,
        after: created,
      },
      deps.now(),
    )
    return created
  })
}

/** A job description with nothing written in it (the position form sends one even when left empty). */
function isBlank(jd: JobDescription): boolean {
  const lists = [jd.subordinatePositions, jd.internalCollaboration, jd.externalCollaboration, jd.duties]
  const texts = [jd.summary, jd.workingHours, jd.paySystem]
  return lists.every((l) => !l || l.length === 0) && texts.every((t) => !t || t.trim() === '')
}
