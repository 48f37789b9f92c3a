import { type RawBuilder, type SqlBool, sql } from 'kysely'
import type { Db, EmployeeStatus, JobDescription } from './database.ts'

// All SQL for the organisation: companies, departments (部门), positions (岗位), employees (员工).
// Every function takes the company id (tenant) and never reads across companies.

export type DepartmentRecord = { id: number; name: string; parentId: number | null; retiredAt: string | null }

export type PositionRecord = {
  id: number
  name: string
  departmentId: number | null
  departmentName: string | null
  superiorPositionId: number | null
  superiorPositionName: string | null
  jobDescription: JobDescription
  retiredAt: string | null
}

export type EmployeeRecord = {
  id: number
  employeeNo: string
  name: string
  departmentId: number | null
  departmentName: string | null
  positionId: number | null
  positionName: string | null
  managerId: number | null
  managerName: string | null
  hireDate: string
  leaveDate: string | null
  status: EmployeeStatus
  phone: string | null
  email: string | null
}

/** Which employees a reader may see: everyone, a reporting tree rooted at one employee, one employee, or none. */
export type EmployeeScope =
  | { kind: 'all' }
  | { kind: 'tree'; rootEmployeeId: number }
  | { kind: 'self'; employeeId: number }
  | { kind: 'none' }

export async function insertCompany(db: Db, name: string): Promise<number> {
  const row = await db.insertInto('companies').values({ name }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function findCompanyName(db: Db, companyId: number): Promise<string | undefined> {
  const row = await db.selectFrom('companies').select('name').where('id', '=', companyId).executeTakeFirst()
  return row?.name
}

/** Locks the company row for the rest of the transaction, serialising organisation writes of one tenant. */
export async function lockCompany(db: Db, companyId: number): Promise<void> {
  await sql`select id from companies where id = ${companyId} for update`.execute(db)
}

type HierarchyTable = 'departments' | 'positions' | 'employees'
const parentColumn = {
  departments: 'parent_id',
  positions: 'superior_position_id',
  employees: 'manager_id',
} as const

/**
 * Whether targetId is startId or one of its ancestors (walking parent / superior / manager links upwards).
 * Used to refuse a link that would close a cycle; `union` keeps the walk finite even over bad data.
 */
export async function isSelfOrAncestor(
  db: Db,
  table: HierarchyTable,
  companyId: number,
  startId: number,
  targetId: number,
): Promise<boolean> {
  const t = sql.table(table)
  const parent = sql.ref(parentColumn[table])
  const parentOfRow = sql.ref(`r.${parentColumn[table]}`)
  const result = await sql<{ found: number }>`
    with recursive chain(id, parent) as (
      select id, ${parent} from ${t} where company_id = ${companyId} and id = ${startId}
      union
      select r.id, ${parentOfRow} from ${t} as r join chain on r.id = chain.parent where r.company_id = ${companyId}
    )
    select 1 as found from chain where id = ${targetId} limit 1`.execute(db)
  return result.rows.length > 0
}

/**
 * Ids of an employee and everyone whose manager chain leads to them (the 下属 tree), as a subquery. The tree is
 * walked a level at a time: one lookup through the (company_id, manager_id) index for the whole level
 * (manager_id = any(the level's ids)); the ids seen so far ride along, so a loop in a manager chain ends and
 * nobody is listed twice. (The team queue, migration 0017, walks it the same way.)
 */
export function reportingTreeIds(companyId: number, rootEmployeeId: number): RawBuilder<{ id: number }> {
  return sql<{ id: number }>`(
    with recursive level(ids, seen) as (
      select root.ids, root.ids from (
        select array(select e.id from employees e where e.company_id = ${companyId} and e.id = ${rootEmployeeId}) as ids
      ) root
      union all
      select next.ids, level.seen || next.ids from level cross join lateral (
        select array(select e.id from employees e where e.company_id = ${companyId}
          and e.manager_id = any(level.ids) and e.id <> all(level.seen)) as ids
      ) next
      where cardinality(level.ids) > 0
    )
    select unnest(level.ids) as id from level)`
}

function scopeCondition(companyId: number, scope: EmployeeScope): RawBuilder<SqlBool> | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined
    case 'tree':
      return sql<SqlBool>`e.id in ${reportingTreeIds(companyId, scope.rootEmployeeId)}`
    case 'self':
      return sql<SqlBool>`e.id = ${scope.employeeId}`
    case 'none':
      return sql<SqlBool>`false`
  }
}

/** Whether an employee falls inside a scope. */
export async function isEmployeeInScope(
  db: Db,
  companyId: number,
  employeeId: number,
  scope: EmployeeScope,
): Promise<boolean> {
  const condition = scopeCondition(companyId, scope)
  let q = db
    .selectFrom('employees as e')
    .select('e.id')
    .where('e.company_id', '=', companyId)
    .where('e.id', '=', employeeId)
  if (condition) q = q.where(condition)
  return (await q.executeTakeFirst()) !== undefined
}

/** A retired_at column as an ISO timestamp (the same text on PGlite and PostgreSQL), null when in use. */
function retiredAtText(column: string) {
  return sql<string | null>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
}

/** A department or position chain link: its id, name and whether it is retired. */
export type ChainLink = { id: number; name: string; parentId: number | null }

/**
 * The chain above a row, starting with the row itself and walking parent / superior / manager links upwards,
 * in order, at most `limit` links (a loop in bad data ends there). Used to name a loop in an error message.
 */
export async function listAncestorChain(
  db: Db,
  table: HierarchyTable,
  companyId: number,
  startId: number,
  limit = 200,
): Promise<ChainLink[]> {
  const t = sql.table(table)
  const parent = sql.ref(parentColumn[table])
  const parentOfRow = sql.ref(`r.${parentColumn[table]}`)
  const result = await sql<{ id: number; name: string; parent: number | null }>`
    with recursive chain(id, name, parent, depth) as (
      select id, name, ${parent}, 0 from ${t} where company_id = ${companyId} and id = ${startId}
      union all
      select r.id, r.name, ${parentOfRow}, chain.depth + 1 from ${t} as r join chain on r.id = chain.parent
      where r.company_id = ${companyId} and chain.depth < ${limit}
    )
    select id, name, parent from chain order by depth`.execute(db)
  return result.rows.map((r) => ({ id: r.id, name: r.name, parentId: r.parent }))
}

// Departments ------------------------------------------------------------------------------------

const departmentColumns = [
  'id',
  'name',
  'parent_id as parentId',
  retiredAtText('retired_at').as('retiredAt'),
] as const

function departmentQuery(db: Db, companyId: number) {
  return db.selectFrom('departments').select(departmentColumns).where('company_id', '=', companyId)
}

export async function listDepartments(db: Db, companyId: number): Promise<DepartmentRecord[]> {
  return departmentQuery(db, companyId).orderBy('id').execute()
}

export async function findDepartment(
  db: Db,
  companyId: number,
  id: number,
): Promise<DepartmentRecord | undefined> {
  return departmentQuery(db, companyId).where('id', '=', id).executeTakeFirst()
}

export async function findDepartmentByName(
  db: Db,
  companyId: number,
  name: string,
): Promise<DepartmentRecord | undefined> {
  return departmentQuery(db, companyId).where('name', '=', name).executeTakeFirst()
}

export async function insertDepartment(
  db: Db,
  companyId: number,
  values: { name: string; parentId: number | null },
): Promise<DepartmentRecord> {
  return db
    .insertInto('departments')
    .values({ company_id: companyId, name: values.name, parent_id: values.parentId })
    .returning(departmentColumns)
    .executeTakeFirstOrThrow()
}

export async function updateDepartment(
  db: Db,
  companyId: number,
  id: number,
  values: { name: string; parentId: number | null },
): Promise<DepartmentRecord> {
  return db
    .updateTable('departments')
    .set({ name: values.name, parent_id: values.parentId })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .returning(departmentColumns)
    .executeTakeFirstOrThrow()
}

export async function deleteDepartment(db: Db, companyId: number, id: number): Promise<void> {
  await db.deleteFrom('departments').where('company_id', '=', companyId).where('id', '=', id).execute()
}

/** Marks a department or position retired at `at` (已撤销), or in use again with null. */
export async function setRetired(
  db: Db,
  table: 'departments' | 'positions',
  companyId: number,
  id: number,
  at: Date | null,
): Promise<void> {
  await db
    .updateTable(table)
    .set({ retired_at: at })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute()
}

/** What still holds a department open: employees who have not left, and sub-departments not retired. */
export async function countActiveDepartmentMembers(
  db: Db,
  companyId: number,
  id: number,
): Promise<{ employees: number; children: number }> {
  const row = await sql<{ employees: number; children: number }>`
    select
      (select count(*)::int from employees
        where company_id = ${companyId} and department_id = ${id} and status <> 'left') as employees,
      (select count(*)::int from departments
        where company_id = ${companyId} and parent_id = ${id} and retired_at is null) as children`.execute(db)
  return row.rows[0] ?? { employees: 0, children: 0 }
}

/** Employees who have not left and still hold a position. */
export async function countActivePositionHolders(db: Db, companyId: number, id: number): Promise<number> {
  const row = await sql<{ n: number }>`
    select count(*)::int as n from employees
    where company_id = ${companyId} and position_id = ${id} and status <> 'left'`.execute(db)
  return row.rows[0]?.n ?? 0
}

/** How many appraisal sheets name a department, position or employee: history a delete would erase. */
export async function countSheetsReferencing(
  db: Db,
  companyId: number,
  column: 'department_id' | 'position_id' | 'employee_id',
  id: number,
): Promise<number> {
  const row = await sql<{ n: number }>`
    select count(*)::int as n from appraisal_sheets
    where company_id = ${companyId} and ${sql.ref(column)} = ${id}`.execute(db)
  return row.rows[0]?.n ?? 0
}

/** How many sub-departments, positions and employees still point at a department. */
export async function countDepartmentDependents(
  db: Db,
  companyId: number,
  id: number,
): Promise<{ children: number; positions: number; employees: number }> {
  const row = await sql<{ children: number; positions: number; employees: number }>`
    select
      (select count(*)::int from departments where company_id = ${companyId} and parent_id = ${id}) as children,
      (select count(*)::int from positions where company_id = ${companyId} and department_id = ${id}) as positions,
      (select count(*)::int from employees where company_id = ${companyId} and department_id = ${id}) as employees`.execute(
    db,
  )
  return row.rows[0] ?? { children: 0, positions: 0, employees: 0 }
}

// Positions --------------------------------------------------------------------------------------

function positionQuery(db: Db, companyId: number) {
  return db
    .selectFrom('positions as p')
    .leftJoin('departments as d', 'd.id', 'p.department_id')
    .leftJoin('positions as s', 's.id', 'p.superior_position_id')
    .select([
      'p.id as id',
      'p.name as name',
      'p.department_id as departmentId',
      'd.name as departmentName',
      'p.superior_position_id as superiorPositionId',
      's.name as superiorPositionName',
      'p.job_description as jobDescription',
      retiredAtText('p.retired_at').as('retiredAt'),
    ])
    .where('p.company_id', '=', companyId)
}

export async function listPositions(db: Db, companyId: number): Promise<PositionRecord[]> {
  return positionQuery(db, companyId).orderBy('p.id').execute()
}

export async function findPosition(
  db: Db,
  companyId: number,
  id: number,
): Promise<PositionRecord | undefined> {
  return positionQuery(db, companyId).where('p.id', '=', id).executeTakeFirst()
}

export async function findPositionByName(
  db: Db,
  companyId: number,
  name: string,
): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('positions')
    .select('id')
    .where('company_id', '=', companyId)
    .where('name', '=', name)
    .executeTakeFirst()
}

type PositionValues = {
  name: string
  departmentId: number | null
  superiorPositionId: number | null
  jobDescription: JobDescription
}

export async function insertPosition(db: Db, companyId: number, values: PositionValues): Promise<number> {
  const row = await db
    .insertInto('positions')
    .values({
      company_id: companyId,
      name: values.name,
      department_id: values.departmentId,
      superior_position_id: values.superiorPositionId,
      job_description: JSON.stringify(values.jobDescription),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updatePosition(
  db: Db,
  companyId: number,
  id: number,
  values: PositionValues,
): Promise<void> {
  await db
    .updateTable('positions')
    .set({
      name: values.name,
      department_id: values.departmentId,
      superior_position_id: values.superiorPositionId,
      job_description: JSON.stringify(values.jobDescription),
    })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute()
}

export async function deletePosition(db: Db, companyId: number, id: number): Promise<void> {
  await db.deleteFrom('positions').where('company_id', '=', companyId).where('id', '=', id).execute()
}

/** How many subordinate positions and employees still point at a position. */
export async function countPositionDependents(
  db: Db,
  companyId: number,
  id: number,
): Promise<{ subordinates: number; employees: number }> {
  const row = await sql<{ subordinates: number; employees: number }>`
    select
      (select count(*)::int from positions where company_id = ${companyId} and superior_position_id = ${id}) as subordinates,
      (select count(*)::int from employees where company_id = ${companyId} and position_id = ${id}) as employees`.execute(
    db,
  )
  return row.rows[0] ?? { subordinates: 0, employees: 0 }
}

// Employees --------------------------------------------------------------------------------------

function employeeQuery(db: Db, companyId: number) {
  return db
    .selectFrom('employees as e')
    .leftJoin('departments as d', 'd.id', 'e.department_id')
    .leftJoin('positions as p', 'p.id', 'e.position_id')
    .leftJoin('employees as m', 'm.id', 'e.manager_id')
    .where('e.company_id', '=', companyId)
}

const employeeColumns = [
  'e.id as id',
  'e.employee_no as employeeNo',
  'e.name as name',
  'e.department_id as departmentId',
  'd.name as departmentName',
  'e.position_id as positionId',
  'p.name as positionName',
  'e.manager_id as managerId',
  'm.name as managerName',
  'e.hire_date as hireDate',
  'e.leave_date as leaveDate',
  'e.status as status',
  'e.phone as phone',
  'e.email as email',
] as const

export type EmployeeFilter = {
  q?: string
  departmentId?: number
  positionId?: number
  status?: EmployeeStatus
  page: number
  pageSize: number
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (ch) => `\\${ch}`)
}

/** One page of employees inside a scope, filtered and ordered by employee number, with the total count. */
export async function listEmployees(
  db: Db,
  companyId: number,
  filter: EmployeeFilter,
  scope: EmployeeScope,
): Promise<{ items: EmployeeRecord[]; total: number }> {
  let q = employeeQuery(db, companyId)
  const condition = scopeCondition(companyId, scope)
  if (condition) q = q.where(condition)
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`
    q = q.where((eb) => eb.or([eb('e.name', 'ilike', pattern), eb('e.employee_no', 'ilike', pattern)]))
  }
  if (filter.departmentId !== undefined) q = q.where('e.department_id', '=', filter.departmentId)
  if (filter.positionId !== undefined) q = q.where('e.position_id', '=', filter.positionId)
  if (filter.status !== undefined) q = q.where('e.status', '=', filter.status)
  const [items, count] = await Promise.all([
    q
      .select(employeeColumns)
      .orderBy('e.employee_no')
      .orderBy('e.id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: count.n }
}

export async function findEmployee(
  db: Db,
  companyId: number,
  id: number,
  scope: EmployeeScope = { kind: 'all' },
): Promise<EmployeeRecord | undefined> {
  let q = employeeQuery(db, companyId).select(employeeColumns).where('e.id', '=', id)
  const condition = scopeCondition(companyId, scope)
  if (condition) q = q.where(condition)
  return q.executeTakeFirst()
}

export async function findEmployeeIdByNo(
  db: Db,
  companyId: number,
  employeeNo: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('employees')
    .select('id')
    .where('company_id', '=', companyId)
    .where('employee_no', '=', employeeNo)
    .executeTakeFirst()
  return row?.id
}

export type EmployeeValues = {
  employeeNo: string
  name: string
  departmentId: number | null
  positionId: number | null
  managerId: number | null
  hireDate: string
  leaveDate: string | null
  status: EmployeeStatus
  /** Left out (undefined), the stored phone / e-mail is kept. */
  phone?: string | null
  email?: string | null
}

function employeeRow(values: EmployeeValues) {
  return {
    employee_no: values.employeeNo,
    name: values.name,
    department_id: values.departmentId,
    position_id: values.positionId,
    manager_id: values.managerId,
    hire_date: values.hireDate,
    leave_date: values.leaveDate,
    status: values.status,
    ...(values.phone === undefined ? {} : { phone: values.phone }),
    ...(values.email === undefined ? {} : { email: values.email }),
  }
}

export async function insertEmployee(db: Db, companyId: number, values: EmployeeValues): Promise<number> {
  const row = await db
    .insertInto('employees')
    .values({ company_id: companyId, ...employeeRow(values) })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateEmployee(
  db: Db,
  companyId: number,
  id: number,
  values: EmployeeValues,
): Promise<void> {
  await db
    .updateTable('employees')
    .set(employeeRow(values))
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute()
}

export async function deleteEmployee(db: Db, companyId: number, id: number): Promise<void> {
  await db.deleteFrom('employees').where('company_id', '=', companyId).where('id', '=', id).execute()
}

/** How many employees report directly to one, and how many login accounts are linked to it. */
export async function countEmployeeDependents(
  db: Db,
  companyId: number,
  id: number,
): Promise<{ reports: number; users: number }> {
  const row = await sql<{ reports: number; users: number }>`
    select
      (select count(*)::int from employees where company_id = ${companyId} and manager_id = ${id}) as reports,
      (select count(*)::int from users where company_id = ${companyId} and employee_id = ${id}) as users`.execute(
    db,
  )
  return row.rows[0] ?? { reports: 0, users: 0 }
}
