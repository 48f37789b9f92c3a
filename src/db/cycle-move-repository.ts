import { sql } from 'kysely'
import type { Db } from './database.ts'

/**
 * A sheet whose employee moved since the cycle opened: the sheet keeps the department and reviewer it was opened
 * with (appraisal_sheets.department_id / reviewer_employee_id), the employee row says where they are now.
 */
export type CycleMove = {
  sheetId: number
  employeeId: number
  employeeName: string
  fromDepartmentName: string | null
  toDepartmentName: string | null
  departmentMoved: boolean
  /** The sheet's reviewer (the manager when the cycle opened, or whoever the review was delegated to). */
  fromManagerName: string | null
  toManagerName: string | null
  managerMoved: boolean
}

/** The cycle's sheets whose employee now sits in another department or under another manager (调动). */
export async function listCycleMoves(db: Db, companyId: number, cycleId: number): Promise<CycleMove[]> {
  const result = await sql<{
    sheet_id: number
    employee_id: number
    employee_name: string
    from_department: string | null
    to_department: string | null
    department_moved: boolean
    from_manager: string | null
    to_manager: string | null
    manager_moved: boolean
  }>`
    select s.id as sheet_id, e.id as employee_id, e.name as employee_name,
      fd.name as from_department, td.name as to_department,
      (s.department_id is distinct from e.department_id) as department_moved,
      r.name as from_manager, m.name as to_manager,
      (s.reviewer_employee_id is distinct from e.manager_id) as manager_moved
    from appraisal_sheets s
    join employees e on e.id = s.employee_id and e.company_id = s.company_id
    left join departments fd on fd.id = s.department_id
    left join departments td on td.id = e.department_id
    left join employees r on r.id = s.reviewer_employee_id
    left join employees m on m.id = e.manager_id
    where s.company_id = ${companyId} and s.cycle_id = ${cycleId}
      and (s.department_id is distinct from e.department_id or s.reviewer_employee_id is distinct from e.manager_id)
    order by e.employee_no, s.id`.execute(db)
  return result.rows.map((r) => ({
    sheetId: r.sheet_id,
    employeeId: r.employee_id,
    employeeName: r.employee_name,
    fromDepartmentName: r.from_department,
    toDepartmentName: r.to_department,
    departmentMoved: r.department_moved,
    fromManagerName: r.from_manager,
    toManagerName: r.to_manager,
    managerMoved: r.manager_moved,
  }))
}
