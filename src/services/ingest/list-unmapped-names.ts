import { listUnmappedNameRows, type UnmappedName } from '../../db/attribution-repository.ts'
import type { Db } from '../../db/database.ts'

// Names in the live imported rows that no attribution credits yet: customer-service nicks, live hosts and media
// accounts (→ employee), employee numbers that match no employee, and shops (→ team). Their facts count for the
// shop and the company but for no employee or team until they are mapped.
export type { UnmappedName }

export async function listUnmappedNames(
  deps: { db: Db },
  input: { companyId: number },
): Promise<UnmappedName[]> {
  return listUnmappedNameRows(deps.db, input.companyId)
}
