import Decimal from 'decimal.js'
import type { AdjustmentInput, PaySheet } from '../../contracts/pay.ts'
import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { insertPayItem } from '../../db/pay-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { checkParticipant, isPaySheetApproved } from './check-participant.ts'
import { readPaySheet, visiblePaySheet } from './get-pay-sheet.ts'
import { lockCyclePay } from './load-cycle.ts'

/** A correction after approval (更正): a new adjustment line with its reason; approved lines never change. */
export async function addPayAdjustment(
  deps: WorkflowDeps,
  actor: Actor,
  cycleId: number,
  input: AdjustmentInput,
): Promise<PaySheet> {
  await deps.db.transaction().execute(async (trx) => {
    // Parallel corrections of one cycle queue on its pay sheet instead of deadlocking (issue 12).
    await lockCyclePay(trx, actor.companyId, cycleId)
    await checkParticipant(trx, actor.companyId, cycleId, input.employeeId)
    if (!(await isPaySheetApproved(trx, actor.companyId, cycleId)))
      throw new DomainError(
        'invalid_state',
        '工资表尚未审批：请直接修改奖惩或输入项 / the pay sheet is a draft: change its rewards/penalties or inputs',
      )
    const amount = new Decimal(String(input.amount)).toFixed(2)
    const id = await insertPayItem(trx, actor.companyId, {
      cycleId,
      employeeId: input.employeeId,
      kind: 'adjustment',
      label: input.label,
      amount,
      note: input.reason,
      userId: actor.userId,
    })
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'pay_sheet.adjust',
        entity: 'pay_item',
        entityId: id,
        after: { cycleId, employeeId: input.employeeId, label: input.label, amount },
        reason: input.reason,
      },
      deps.now(),
    )
  })
  return visiblePaySheet(await readPaySheet(deps.db, actor.companyId, cycleId), actor.role)
}
