import type { Db } from '../../db/database.ts'
import { type ImportRecord, listImportRecords } from '../../db/import-log-repository.ts'

// The import log of a company, newest first: who imported which file, when, for which period, and how it ended.
export type { ImportRecord }

export async function listImports(
  deps: { db: Db },
  input: { companyId: number; limit?: number },
): Promise<ImportRecord[]> {
  return listImportRecords(deps.db, input.companyId, input.limit ?? 100)
}
