import Decimal from 'decimal.js'
import type { PayInputValues } from '../../contracts/pay.ts'
import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { listPayInputValues, savePayInputValues } from '../../db/pay-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { checkParticipant, isPaySheetApproved } from './check-participant.ts'
import { lockCyclePay } from './load-cycle.ts'

/** Enters pay inputs by hand for one employee and cycle (they win over imported metrics); null removes one. */
export async function setPayInputs(
  deps: WorkflowDeps,
  actor: Actor,
  cycleId: number,
  input: PayInputValues,
): Promise<Record<string, string>> {
  return deps.db.transaction().execute(async (trx) => {
    await lockCyclePay(trx, actor.companyId, cycleId)
    await checkParticipant(trx, actor.companyId, cycleId, input.employeeId)
    if (await isPaySheetApproved(trx, actor.companyId, cycleId))
      throw new DomainError('locked', '工资表已审批，输入项不能再改 / the pay sheet is approved')
    const before = (await listPayInputValues(trx, actor.companyId, cycleId)).get(input.employeeId)
    const values: Record<string, string> = { ...(before?.values ?? {}) }
    for (const [name, value] of Object.entries(input.values)) {
      if (value === null) delete values[name]
      else {
        const d = new Decimal(String(value))
        if (d.isNegative())
          throw new DomainError('invalid_input', `输入项 ${name} 不能为负`, [
            { path: `values.${name}`, message: '不能为负' },
          ])
        values[name] = d.toFixed()
      }
    }
    await savePayInputValues(trx, actor.companyId, cycleId, input.employeeId, values, actor.userId)
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'pay_inputs.set',
        entity: 'pay_inputs',
        entityId: `${cycleId}:${input.employeeId}`,
        before: before?.values ?? null,
        after: values,
        reason: input.reason,
      },
      deps.now(),
    )
    return values
  })
}
