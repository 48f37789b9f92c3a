import type { Db } from '../../db/database.ts'
import { type ImportMappingItem, listImportMappingRows } from '../../db/import-log-repository.ts'

// The company's saved column mappings (fact column → header text), for the import wizard's mapping choice.
export type { ImportMappingItem }

export async function listImportMappings(
  deps: { db: Db },
  input: { companyId: number },
): Promise<ImportMappingItem[]> {
  return listImportMappingRows(deps.db, input.companyId)
}
