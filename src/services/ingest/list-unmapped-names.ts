import { sql } from 'kysely'
import { type AttributionKind, factKinds } from '../../core/ingest/fact-kinds.ts'
import type { Db } from '../../db/database.ts'

// Names in the live imported rows that no attribution credits yet: customer-service nicks, live hosts and media
// accounts (→ employee), employee numbers that match no employee, and shops (→ team). Their facts count for the
// shop and the company but for no employee or team until they are mapped.
export type UnmappedName = {
  sourceKind: AttributionKind
  sourceName: string
  /** Live rows that carry the name. */
  rows: number
  /** Fact kinds the name appears in. */
  kinds: string[]
  lastDay: string | null
}

export async function listUnmappedNames(
  deps: { db: Db },
  input: { companyId: number },
): Promise<UnmappedName[]> {
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
        where f.company_id = ${input.companyId} and f.superseded_by is null and coalesce(${column}, '') <> ''
          and not (exists (select 1 from attributions a where a.company_id = f.company_id
                             and a.source_kind = ${sourceKind} and a.source_name = ${column}) ${known})
        group by ${column}`)
    }
    if (kind.columns.some((c) => c.name === 'shop'))
      parts.push(sql`select 'shop'::text as source_kind, f.shop::text as source_name, ${kind.name}::text as kind,
          count(*)::int as n, max(f.day)::text as last_day
        from ${table} f
        where f.company_id = ${input.companyId} and f.superseded_by is null and coalesce(f.shop, '') <> ''
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
       from (${union}) u group by source_kind, source_name order by source_kind, source_name`.execute(deps.db)
  return result.rows.map((r) => ({
    sourceKind: r.source_kind,
    sourceName: r.source_name,
    rows: Number(r.rows),
    kinds: r.kinds,
    lastDay: r.last_day,
  }))
}
