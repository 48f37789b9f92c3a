import type { Db } from '../../db/database.ts'
import type { AttributionSourceKind } from '../../db/fact-tables.ts'

// The company's attribution table: which employee, team or shop each name in the exports is credited to.
export type AttributionItem = {
  id: number
  sourceKind: AttributionSourceKind
  sourceName: string
  employeeId: number | null
  employeeName: string | null
  departmentId: number | null
  departmentName: string | null
  shop: string | null
}

export async function listAttributions(
  deps: { db: Db },
  input: { companyId: number },
): Promise<AttributionItem[]> {
  const rows = await deps.db
    .selectFrom('attributions as a')
    .leftJoin('employees as e', 'e.id', 'a.employee_id')
    .leftJoin('departments as d', 'd.id', 'a.department_id')
    .select([
      'a.id',
      'a.source_kind',
      'a.source_name',
      'a.employee_id',
      'e.name as employee_name',
      'a.department_id',
      'd.name as department_name',
      'a.shop',
    ])
    .where('a.company_id', '=', input.companyId)
    .orderBy('a.source_kind')
    .orderBy('a.source_name')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    sourceKind: r.source_kind,
    sourceName: r.source_name,
    employeeId: r.employee_id,
    employeeName: r.employee_name,
    departmentId: r.department_id,
    departmentName: r.department_name,
    shop: r.shop,
  }))
}
