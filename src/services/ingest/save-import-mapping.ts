import { DomainError } from '../../core/errors.ts'
import { findFactKind } from '../../core/ingest/fact-kinds.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'
import { upsertImportMapping } from '../../db/import-log-repository.ts'

// Saves (or replaces) a company's named column mapping for a fact kind, for the next import of the same export.
export type SaveImportMappingInput = {
  companyId: number
  name: string
  kind: string
  /** Fact column → header text in the file. */
  mapping: Record<string, string>
  headerRow?: number | null
  /** Who saves it, for the audit row; left out, nothing is audited. */
  actorUserId?: number | null
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
  return deps.db.transaction().execute(async (trx) => {
    const id = await upsertImportMapping(trx, {
      companyId: input.companyId,
      name: input.name,
      kind: kind.name,
      mapping: input.mapping,
      headerRow: input.headerRow ?? null,
    })
    if (input.actorUserId !== undefined) {
      const { companyId: _, actorUserId: __, ...saved } = input
      await appendAudit(trx, {
        companyId: input.companyId,
        actorUserId: input.actorUserId,
        action: 'import_mapping.saved',
        entity: 'import_mapping',
        entityId: id,
        after: saved,
      })
    }
    return { id }
  })
}
