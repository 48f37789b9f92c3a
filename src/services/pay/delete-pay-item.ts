import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { deletePayItemRow, listPayItems } from '../../db/pay-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { isPaySheetApproved } from './check-participant.ts'
import { lockCyclePay } from './load-cycle.ts'

/** Removes a reward/penalty while the pay sheet is a draft; approved lines are never edited or removed. */
export async function deletePayItem(
  deps: WorkflowDeps,
  actor: Actor,
  cycleId: number,
  itemId: number,
  reason?: string,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await lockCyclePay(trx, actor.companyId, cycleId)
    const [item] = await listPayItems(trx, actor.companyId, cycleId, { id: itemId })
    if (!item) throw new DomainError('not_found', `奖惩 ${itemId} 不存在 / pay item not found`)
    if (item.kind === 'adjustment' || (await isPaySheetApproved(trx, actor.companyId, cycleId)))
      throw new DomainError(
        'locked',
        '工资表已审批，不能删除；请添加反向调整行 / approved: add a reversing adjustment',
      )
    await deletePayItemRow(trx, actor.companyId, itemId)
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'pay_item.delete',
        entity: 'pay_item',
        entityId: itemId,
        before: item,
        reason: reason ?? null,
      },
      deps.now(),
    )
  })
}
