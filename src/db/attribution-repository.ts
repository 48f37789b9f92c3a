import { sql } from 'kysely'
import { type AttributionKind, factKinds } from '../core/ingest/fact-kinds.ts'
import type { Db } from './database.ts'
import type { AttributionSourceKind } from './fact-tables.ts'

// All SQL for attribution (归属): which employee, team or shop each name in the exports is credited to, and
// the names in live imported rows nobody is credited with yet.

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

/** The company's attributions with the employee's and team's names, by source kind and name. */
export async function listAttributionRows(db: Db, companyId: number): Promise<AttributionItem[]> {
  const rows = await db
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
    .where('a.company_id', '=', companyId)
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

export type AttributionValues = {
  sourceKind: AttributionSourceKind
  sourceName: string
  employeeId: number | null
  departmentId: number | null
  shop: string | null
}

/** Creates the attribution of a name, or replaces the one it has (one per company, source kind and name). */
export async function upsertAttribution(
  db: Db,
  companyId: number,
  input: AttributionValues,
): Promise<number> {
  const values = { employee_id: input.employeeId, department_id: input.departmentId, shop: input.shop }
  const row = await db
    .insertInto('attributions')
    .values({
      company_id: companyId,
      source_kind: input.sourceKind,
      source_name: input.sourceName,
      ...values,
    })
    .onConflict((oc) => oc.columns(['company_id', 'source_kind', 'source_name']).doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function deleteAttributionRow(db: Db, companyId: number, id: number): Promise<void> {
  await db.deleteFrom('attributions').where('company_id', '=', companyId).where('id', '=', id).execute()
}

export type UnmappedName = {
  sourceKind: AttributionKind
  sourceName: string
  /** Live rows that carry the name. */
  rows: number
  /** Fact kinds the name appears in. */
  kinds: string[]
  lastDay: string | null
}

/** Names in live fact rows that no attribution credits (an employee number matching an employee counts as credited). */
export async function listUnmappedNameRows(db: Db, companyId: number): Promise<UnmappedName[]> {
  const parts = []
  for (const kind of Object.values(factKinds)) {
    const table = sql.table(kind.table)
    if (kind.person) {
      const column = sql.ref(`f.${kind.person.column}`)
      const sourceKind = kind.person.kind
      const known =
        sourceKind === 'employee_no'
          ? sql`or exists (select 1 from employees e where e.company_id = f.company_id and e.employee_no = ${column})`
          : sql``
      parts.push(sql`select ${sourceKind}::text as source_kind, ${column}::text as source_name, ${kind.name}::text as kind,
          count(*)::int as n, max(f.day)::text as last_day
        from ${table} f
        where f.company_id = ${companyId} and f.superseded_by is null and coalesce(${column}, '') <> ''
          and not (exists (select 1 from attributions a where a.company_id = f.company_id
                             and a.source_kind = ${sourceKind} and a.source_name = ${column}) ${known})
        group by ${column}`)
    }
    if (kind.columns.some((c) => c.name === 'shop'))
      parts.push(sql`select 'shop'::text as source_kind, f.shop::text as source_name, ${kind.name}::text as kind,
          count(*)::int as n, max(f.day)::text as last_day
        from ${table} f
        where f.company_id = ${companyId} and f.superseded_by is null and coalesce(f.shop, '') <> ''
          and not exists (select 1 from attributions a where a.company_id = f.company_id
                            and a.source_kind = 'shop' and a.source_name = f.shop)
        group by f.shop`)
  }
  const union = sql.join(parts, sql` union all `)
  const result = await sql<{
    source_kind: AttributionKind
    source_name: string
    kinds: string[]
    rows: number
    last_day: string | null
  }>`select source_kind, source_name, array_agg(distinct kind order by kind) as kinds, sum(n)::int as rows,
            max(last_day) as last_day
       from (${union}) u group by source_kind, source_name order by source_kind, source_name`.execute(db)
  return result.rows.map((r) => ({
    sourceKind: r.source_kind,
    sourceName: r.source_name,
    rows: Number(r.rows),
    kinds: r.kinds,
    lastDay: r.last_day,
  }))
}
