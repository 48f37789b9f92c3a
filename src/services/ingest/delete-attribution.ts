import { DomainError } from '../../core/errors.ts'
import {
  type AttributionItem,
  deleteAttributionRow,
  listAttributionRows,
} from '../../db/attribution-repository.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'

// Removes one attribution (audited with the row it was); the name's facts count for nobody again until it is
// mapped anew.
export async function deleteAttribution(
  deps: { db: Db },
  input: { companyId: number; id: number; actorUserId?: number | null },
): Promise<AttributionItem> {
  return deps.db.transaction().execute(async (trx) => {
    const before = (await listAttributionRows(trx, input.companyId)).find((a) => a.id === input.id)
    if (!before) throw new DomainError('not_found', `attribution #${input.id} not found`)
    await deleteAttributionRow(trx, input.companyId, input.id)
    await appendAudit(trx, {
      companyId: input.companyId,
      actorUserId: input.actorUserId ?? null,
      action: 'attribution.deleted',
      entity: 'attribution',
      entityId: input.id,
      before,
    })
    return before
  })
}
