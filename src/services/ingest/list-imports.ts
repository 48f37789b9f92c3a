import type { Selectable } from 'kysely'
import type { Db } from '../../db/database.ts'
import type { ImportTable } from '../../db/fact-tables.ts'

// The import log of a company, newest first: who imported which file, when, for which period, and how it ended.
export type ImportRecord = Selectable<ImportTable>

export async function listImports(
  deps: { db: Db },
  input: { companyId: number; limit?: number },
): Promise<ImportRecord[]> {
  return deps.db
    .selectFrom('imports')
    .selectAll()
    .where('company_id', '=', input.companyId)
    .orderBy('id', 'desc')
    .limit(input.limit ?? 100)
    .execute()
}
