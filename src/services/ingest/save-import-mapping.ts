import { DomainError } from '../../core/errors.ts'
import { findFactKind } from '../../core/ingest/fact-kinds.ts'
import type { Db } from '../../db/database.ts'

// Saves (or replaces) a company's named column mapping for a fact kind, for the next import of the same export.
export type SaveImportMappingInput = {
  companyId: number
  name: string
  kind: string
  /** Fact column → header text in the file. */
  mapping: Record<string, string>
  headerRow?: number | null
}

export async function saveImportMapping(
  deps: { db: Db },
  input: SaveImportMappingInput,
): Promise<{ id: number }> {
  const kind = findFactKind(input.kind)
  if (!kind)
    throw new DomainError('invalid_input', `unknown fact kind "${input.kind}"`, [
      { path: 'kind', message: input.kind },
    ])
  const known = new Set(kind.columns.filter((c) => !c.derived).map((c) => c.name))
  const issues = Object.keys(input.mapping)
    .filter((target) => !known.has(target))
    .map((target) => ({ path: `mapping.${target}`, message: `${kind.name} has no column ${target}` }))
  for (const col of kind.columns)
    if (col.required && !col.derived && !input.mapping[col.name])
      issues.push({
        path: `mapping.${col.name}`,
        message: `required column ${col.label.zh} (${col.name}) is not mapped`,
      })
  if (issues.length > 0)
    throw new DomainError('invalid_input', `mapping "${input.name}" is incomplete`, issues)
  const row = await deps.db
    .insertInto('import_mappings')
    .values({
      company_id: input.companyId,
      name: input.name,
      kind: kind.name,
      mapping: JSON.stringify(input.mapping),
      header_row: input.headerRow ?? null,
    })
    .onConflict((oc) =>
      oc
        .columns(['company_id', 'name'])
        .doUpdateSet({ kind: kind.name, mapping: JSON.stringify(input.mapping) }),
    )
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: row.id }
}
