import type { PlannedRow, RosterPlan } from '../../core/roster/plan-roster-changes.ts'
import {
  type AuditEntry,
  appendAuditBatch,
  auditTime,
  hashAuditChain,
} from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'
import {
  insertRosterDepartments,
  insertRosterEmployees,
  insertRosterPositions,
  type loadRosterOrganisation,
  type RosterEmployeeRow,
  reserveEmployeeIds,
  updateRosterEmployees,
} from '../../db/roster-repository.ts'
import { linkPositionDefaults } from '../organisation/link-position-defaults.ts'

/** The organisation a plan was made against, with ids (what loadRosterOrganisation answers). */
export type PlannedOrganisation = Awaited<ReturnType<typeof loadRosterOrganisation>>

export type RosterWrite = {
  companyId: number
  actorUserId: number | null
  now: Date
  /**
   * Audit rows written first (the run's own row, naming the file); every department, position and person row
   * after them names the first of them in its reason: `roster.import #812`.
   */
  leadingAudit: Omit<AuditEntry, 'companyId' | 'actorUserId'>[]
  /** Why, on every department, position and person row: `roster.import`, `directory.sync dingtalk`. */
  reason: string
}

/**
 * The one writer of roster plans (roster import and directory sync), inside the caller's transaction, after the
 * caller refused a plan with errors: departments and positions to create, then new people, then changed people and
 * leavers — each table one statement over all rows, every person with their own audit row written by the same
 * statement. Nobody is deleted.
 */
export async function writeRosterPlan(
  trx: Db,
  write: RosterWrite,
  plan: RosterPlan,
  org: PlannedOrganisation,
): Promise<void> {
  const { companyId, actorUserId, reason } = write
  const departments = await insertRosterDepartments(trx, companyId, plan.departmentsToCreate)
  const positions = await insertRosterPositions(trx, companyId, plan.positionsToCreate)
  if (positions.length > 0) await linkPositionDefaults(trx, companyId)
  const created = plan.rows.filter((r) => r.action === 'create')
  const changed = [...plan.rows.filter((r) => r.action === 'change'), ...plan.leavers]

  // Every name and 工号 resolved to an id here: new people get reserved ids first, since a manager may be a person
  // created by this same plan.
  const departmentId = new Map([...org.departments, ...departments].map((d) => [d.name, d.id]))
  const positionId = new Map([...org.positions, ...positions].map((p) => [p.name, p.id]))
  const reserved = await reserveEmployeeIds(trx, created.length)
  const ids = new Map(org.people.map((p) => [p.employeeNo, p.id]))
  for (const [i, r] of created.entries()) ids.set(r.employeeNo, reserved[i]!)
  // Built field by field (10,000 of them in a large import; a spread of the values costs several times more).
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

  const entry = (e: Omit<AuditEntry, 'companyId' | 'actorUserId'>): AuditEntry => ({
    companyId,
    actorUserId,
    ...e,
  })
  const at = auditTime(write.now)
  // The run's own row goes first; every other row names it in its reason (`roster.import #812`).
  const lead = await appendAuditBatch(trx, companyId, write.leadingAudit.map(entry), at)
  const runReason = lead.ids.length > 0 ? `${reason} #${lead.ids[0]}` : reason
  const organisationRows: AuditEntry[] = [
    ...departments.map((d) =>
      entry({
        action: 'department.create',
        entity: 'department',
        entityId: d.id,
        after: { name: d.name },
        reason: runReason,
      }),
    ),
    ...positions.map((p) =>
      entry({
        action: 'position.create',
        entity: 'position',
        entityId: p.id,
        after: { name: p.name },
        reason: runReason,
      }),
    ),
  ]
  // The chain end: the lead's when nothing else comes before the people (the chain is locked already).
  const chainEnd =
    lead.ids.length > 0 && organisationRows.length === 0
      ? lead.hash
      : (await appendAuditBatch(trx, companyId, organisationRows, at)).hash

  // One small row per person, hashed here and written by the statement that writes the people: the person's id,
  // their 工号 for a new person (the run's row names the file by SHA-256, and the 工号 is that file's key), the
  // changed fields before and after for a changed one. Later changes are audited with their before values, so a
  // new person's first values can be told from the person as stored and the rows after this one.
  const createdRows = created.map(rowOf)
  const changedRows = changed.map((r) => ({
    ...rowOf(r),
    action: r.row === null ? 'employee.leave' : 'employee.update',
    before: Object.fromEntries(r.changes.map((c) => [c.field, c.from])),
    after: Object.fromEntries(r.changes.map((c) => [c.field, c.to])),
  }))
  const personEntry = (
    action: string,
    id: number,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
  ): AuditEntry => ({
    companyId,
    actorUserId,
    action,
    entity: 'employee',
    entityId: id,
    before,
    after,
    reason: runReason,
  })
  const chained = hashAuditChain(
    chainEnd,
    [
      ...createdRows.map((r) => personEntry('employee.create', r.id, null, { employeeNo: r.employeeNo })),
      ...changedRows.map((r) => personEntry(r.action, r.id, r.before, r.after)),
    ],
    at,
  )
  const hashes = chained.map((c) => c.hash)
  const chain = (from: number, to: number) => ({
    actorUserId,
    createdAt: at,
    reason: runReason,
    prevHash: from === 0 ? chainEnd : hashes[from - 1]!,
    hashes: hashes.slice(from, to),
  })
  await insertRosterEmployees(trx, companyId, createdRows, chain(0, createdRows.length))
  await updateRosterEmployees(trx, companyId, changedRows, chain(createdRows.length, hashes.length))
}
