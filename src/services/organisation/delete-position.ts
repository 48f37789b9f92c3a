import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import {
  countPositionDependents,
  countSheetsReferencing,
  deletePosition as deleteRow,
  findPosition,
  lockCompany,
} from '../../db/organisation-repository.ts'
import type { OrganisationDeps } from './organisation-deps.ts'

/** Deletes a position nobody holds and no position reports to; otherwise refuses with the counts. */
export async function deletePosition(deps: OrganisationDeps, id: number): Promise<void> {
  const { actor } = deps
  await deps.db.transaction().execute(async (trx) => {
    await lockCompany(trx, actor.companyId)
    const before = await findPosition(trx, actor.companyId, id)
    if (!before) throw new DomainError('not_found', `岗位 ${id} 不存在`)
    const d = await countPositionDependents(trx, actor.companyId, id)
    if (d.subordinates + d.employees > 0) {
      throw new DomainError(
        'conflict',
        `岗位“${before.name}”仍有 ${d.subordinates} 个下属岗位、${d.employees} 名在岗员工，请先调整后再删除`,
        [],
        d,
      )
    }
    // Used in an appraisal: deleting would blank that history, so only retiring (or leaving) is offered.
    const sheets = await countSheetsReferencing(trx, actor.companyId, 'position_id', id)
    if (sheets > 0)
      throw new DomainError(
        'conflict',
        `岗位“${before.name}”已用于 ${sheets} 份考核表，不能删除，请改为撤销`,
        [],
        { sheets },
      )
    await deleteRow(trx, actor.companyId, id)
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'position.delete',
        entity: 'position',
        entityId: id,
        before,
      },
      deps.now(),
    )
  })
}
