import { type AttributionItem, listAttributionRows } from '../../db/attribution-repository.ts'
import type { Db } from '../../db/database.ts'

// The company's attribution table: which employee, team or shop each name in the exports is credited to.
export type { AttributionItem }

export async function listAttributions(
  deps: { db: Db },
  input: { companyId: number },
): Promise<AttributionItem[]> {
  return listAttributionRows(deps.db, input.companyId)
}
