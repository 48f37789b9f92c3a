import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'
import { findImportStatus } from '../../db/import-log-repository.ts'
import { undoImportRows } from '../../db/import-repository.ts'

// Reverses a completed import: its rows go, the rows it replaced come back, the import is marked undone.
export type UndoImportResult = { importId: number; removedRows: number }

export async function undoImport(
  deps: { db: Db },
  input: {
    companyId: number
    importId: number
    /** Who undoes it, for the audit row (the API's user); left out, only the import log records it (the CLI). */
    actorUserId?: number | null
  },
): Promise<UndoImportResult> {
  const status = await findImportStatus(deps.db, input.companyId, input.importId)
  if (!status) throw new DomainError('not_found', `import #${input.importId} not found`)
  if (status !== 'completed')
    throw new DomainError(
      'invalid_state',
      `import #${input.importId} is ${status}; only a completed import can be undone`,
    )
  let removedRows: number
  try {
    removedRows = await undoImportRows(deps.db, input.companyId, input.importId)
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw new DomainError(
        'conflict',
        `import #${input.importId} cannot be undone: a later import holds rows with the same keys as the rows it replaced; undo the later import first`,
      )
    throw error
  }
  // undoImportRows commits its own transaction; the audit row names who undid it (the import log keeps when).
  if (input.actorUserId !== undefined)
    await appendAudit(deps.db, {
      companyId: input.companyId,
      actorUserId: input.actorUserId,
      action: 'import.undone',
      entity: 'import',
      entityId: input.importId,
      before: { status: 'completed' },
      after: { status: 'undone', removedRows },
    })
  return { importId: input.importId, removedRows }
}
