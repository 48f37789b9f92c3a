import { DomainError } from '../../core/errors.ts'
import type { Db } from '../../db/database.ts'
import type { AttributionItem } from './list-attributions.ts'
import { listAttributions } from './list-attributions.ts'

// Removes one attribution; the name's facts count for nobody again until it is mapped anew.
export async function deleteAttribution(
  deps: { db: Db },
  input: { companyId: number; id: number },
): Promise<AttributionItem> {
  const before = (await listAttributions(deps, input)).find((a) => a.id === input.id)
  if (!before) throw new DomainError('not_found', `attribution #${input.id} not found`)
  await deps.db
    .deleteFrom('attributions')
    .where('company_id', '=', input.companyId)
    .where('id', '=', input.id)
    .execute()
  return before
}
