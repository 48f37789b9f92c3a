import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import {
  findPosition,
  lockCompany,
  type PositionRecord,
  setRetired,
} from '../../db/organisation-repository.ts'
import type { OrganisationDeps } from './organisation-deps.ts'

/** Takes a retired position back into use (恢复). */
export async function restorePosition(deps: OrganisationDeps, id: number): Promise<PositionRecord> {
  const { actor } = deps
  return deps.db.transaction().execute(async (trx) => {
    await lockCompany(trx, actor.companyId)
    const before = await findPosition(trx, actor.companyId, id)
    if (!before) throw new DomainError('not_found', `岗位 ${id} 不存在`)
    if (before.retiredAt === null) return before
    await setRetired(trx, 'positions', actor.companyId, id, null)
    const after = (await findPosition(trx, actor.companyId, id))!
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'position.restore',
        entity: 'position',
        entityId: id,
        before,
        after,
      },
      deps.now(),
    )
    return after
  })
}
