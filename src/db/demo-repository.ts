import { sql, type Updateable } from 'kysely'
import type { Database, Db, EmployeeStatus, JobDescription, Role } from './database.ts'

// All SQL for the demo company: its rows are written as given (ids chained by the caller), and every company
// marked as the demo (settings.demo = true) can be removed as a whole.

/** The names of the companies the database holds (the demo loads only into an empty one). */
export async function listCompanyNames(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('companies').select(['id', 'name']).execute()
  return rows.map((r) => r.name)
}

export async function insertDemoCompany(db: Db, name: string): Promise<number> {
  const row = await db
    .insertInto('companies')
    .values({ name, code: 'demo', settings: JSON.stringify({ demo: true }) })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertDemoDepartment(
  db: Db,
  companyId: number,
  d: { name: string; parentId: number | null },
): Promise<number> {
  const row = await db
    .insertInto('departments')
    .values({ company_id: companyId, name: d.name, parent_id: d.parentId })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertDemoPosition(
  db: Db,
  companyId: number,
  p: { name: string; departmentId: number; superiorPositionId: number | null; jd: JobDescription },
): Promise<number> {
  const row = await db
    .insertInto('positions')
    .values({
      company_id: companyId,
      name: p.name,
      department_id: p.departmentId,
      superior_position_id: p.superiorPositionId,
      job_description: JSON.stringify(p.jd),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertDemoEmployee(
  db: Db,
  companyId: number,
  e: {
    employeeNo: string
    name: string
    departmentId: number
    positionId: number
    managerId: number | null
    hireDate: string
    status: EmployeeStatus
  },
): Promise<number> {
  const row = await db
    .insertInto('employees')
    .values({
      company_id: companyId,
      employee_no: e.employeeNo,
      name: e.name,
      department_id: e.departmentId,
      position_id: e.positionId,
      manager_id: e.managerId,
      hire_date: e.hireDate,
      leave_date: null,
      status: e.status,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertDemoUsers(
  db: Db,
  companyId: number,
  users: {
    username: string
    passwordHash: string
    role: Role
    employeeId: number | null
    displayName: string
  }[],
): Promise<void> {
  await db
    .insertInto('users')
    .values(
      users.map((u) => ({
        company_id: companyId,
        username: u.username,
        password_hash: u.passwordHash,
        role: u.role,
        employee_id: u.employeeId,
        display_name: u.displayName,
      })),
    )
    .execute()
}

/** Deletes every company marked as the demo; the caller allows the audit rows of removed companies to go. */
export async function deleteDemoCompanies(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('companies')
    .where(sql<boolean>`(settings->>'demo')::boolean is true`)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** A demo cycle's sheets with the employee and the template they are scored on (the demo fills them in). */
export async function listDemoCycleSheets(db: Db, cycleId: number) {
  return db
    .selectFrom('appraisal_sheets as s')
    .innerJoin('employees as e', 'e.id', 's.employee_id')
    .innerJoin('template_versions as tv', 'tv.id', 's.template_version_id')
    .selectAll('s')
    .select(['e.employee_no', 'e.name', 'tv.definition'])
    .where('s.cycle_id', '=', cycleId)
    .execute()
}

/** Writes a demo sheet as finished: its score, reviews, feedback and signature. */
export async function finishDemoSheet(
  db: Db,
  sheetId: number,
  values: Updateable<Database['appraisal_sheets']>,
): Promise<void> {
  await db.updateTable('appraisal_sheets').set(values).where('id', '=', sheetId).execute()
}

/** The first login of a role in the company (the demo's HR and finance act through them). */
/** A demo cycle by its name (the bonus pool is set on September's). */
export async function findDemoCycleId(db: Db, companyId: number, name: string): Promise<number | null> {
  const row = await db
    .selectFrom('cycles')
    .select('id')
    .where('company_id', '=', companyId)
    .where('name', '=', name)
    .executeTakeFirst()
  return row?.id ?? null
}

/** A pay sheet already approved, as the demo shows September. */
export async function insertApprovedDemoPaySheet(
  db: Db,
  sheet: {
    companyId: number
    cycleId: number
    snapshot: unknown
    total: string
    approvedByUserId: number | null
    approvedAt: string
  },
): Promise<void> {
  await sql`insert into pay_sheets (company_id, cycle_id, status, snapshot, total, approved_by_user_id, approved_at)
            values (${sheet.companyId}, ${sheet.cycleId}, 'approved', ${JSON.stringify(sheet.snapshot)}::jsonb,
                    ${sheet.total}, ${sheet.approvedByUserId}, ${sheet.approvedAt})`.execute(db)
}
