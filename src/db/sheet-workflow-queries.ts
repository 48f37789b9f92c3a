import { sql } from 'kysely'
import type { Db } from './database.ts'

// What the sheet workflow steps read besides the sheet row: the cycle's period and names, the people a step
// names or notifies, and whether files and reviewers exist.

/** A cycle's period (YYYY-MM-DD). */
export async function findCyclePeriod(
  db: Db,
  cycleId: number,
): Promise<{ period_start: string; period_end: string }> {
  return db
    .selectFrom('cycles')
    .select(['period_start', 'period_end'])
    .where('id', '=', cycleId)
    .executeTakeFirstOrThrow()
}

/** The period of a company's sheet's cycle, or undefined when the sheet is not the company's. */
export async function findSheetCyclePeriod(
  db: Db,
  companyId: number,
  sheetId: number,
): Promise<{ period_start: string; period_end: string } | undefined> {
  return db
    .selectFrom('appraisal_sheets as s')
    .innerJoin('cycles as c', 'c.id', 's.cycle_id')
    .select(['c.period_start', 'c.period_end'])
    .where('s.id', '=', sheetId)
    .where('s.company_id', '=', companyId)
    .executeTakeFirst()
}

/** What a transition tells and records: the sheet's cycle name, deadlines and settings, and the employee's name. */
export async function findTransitionContext(db: Db, sheetId: number) {
  return db
    .selectFrom('cycles as c')
    .innerJoin('appraisal_sheets as s', 's.cycle_id', 'c.id')
    .innerJoin('employees as e', 'e.id', 's.employee_id')
    .select(['c.name', 'c.deadlines', 'c.settings', 'e.name as employee_name'])
    .where('s.id', '=', sheetId)
    .executeTakeFirstOrThrow()
}

/** The sheet's state and its template version's definition, the sheet locked for the rest of the transaction. */
export async function lockSheetStateWithTemplate(
  db: Db,
  sheetId: number,
): Promise<{ state: string; definition: unknown }> {
  return db
    .selectFrom('appraisal_sheets as s')
    .innerJoin('template_versions as tv', 'tv.id', 's.template_version_id')
    .select(['s.state', 'tv.definition'])
    .where('s.id', '=', sheetId)
    .forUpdate(['s'])
    .executeTakeFirstOrThrow()
}

/** Which of the ids are files attached to the sheet. */
export async function listSheetFileIdsAmong(
  db: Db,
  sheetId: number,
  fileIds: readonly number[],
): Promise<number[]> {
  if (fileIds.length === 0) return []
  const rows = await db
    .selectFrom('sheet_files')
    .select('id')
    .where('sheet_id', '=', sheetId)
    .where('id', 'in', [...fileIds])
    .execute()
  return rows.map((r) => r.id)
}

/** Which of the ids are the company's employees. */
export async function listEmployeeIdsAmong(
  db: Db,
  companyId: number,
  employeeIds: readonly number[],
): Promise<number[]> {
  if (employeeIds.length === 0) return []
  const rows = await db
    .selectFrom('employees')
    .select('id')
    .where('company_id', '=', companyId)
    .where('id', 'in', [...employeeIds])
    .execute()
  return rows.map((r) => r.id)
}

/** The logins of the given employees (to notify them). */
export async function listUserIdsOfEmployees(
  db: Db,
  companyId: number,
  employeeIds: readonly number[],
): Promise<number[]> {
  if (employeeIds.length === 0) return []
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('company_id', '=', companyId)
    .where('employee_id', 'in', [...employeeIds])
    .execute()
  return rows.map((r) => r.id)
}

/** The logins with one role (to notify HR or admins). */
/** An employee's name and their login when it may review (supervisor, HR or admin), for a delegation. */
export async function findReviewCapableEmployee(
  db: Db,
  companyId: number,
  employeeId: number,
): Promise<{ name: string; userId: number | null } | undefined> {
  return db
    .selectFrom('employees as e')
    .leftJoin('users as u', (join) =>
      join.onRef('u.employee_id', '=', 'e.id').on('u.role', 'in', ['supervisor', 'hr', 'admin']),
    )
    .select(['e.name', 'u.id as userId'])
    .where('e.company_id', '=', companyId)
    .where('e.id', '=', employeeId)
    .executeTakeFirst()
}

/** The cycle as a sheet's view shows it. */
export async function findCycleForSheetView(db: Db, cycleId: number) {
  return db
    .selectFrom('cycles')
    .select(['id', 'name', 'kind', 'period_start', 'period_end', 'deadlines', 'settings'])
    .where('id', '=', cycleId)
    .executeTakeFirstOrThrow()
}

/** An employee's id, name and 工号. */
export async function findEmployeeRef(db: Db, employeeId: number) {
  return db
    .selectFrom('employees')
    .select(['id', 'name', 'employee_no'])
    .where('id', '=', employeeId)
    .executeTakeFirstOrThrow()
}

/** An employee's id and name, when it exists. */
export async function findEmployeeName(db: Db, employeeId: number) {
  return db.selectFrom('employees').select(['id', 'name']).where('id', '=', employeeId).executeTakeFirst()
}

/** A department's id and name, when it exists. */
export async function findDepartmentName(db: Db, departmentId: number) {
  return db.selectFrom('departments').select(['id', 'name']).where('id', '=', departmentId).executeTakeFirst()
}

/** What scoring a sheet reads besides its row: the template version, the submitted peer reviews, the cycle. */
export async function findScoreInputRows(
  db: Db,
  sheet: { id: number; template_version_id: number; cycle_id: number },
) {
  const [version, peers, cycle] = await Promise.all([
    db
      .selectFrom('template_versions')
      .select('definition')
      .where('id', '=', sheet.template_version_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('peer_reviews')
      .select(['indicators', 'comment', 'kind', 'indicator_keys'])
      .select(sql<boolean>`submitted_at is null`.as('pending'))
      .where('sheet_id', '=', sheet.id)
      // Submitted reviews, and assessors' tasks still owed (the sheet waits for their rows).
      .where((eb) => eb.or([eb('submitted_at', 'is not', null), eb('kind', '=', 'assessor')]))
      .execute(),
    db
      .selectFrom('cycles')
      .select(['settings', 'kind', 'period_start', 'period_end'])
      .where('id', '=', sheet.cycle_id)
      .executeTakeFirstOrThrow(),
  ])
  return { version, peers, cycle }
}

/** The roll-up's source cycles with the employee's total and state in each (null where they had no score). */
export async function listRollupSources(db: Db, companyId: number, employeeId: number, cycleIds: number[]) {
  return db
    .selectFrom('cycles as c')
    .leftJoin('appraisal_sheets as s', (j) =>
      j.onRef('s.cycle_id', '=', 'c.id').on('s.employee_id', '=', employeeId).on('s.total', 'is not', null),
    )
    .select(['c.id', 'c.name', 's.total', 's.state'])
    .where('c.company_id', '=', companyId)
    .where('c.id', 'in', cycleIds)
    .execute()
}
