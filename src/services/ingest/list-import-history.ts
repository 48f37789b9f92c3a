import type { Db } from '../../db/database.ts'
import { type ImportHistoryItem, listImportHistoryRows } from '../../db/import-log-repository.ts'

// The import history for the web and API: who imported which file when, its hash, rows, period, preset and
// outcome, newest first (the raw log is listImports).
export type { ImportHistoryItem }

export async function listImportHistory(
  deps: { db: Db },
  input: { companyId: number; limit?: number; status?: 'completed' | 'undone' | 'failed' },
): Promise<ImportHistoryItem[]> {
  return listImportHistoryRows(deps.db, { ...input, limit: input.limit ?? 200 })
}
