import type { PaySheet } from '../../contracts/pay.ts'
import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { findPaySheet, insertPayItem, listPayItems } from '../../db/pay-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { computePayDrift, driftAdjustmentLabel, type SnapshotEmployee } from './compute-pay-drift.ts'
import { readPaySheet, visiblePaySheet } from './get-pay-sheet.ts'
import { loadCycle, lockCyclePay } from './load-cycle.ts'

/**
 * Finance settles the drift of an approved pay sheet: one adjustment line per drifting employee equal to the
 * difference, explained with the old and new score; audited. Refused while any changed sheet is not final
 * (naming them). Idempotent: settled drift counts, so a second call adds nothing.
 */
export async function settlePayDrift(
  deps: WorkflowDeps,
  actor: Actor,
  cycleId: number,
  note?: string,
): Promise<PaySheet> {
  await deps.db.transaction().execute(async (trx) => {
    const cycle = await loadCycle(trx, actor.companyId, cycleId)
    // One settlement at a time per cycle, so two clicks cannot both add the same difference.
    await lockCyclePay(trx, actor.companyId, cycleId)
    const approved = await findPaySheet(trx, actor.companyId, cycleId)
    if (!approved)
      throw new DomainError(
        'invalid_state',
        `「${cycle.name}」的工资表尚未审批，没有可结算的差额 / the pay sheet is a draft: nothing to settle`,
      )
    const items = await listPayItems(trx, actor.companyId, cycleId)
    const drift = await computePayDrift(
      trx,
      actor.companyId,
      cycleId,
      approved.snapshot as SnapshotEmployee[],
      items,
    )
    if (drift.notFinal.length > 0) {
      const names = drift.notFinal.map((s) => `${s.employeeName}（${s.state}）`)
      throw new DomainError(
        'invalid_state',
        `还有 ${names.length} 张考核表审批后被重新打开、尚未定稿，不能按差额调整：${names.join('、')} / ${names.length} reopened sheet(s) not final`,
        drift.notFinal.map((s) => ({
          path: `sheets.${s.sheetId}`,
          message: `${s.employeeName}: ${s.state}`,
        })),
      )
    }
    const at = deps.now()
    for (const d of drift.employees) {
      const explanation = `${d.reason['zh-CN']}；按审批时的方案与输入重算 ${d.currentTotal}，已审批 ${d.approvedTotal}${d.settled === '0.00' ? '' : `，已结算 ${d.settled}`}，差额 ${d.difference}${note ? `。${note}` : ''}`
      const id = await insertPayItem(trx, actor.companyId, {
        cycleId,
        employeeId: d.employeeId,
        kind: 'adjustment',
        label: driftAdjustmentLabel,
        amount: d.difference,
        note: explanation,
        userId: actor.userId,
      })
      await appendAudit(
        trx,
        {
          companyId: actor.companyId,
          actorUserId: actor.userId,
          action: 'pay_sheet.settle_drift',
          entity: 'pay_item',
          entityId: id,
          before: { score: d.approvedScore, coefficient: d.approvedCoefficient, total: d.approvedTotal },
          after: {
            cycleId,
            employeeId: d.employeeId,
            sheetId: d.sheetId,
            score: d.score,
            coefficient: d.coefficient,
            total: d.currentTotal,
            amount: d.difference,
          },
          reason: explanation,
        },
        at,
      )
    }
  })
  return visiblePaySheet(await readPaySheet(deps.db, actor.companyId, cycleId), actor.role)
}
