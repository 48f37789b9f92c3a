import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import {
  countActivePositionHolders,
  findPosition,
  lockCompany,
  type PositionRecord,
  setRetired,
} from '../../db/organisation-repository.ts'
import type { OrganisationDeps } from './organisation-deps.ts'

/**
 * Retires a position (撤销): kept with its job description for history, hidden from pickers, nobody new is
 * placed in it. One still held by employees who have not left is refused with the count.
 */
export async function retirePosition(deps: OrganisationDeps, id: number): Promise<PositionRecord> {
  const { actor } = deps
  return deps.db.transaction().execute(async (trx) => {
    await lockCompany(trx, actor.companyId)
    const before = await findPosition(trx, actor.companyId, id)
    if (!before) throw new DomainError('not_found', `岗位 ${id} 不存在`)
    if (before.retiredAt !== null) return before
    const holders = await countActivePositionHolders(trx, actor.companyId, id)
    if (holders > 0)
      throw new DomainError(
        'conflict',
        `岗位“${before.name}”仍有 ${holders} 名在职员工，请先调整岗位后再撤销`,
        [],
        { employees: holders },
      )
    await setRetired(trx, 'positions', actor.companyId, id, deps.now())
    const after = (await findPosition(trx, actor.companyId, id))!
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'position.retire',
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
