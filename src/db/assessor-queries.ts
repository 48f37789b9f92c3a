import { sql } from 'kysely'
import type { Db } from './database.ts'

// Who the named assessors of a template's rows are (指标考核人): a department's head, a position's holder,
// a person by employee number; and the cycle's sheets with their template versions, to hand the rows out.

/**
 * Each named department's head: its active member whose manager is outside the department (or who has none),
 * the earliest hired first. Departments not found are absent from the answer.
 */
export async function findDepartmentHeads(
  db: Db,
  companyId: number,
  names: readonly string[],
): Promise<Map<string, number>> {
  const heads = new Map<string, number>()
  if (names.length === 0) return heads
  const rows = await db
    .selectFrom('departments as d')
    .innerJoin('employees as e', 'e.department_id', 'd.id')
    .leftJoin('employees as m', 'm.id', 'e.manager_id')
    .select(['d.name', 'e.id'])
    .where('d.company_id', '=', companyId)
    .where('d.name', 'in', [...names])
    .where('d.retired_at', 'is', null)
    .where('e.status', '!=', 'left')
    .where((eb) =>
      eb.or([eb('e.manager_id', 'is', null), eb('m.department_id', 'is distinct from', eb.ref('d.id'))]),
    )
    .orderBy('e.hire_date')
    .orderBy('e.id')
    .execute()
  for (const r of rows) if (!heads.has(r.name)) heads.set(r.name, r.id)
  return heads
}

/** Each named position's first active holder (earliest hired). */
export async function findPositionHolders(
  db: Db,
  companyId: number,
  names: readonly string[],
): Promise<Map<string, number>> {
  const holders = new Map<string, number>()
  if (names.length === 0) return holders
  const rows = await db
    .selectFrom('positions as p')
    .innerJoin('employees as e', 'e.position_id', 'p.id')
    .select(['p.name', 'e.id'])
    .where('p.company_id', '=', companyId)
    .where('p.name', 'in', [...names])
    .where('e.status', '!=', 'left')
    .orderBy('e.hire_date')
    .orderBy('e.id')
    .execute()
  for (const r of rows) if (!holders.has(r.name)) holders.set(r.name, r.id)
  return holders
}

/** Active employees by employee number (工号). */
export async function findEmployeesByNumber(
  db: Db,
  companyId: number,
  numbers: readonly string[],
): Promise<Map<string, number>> {
  if (numbers.length === 0) return new Map()
  const rows = await db
    .selectFrom('employees')
    .select(['employee_no', 'id'])
    .where('company_id', '=', companyId)
    .where('employee_no', 'in', [...numbers])
    .where('status', '!=', 'left')
    .execute()
  return new Map(rows.map((r) => [r.employee_no, r.id]))
}

/** The cycle's sheets (id, employee, template version) and the definitions of their template versions. */
export async function listCycleSheetsWithTemplates(db: Db, cycleId: number) {
  const sheets = await db
    .selectFrom('appraisal_sheets')
    .select(['id', 'employee_id', 'template_version_id'])
    .where('cycle_id', '=', cycleId)
    .orderBy('id')
    .execute()
  const versionIds = [...new Set(sheets.map((s) => s.template_version_id))]
  const versions =
    versionIds.length === 0
      ? []
      : await db
          .selectFrom('template_versions')
          .select(['id', 'definition'])
          .where(sql<boolean>`id = any(${versionIds}::int[])`)
          .execute()
  return { sheets, definitions: new Map(versions.map((v) => [v.id, v.definition as unknown])) }
}
