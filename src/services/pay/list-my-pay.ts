import { listApprovedPaySheetsFor, listPayItems } from '../../db/pay-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { fromSnapshot, type SnapshotEmployee } from './compute-pay-drift.ts'
import { withAdjustments } from './compute-pay-sheet.ts'

/** The caller's own pay lines from approved pay sheets (drafts are not shown), newest period first. */
export async function listMyPay(deps: WorkflowDeps, actor: Actor) {
  if (actor.employeeId === null) return { items: [] }
  const me = actor.employeeId
  const sheets = await listApprovedPaySheetsFor(deps.db, actor.companyId, me)
  const items = []
  for (const s of sheets) {
    const kept = (s.snapshot as SnapshotEmployee[]).find((e) => e.employeeId === me)
    const mine = kept && fromSnapshot(kept)
    if (!mine) continue
    const adjustments = await listPayItems(deps.db, actor.companyId, s.cycleId, { employeeId: me })
    items.push({
      cycleId: s.cycleId,
      cycleName: s.cycleName,
      period: { start: s.periodStart, end: s.periodEnd },
      approvedAt: s.approvedAt,
      pay: withAdjustments(mine, adjustments),
    })
  }
  return { items }
}
