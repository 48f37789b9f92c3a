import type { Db } from '../../db/database.ts'

// The company's saved column mappings (fact column → header text), for the import wizard's mapping choice.
export type ImportMappingItem = {
  id: number
  name: string
  kind: string
  mapping: Record<string, string>
  headerRow: number | null
}

export async function listImportMappings(
  deps: { db: Db },
  input: { companyId: number },
): Promise<ImportMappingItem[]> {
  const rows = await deps.db
    .selectFrom('import_mappings')
    .select(['id', 'name', 'kind', 'mapping', 'header_row'])
    .where('company_id', '=', input.companyId)
    .orderBy('name')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    mapping: typeof r.mapping === 'string' ? (JSON.parse(r.mapping) as Record<string, string>) : r.mapping,
    headerRow: r.header_row,
  }))
}
