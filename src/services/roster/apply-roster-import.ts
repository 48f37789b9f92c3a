import type { RosterCounts } from '../../contracts/roster.ts'
import { DomainError } from '../../core/errors.ts'
import { lockCompany } from '../../db/organisation-repository.ts'
import type { OrganisationDeps } from '../organisation/organisation-deps.ts'
import { planRosterFile, readRosterPlanBasis, sameRosterPlanBasis } from './plan-roster-file.ts'
import { issuesOf, type PreparedRoster } from './preview-roster-import.ts'
import { readRosterFile } from './read-roster-file.ts'
import { writeRosterPlan } from './write-roster-plan.ts'

/** Refusals named in the error of an import that is refused. */
const issuesInError = 50

/**
 * Imports a roster all or nothing, in one transaction holding the company lock. Given the preview's `prepared`
 * roster (same company and tick), its plan is written if nothing audited has changed since and it is still the
 * same day in the company (the file is not read or planned again); otherwise the file is planned again against the
 * data as it is now (someone may have changed it since the preview). Any refused row refuses the whole file, and
 * the plan is written by writeRosterPlan. Audited: one `roster.import` row (the file by name and SHA-256, the tick,
 * the counts) and one per person, department and position, each naming that row.
 */
export async function applyRosterImport(
  deps: OrganisationDeps,
  input: { filePath: string; fileName: string; createMissing: boolean; prepared?: PreparedRoster },
): Promise<{ counts: RosterCounts }> {
  const { actor } = deps
  const companyId = actor.companyId
  const prepared =
    input.prepared?.companyId === companyId && input.prepared.createMissing === input.createMissing
      ? input.prepared
      : undefined
  const file = prepared?.file ?? (await readRosterFile(input.filePath, input.fileName))
  return deps.db.transaction().execute(async (trx) => {
    await lockCompany(trx, companyId)
    const { plan, org } =
      prepared && sameRosterPlanBasis(prepared.basis, await readRosterPlanBasis(trx, companyId, deps.now()))
        ? prepared
        : await planRosterFile(trx, companyId, deps.now(), file, input.createMissing)
    if (plan.errors.length > 0) {
      const issues = issuesOf(file, plan)
      const first = issues[0]!
      throw new DomainError(
        'invalid_input',
        `${input.fileName}: ${plan.counts.error} 行有错误，未导入任何数据；第 ${first.row} 行${first.column ? ` ${first.column}` : ''}：${first.message}`,
        issues.slice(0, issuesInError).map((i) => ({
          path: `row ${i.row}${i.column ? `.${i.column}` : ''}`,
          message: i.message,
        })),
        { errors: plan.counts.error },
      )
    }
    await writeRosterPlan(
      trx,
      {
        companyId,
        actorUserId: actor.userId,
        now: deps.now(),
        leadingAudit: [
          {
            action: 'roster.import',
            entity: 'roster',
            entityId: input.fileName,
            after: {
              fileName: input.fileName,
              sha256: file.sha256,
              createMissing: input.createMissing,
              counts: plan.counts,
            },
          },
        ],
        reason: 'roster.import',
      },
      plan,
      org,
    )
    return { counts: plan.counts }
  })
}
