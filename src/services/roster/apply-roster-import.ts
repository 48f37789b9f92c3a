import type { RosterCounts } from '../../contracts/roster.ts'
import { DomainError } from '../../core/errors.ts'
import type { PlannedRow } from '../../core/roster/plan-roster-changes.ts'
import { type AuditEntry, appendAuditBatch } from '../../db/audit-log-repository.ts'
import { lockCompany } from '../../db/organisation-repository.ts'
import {
  insertRosterDepartments,
  insertRosterEmployees,
  insertRosterPositions,
  type RosterEmployeeRow,
  reserveEmployeeIds,
  updateRosterEmployees,
} from '../../db/roster-repository.ts'
import { linkPositionDefaults } from '../organisation/link-position-defaults.ts'
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
    const { plan, org } = await planRosterFile(trx, companyId, deps.now(), file, input.createMissing)
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
    if (positions.length > 0) await linkPositionDefaults(trx, companyId)
    const created = plan.rows.filter((r) => r.action === 'create')
    const changed = [...plan.rows.filter((r) => r.action === 'change'), ...plan.leavers]
    // Every name and 工号 resolved to an id here, so each table is written by one statement: new people get
    // reserved ids first, since a manager may be a person created by this same file.
    const departmentId = new Map([...org.departments, ...departments].map((d) => [d.name, d.id]))
    const positionId = new Map([...org.positions, ...positions].map((p) => [p.name, p.id]))
    const reserved = await reserveEmployeeIds(trx, created.length)
    const ids = new Map(org.people.map((p) => [p.employeeNo, p.id]))
    for (const [i, r] of created.entries()) ids.set(r.employeeNo, reserved[i]!)
    const rowOf = (r: PlannedRow): RosterEmployeeRow => {
      const v = r.values!
      return {
        id: ids.get(r.employeeNo)!,
        employeeNo: v.employeeNo,
        name: v.name,
        departmentId: v.department === null ? null : (departmentId.get(v.department) ?? null),
        positionId: v.position === null ? null : (positionId.get(v.position) ?? null),
        managerId: v.managerNo === null ? null : (ids.get(v.managerNo) ?? null),
        hireDate: v.hireDate,
        leaveDate: v.leaveDate,
        status: v.status,
        phone: v.phone,
        email: v.email,
      }
    }
    await insertRosterEmployees(trx, companyId, created.map(rowOf))
    await updateRosterEmployees(trx, companyId, changed.map(rowOf))

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
