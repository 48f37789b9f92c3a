import type { Db } from './database.ts'

// Who left the company within a period, with their hire date and department, for the turnover indicator read
// from the organisation (core/organisation/count-leavers-by-tenure.ts, 002 T9 员工流失).

export type LeaverRow = {
  employeeId: number
  name: string
  departmentId: number | null
  hireDate: string
  leaveDate: string
}

/** The company's employees whose leave date falls within [start, end] (YYYY-MM-DD), by leave date. */
export async function listLeaversInPeriod(
  db: Db,
  companyId: number,
  start: string,
  end: string,
): Promise<LeaverRow[]> {
  const rows = await db
    .selectFrom('employees')
    .select(['id', 'name', 'department_id', 'hire_date', 'leave_date'])
    .where('company_id', '=', companyId)
    .where('leave_date', '>=', start)
    .where('leave_date', '<=', end)
    .orderBy('leave_date')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    employeeId: r.id,
    name: r.name,
    departmentId: r.department_id,
    hireDate: day(r.hire_date),
    leaveDate: day(r.leave_date),
  }))
}

/** The company's departments with their parents, to count a department's leavers with those under it. */
export async function listDepartmentParents(
  db: Db,
  companyId: number,
): Promise<{ id: number; parentId: number | null }[]> {
  const rows = await db
    .selectFrom('departments')
    .select(['id', 'parent_id'])
    .where('company_id', '=', companyId)
    .execute()
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id }))
}

/** A date column as YYYY-MM-DD on both engines (a Date on one, text on the other). */
function day(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return String(value).slice(0, 10)
}
