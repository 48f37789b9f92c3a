import Decimal from 'decimal.js'
import type { PayItem, PayItemInput } from '../../contracts/pay.ts'
import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { insertPayItem, listPayItems } from '../../db/pay-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { checkParticipant, isPaySheetApproved } from './check-participant.ts'
import { loadCycle, lockCyclePay } from './load-cycle.ts'

/** Adds a reward (+) or penalty (−) (奖惩) with its reason; refused once the pay sheet is approved. */
export async function addPayItem(
  deps: WorkflowDeps,
  actor: Actor,
  cycleId: number,
  input: PayItemInput,
): Promise<PayItem> {
  return deps.db.transaction().execute(async (trx) => {
    await loadCycle(trx, actor.companyId, cycleId)
    await lockCyclePay(trx, actor.companyId, cycleId)
    await checkParticipant(trx, actor.companyId, cycleId, input.employeeId)
    if (await isPaySheetApproved(trx, actor.companyId, cycleId))
      throw new DomainError(
        'locked',
        '工资表已审批，奖惩不能再改；请由财务添加调整行 / the pay sheet is approved: add an adjustment line instead',
      )
    const amount = new Decimal(String(input.amount)).toFixed(2)
    const id = await insertPayItem(trx, actor.companyId, {
      cycleId,
      employeeId: input.employeeId,
      kind: 'reward_penalty',
      label: input.label,
      amount,
      note: input.note ?? null,
      userId: actor.userId,
    })
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'pay_item.create',
        entity: 'pay_item',
        entityId: id,
        after: { cycleId, employeeId: input.employeeId, label: input.label, amount },
        reason: input.note ?? null,
      },
      deps.now(),
    )
    const [item] = await listPayItems(trx, actor.companyId, cycleId, { id })
    return item!
  })
}
