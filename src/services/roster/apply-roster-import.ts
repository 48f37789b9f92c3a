import type { RosterCounts } from '../../contracts/roster.ts'
import { DomainError } from '../../core/errors.ts'
import type { PlannedRow } from '../../core/roster/plan-roster-changes.ts'
import { type AuditEntry, appendAuditBatch } from '../../db/audit-log-repository.ts'
import { lockCompany } from '../../db/organisation-repository.ts'
import {
  insertRosterDepartments,
  insertRosterEmployees,
  insertRosterPositions,
  linkRosterManagers,
  updateRosterEmployees,
} from '../../db/roster-repository.ts'
import type { OrganisationDeps } from '../organisation/organisation-deps.ts'
import { planRosterFile } from './plan-roster-file.ts'
import { issuesOf } from './preview-roster-import.ts'
import { readRosterFile } from './read-roster-file.ts'

/** Refusals named in the error of an import that is refused. */
const issuesInError = 50

/**
 * Imports a roster all or nothing, in one transaction: the file is planned again against the data as it is now
 * (someone may have changed it since the preview), any refused row refuses the whole file, and every write is
 * one statement over all rows. Audited: one `roster.import` row and one per person, department and position.
 */
export async function applyRosterImport(
  deps: OrganisationDeps,
  input: { filePath: string; fileName: string; createMissing: boolean },
): Promise<{ counts: RosterCounts }> {
  const { actor } = deps
  const companyId = actor.companyId
  const file = await readRosterFile(input.filePath, input.fileName)
  return deps.db.transaction().execute(async (trx) => {
    await lockCompany(trx, companyId)
    const plan = await planRosterFile(trx, companyId, deps.now(), file, input.createMissing)
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
    const departments = await insertRosterDepartments(trx, companyId, plan.departmentsToCreate)
    const positions = await insertRosterPositions(trx, companyId, plan.positionsToCreate)
    const created = plan.rows.filter((r) => r.action === 'create')
    const changed = [...plan.rows.filter((r) => r.action === 'change'), ...plan.leavers]
    const ids = await insertRosterEmployees(
      trx,
      companyId,
      created.map((r) => r.values!),
    )
    await updateRosterEmployees(
      trx,
      companyId,
      changed.map((r) => r.values!),
    )
    // Managers last: a manager may be a person created by this same file.
    const links = [
      ...created.filter((r) => r.values!.managerNo !== null),
      ...changed.filter((r) => r.changes.some((c) => c.field === 'managerNo')),
    ].map((r) => ({ employeeNo: r.employeeNo, managerNo: r.values!.managerNo }))
    await linkRosterManagers(trx, companyId, links)

    const at = deps.now()
    const entry = (e: Omit<AuditEntry, 'companyId' | 'actorUserId'>): AuditEntry => ({
      companyId,
      actorUserId: actor.userId,
      ...e,
    })
    const personAfter = (r: PlannedRow) => r.values
    await appendAuditBatch(
      trx,
      [
        entry({
          action: 'roster.import',
          entity: 'roster',
          entityId: input.fileName,
          after: { fileName: input.fileName, createMissing: input.createMissing, counts: plan.counts },
        }),
        ...departments.map((d) =>
          entry({
            action: 'department.create',
            entity: 'department',
            entityId: d.id,
            after: { name: d.name },
          }),
        ),
        ...positions.map((p) =>
          entry({ action: 'position.create', entity: 'position', entityId: p.id, after: { name: p.name } }),
        ),
        ...created.map((r) =>
          entry({
            action: 'employee.create',
            entity: 'employee',
            entityId: ids.get(r.employeeNo)!,
            after: personAfter(r),
          }),
        ),
        ...changed.map((r) =>
          entry({
            action: 'employee.update',
            entity: 'employee',
            entityId: r.id!,
            before: Object.fromEntries(r.changes.map((c) => [c.field, c.from])),
            after: Object.fromEntries(r.changes.map((c) => [c.field, c.to])),
            reason: 'roster.import',
          }),
        ),
      ],
      at,
    )
    return { counts: plan.counts }
  })
}
