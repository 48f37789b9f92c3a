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

/** A person's row as written: departments, positions and managers resolved to ids. */
export type RosterEmployeeRow = Omit<RosterValues, 'department' | 'position' | 'managerNo'> & {
  id: number
  departmentId: number | null
  positionId: number | null
  managerId: number | null
}

/**
 * The audit rows written with the people, one per person in the order given, already hashed onto the company's
 * chain by the caller (hashAuditChain, straight after the appendAuditBatch that locked the chain).
 */
export type RosterAuditChain = {
  actorUserId: number | null
  createdAt: Date
  reason: string | null
  /** The hash before the first of these rows, then each row's own. */
  prevHash: string
  hashes: readonly string[]
}

function recordsOf(rows: readonly RosterEmployeeRow[], hashes: readonly string[]): string {
  return JSON.stringify(
    rows.map((v, i) => ({
      i,
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
      hash: hashes[i],
    })),
  )
}

const recordColumns = sql.raw(
  'r(i int, id int, employee_no text, name text, department_id int, position_id int, manager_id int, hire_date text, leave_date text, status text, phone text, email text, hash text)',
)

/**
 * Takes `count` employee ids from the table's identity sequence, so a file's people can name each other as
 * managers in the one INSERT that creates them (the foreign key is checked at the end of the statement).
 */
export async function reserveEmployeeIds(db: Db, count: number): Promise<number[]> {
  if (count === 0) return []
  // The sequence is looked up once, not once per id (a third of the cost on PGlite).
  const result = await sql<{ id: number }>`
    with s as materialized (select pg_get_serial_sequence('employees', 'id')::regclass as s)
    select nextval(s.s)::int as id from s, generate_series(1, ${count})`.execute(db)
  return result.rows.map((r) => r.id)
}

/**
 * Inserts new people with their reserved ids and, in the same statement, each one's `employee.create` audit row
 * (the person's id, `after` their 工号), so the rows go over once and are read once.
 */
export async function insertRosterEmployees(
  db: Db,
  companyId: number,
  rows: readonly RosterEmployeeRow[],
  audit: RosterAuditChain,
): Promise<void> {
  if (rows.length === 0) return
  await sql`
    with r as (select * from jsonb_to_recordset(${recordsOf(rows, audit.hashes)}::jsonb) as ${recordColumns}),
    created as (
      insert into employees (id, company_id, employee_no, name, department_id, position_id, manager_id, hire_date,
        leave_date, status, phone, email)
      overriding system value
      select r.id, ${companyId}, r.employee_no, r.name, r.department_id, r.position_id, r.manager_id,
        r.hire_date::date, r.leave_date::date, r.status, r.phone, r.email
      from r)
    insert into audit_log (company_id, actor_user_id, action, entity, entity_id, after, reason, created_at,
      prev_hash, hash)
    select ${companyId}, ${audit.actorUserId}::int, 'employee.create', 'employee', r.id::text,
      jsonb_build_object('employeeNo', r.employee_no), ${audit.reason}::text,
      ${audit.createdAt.toISOString()}::timestamptz,
      coalesce(lag(r.hash) over (order by r.i), ${audit.prevHash}::text), r.hash
    from r order by r.i`.execute(db)
}

/** One stored person's change as audited: the action and the fields before and after. */
export type RosterChangeAudit = { action: string; before: unknown; after: unknown }

/** Updates stored people to their new values and writes each one's audit row, in one statement. */
export async function updateRosterEmployees(
  db: Db,
  companyId: number,
  rows: readonly (RosterEmployeeRow & RosterChangeAudit)[],
  audit: RosterAuditChain,
): Promise<void> {
  if (rows.length === 0) return
  const changes = JSON.stringify(
    rows.map((r, i) => ({ i, action: r.action, before: r.before, after: r.after })),
  )
  await sql`
    with r as (select * from jsonb_to_recordset(${recordsOf(rows, audit.hashes)}::jsonb) as ${recordColumns}),
    changed as (
      update employees e set name = r.name, department_id = r.department_id, position_id = r.position_id,
        manager_id = r.manager_id, hire_date = r.hire_date::date, leave_date = r.leave_date::date,
        status = r.status, phone = r.phone, email = r.email
      from r
      where e.company_id = ${companyId} and e.id = r.id)
    insert into audit_log (company_id, actor_user_id, action, entity, entity_id, before, after, reason,
      created_at, prev_hash, hash)
    select ${companyId}, ${audit.actorUserId}::int, c.action, 'employee', r.id::text, nullif(c.before, 'null'::jsonb),
      nullif(c.after, 'null'::jsonb), ${audit.reason}::text, ${audit.createdAt.toISOString()}::timestamptz,
      coalesce(lag(r.hash) over (order by r.i), ${audit.prevHash}::text), r.hash
    from r join jsonb_to_recordset(${changes}::jsonb) as c(i int, action text, before jsonb, after jsonb)
      on c.i = r.i
    order by r.i`.execute(db)
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
