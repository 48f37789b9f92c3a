import { sql } from 'kysely'
import type { RosterOrganisation, RosterPerson, RosterValues } from '../core/roster/plan-roster-changes.ts'
import type { Db } from './database.ts'

// The SQL of roster import and export (花名册): the company's people with departments, positions and managers by
// name and 工号, and set-based writes — each step one statement over all rows, handed over as one JSON
// parameter and read with jsonb_to_recordset, so 10,000 people cost a handful of round trips, not 10,000.

/** The company's people (by 工号 order), departments and positions, as the roster plan reads them. */
export async function loadRosterOrganisation(
  db: Db,
  companyId: number,
): Promise<
  RosterOrganisation & {
    departments: { id: number; name: string; retired: boolean }[]
    positions: { id: number; name: string; retired: boolean }[]
  }
> {
  const [people, departments, positions] = await Promise.all([
    listRosterPeople(db, companyId),
    db
      .selectFrom('departments')
      .select(['id', 'name', sql<boolean>`retired_at is not null`.as('retired')])
      .where('company_id', '=', companyId)
      .execute(),
    db
      .selectFrom('positions')
      .select(['id', 'name', sql<boolean>`retired_at is not null`.as('retired')])
      .where('company_id', '=', companyId)
      .execute(),
  ])
  return { people, departments, positions }
}

/** Every employee of the company, in 工号 order. */
export async function listRosterPeople(db: Db, companyId: number): Promise<RosterPerson[]> {
  return db
    .selectFrom('employees as e')
    .leftJoin('departments as d', 'd.id', 'e.department_id')
    .leftJoin('positions as p', 'p.id', 'e.position_id')
    .leftJoin('employees as m', 'm.id', 'e.manager_id')
    .select([
      'e.id as id',
      'e.employee_no as employeeNo',
      'e.name as name',
      'd.name as department',
      'p.name as position',
      'm.employee_no as managerNo',
      sql<string>`to_char(e.hire_date, 'YYYY-MM-DD')`.as('hireDate'),
      sql<string | null>`to_char(e.leave_date, 'YYYY-MM-DD')`.as('leaveDate'),
      'e.status as status',
      'e.phone as phone',
      'e.email as email',
    ])
    .where('e.company_id', '=', companyId)
    .orderBy('e.employee_no')
    .execute()
}

/** Creates departments, then links each to its parent by name (parents may be among the new ones); answers their ids. */
export async function insertRosterDepartments(
  db: Db,
  companyId: number,
  departments: readonly { name: string; parentName: string | null }[],
): Promise<{ id: number; name: string }[]> {
  if (departments.length === 0) return []
  const json = JSON.stringify(departments.map((d) => ({ name: d.name, parent_name: d.parentName })))
  const created = await sql<{ id: number; name: string }>`
    insert into departments (company_id, name)
    select ${companyId}, r.name from jsonb_to_recordset(${json}::jsonb) as r(name text, parent_name text)
    returning id, name`.execute(db)
  await sql`
    update departments d set parent_id = p.id
    from jsonb_to_recordset(${json}::jsonb) as r(name text, parent_name text)
    join departments p on p.company_id = ${companyId} and p.name = r.parent_name
    where d.company_id = ${companyId} and d.name = r.name`.execute(db)
  return created.rows
}

/** Creates positions, each in its department (by name); answers their ids. */
export async function insertRosterPositions(
  db: Db,
  companyId: number,
  positions: readonly { name: string; departmentName: string | null }[],
): Promise<{ id: number; name: string }[]> {
  if (positions.length === 0) return []
  const json = JSON.stringify(positions.map((p) => ({ name: p.name, department_name: p.departmentName })))
  const created = await sql<{ id: number; name: string }>`
    insert into positions (company_id, name, department_id)
    select ${companyId}, r.name, d.id
    from jsonb_to_recordset(${json}::jsonb) as r(name text, department_name text)
    left join departments d on d.company_id = ${companyId} and d.name = r.department_name
    returning id, name`.execute(db)
  return created.rows
}

/** A person's row as written: departments, positions and managers already resolved to ids. */
export type RosterEmployeeRow = {
  id: number
  employeeNo: string
  name: string
  departmentId: number | null
  positionId: number | null
  managerId: number | null
  hireDate: string
  leaveDate: string | null
  status: RosterValues['status']
  phone: string | null
  email: string | null
}

function recordsOf(rows: readonly RosterEmployeeRow[]): string {
  return JSON.stringify(
    rows.map((v) => ({
      id: v.id,
      employee_no: v.employeeNo,
      name: v.name,
      department_id: v.departmentId,
      position_id: v.positionId,
      manager_id: v.managerId,
      hire_date: v.hireDate,
      leave_date: v.leaveDate,
      status: v.status,
      phone: v.phone,
      email: v.email,
    })),
  )
}

const recordColumns = sql.raw(
  'r(id int, employee_no text, name text, department_id int, position_id int, manager_id int, hire_date date, leave_date date, status text, phone text, email text)',
)

/**
 * Takes `count` employee ids from the table's identity sequence, so a file's people can name each other as
 * managers in the one INSERT that creates them (the foreign key is checked at the end of the statement).
 */
export async function reserveEmployeeIds(db: Db, count: number): Promise<number[]> {
  if (count === 0) return []
  const result = await sql<{ id: number }>`
    select nextval(pg_get_serial_sequence('employees', 'id'))::int as id from generate_series(1, ${count})`.execute(
    db,
  )
  return result.rows.map((r) => r.id)
}

/** Inserts new people with their reserved ids, in one statement. */
export async function insertRosterEmployees(
  db: Db,
  companyId: number,
  rows: readonly RosterEmployeeRow[],
): Promise<void> {
  if (rows.length === 0) return
  await sql`
    insert into employees (id, company_id, employee_no, name, department_id, position_id, manager_id, hire_date,
      leave_date, status, phone, email)
    overriding system value
    select r.id, ${companyId}, r.employee_no, r.name, r.department_id, r.position_id, r.manager_id, r.hire_date,
      r.leave_date, r.status, r.phone, r.email
    from jsonb_to_recordset(${recordsOf(rows)}::jsonb) as ${recordColumns}`.execute(db)
}

/** Updates stored people to their new values, in one statement. */
export async function updateRosterEmployees(
  db: Db,
  companyId: number,
  rows: readonly RosterEmployeeRow[],
): Promise<void> {
  if (rows.length === 0) return
  await sql`
    update employees e set name = r.name, department_id = r.department_id, position_id = r.position_id,
      manager_id = r.manager_id, hire_date = r.hire_date, leave_date = r.leave_date, status = r.status,
      phone = r.phone, email = r.email
    from jsonb_to_recordset(${recordsOf(rows)}::jsonb) as ${recordColumns}
    where e.company_id = ${companyId} and e.id = r.id`.execute(db)
}

/** How many employees, departments and positions the company has (the corpus tests compare before and after). */
export async function countOrganisation(
  db: Db,
  companyId: number,
): Promise<{ employees: number; departments: number; positions: number }> {
  const result = await sql<{ employees: number; departments: number; positions: number }>`
    select
      (select count(*)::int from employees where company_id = ${companyId}) as employees,
      (select count(*)::int from departments where company_id = ${companyId}) as departments,
      (select count(*)::int from positions where company_id = ${companyId}) as positions`.execute(db)
  return result.rows[0]!
}

/** The company's time zone (its today decides who has left). */
export async function readRosterTimeZone(db: Db, companyId: number): Promise<string> {
  const row = await db
    .selectFrom('companies')
    .select('time_zone')
    .where('id', '=', companyId)
    .executeTakeFirst()
  return row?.time_zone || 'Asia/Shanghai'
}

/** Each department's parent by name, for the export's 上级部门 column. */
export async function listDepartmentParents(db: Db, companyId: number): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('departments as d')
    .innerJoin('departments as p', 'p.id', 'd.parent_id')
    .select(['d.name as name', 'p.name as parentName'])
    .where('d.company_id', '=', companyId)
    .execute()
  return new Map(rows.map((r) => [r.name, r.parentName]))
}
