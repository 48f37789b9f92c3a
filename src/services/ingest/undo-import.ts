import { DomainError } from '../../core/errors.ts'
import type { Db } from '../../db/database.ts'
import { undoImportRows } from '../../db/import-repository.ts'

// Reverses a completed import: its rows go, the rows it replaced come back, the import is marked undone.
export type UndoImportResult = { importId: number; removedRows: number }

export async function undoImport(
  deps: { db: Db },
  input: { companyId: number; importId: number },
): Promise<UndoImportResult> {
  const found = await deps.db
    .selectFrom('imports')
    .select(['id', 'status'])
    .where('company_id', '=', input.companyId)
    .where('id', '=', input.importId)
    .executeTakeFirst()
  if (!found) throw new DomainError('not_found', `import #${input.importId} not found`)
  if (found.status !== 'completed')
    throw new DomainError(
      'invalid_state',
      `import #${input.importId} is ${found.status}; only a completed import can be undone`,
    )
  try {
    const removedRows = await undoImportRows(deps.db, input.companyId, input.importId)
    return { importId: input.importId, removedRows }
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw new DomainError(
        'conflict',
        `import #${input.importId} cannot be undone: a later import holds rows with the same keys as the rows it replaced; undo the later import first`,
      )
    throw error
  }
}
