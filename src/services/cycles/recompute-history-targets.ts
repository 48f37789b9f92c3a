import { scoredSheetStates, sheetStates } from '../../core/workflow/sheet-workflow.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { freezeHistoryTargets } from './freeze-history-targets.ts'
import { findStaffCycle, readHistoryTargetRows } from './list-history-targets.ts'

/**
 * HR recomputes the targets derived from history on a cycle's sheets (e.g. after importing last month's traffic
 * late), with a reason: one audit row lists every sheet's targets before and after. Sheets already computed keep
 * their frozen targets (their scores stand) and are counted as skipped.
 */
export async function recomputeHistoryTargets(
  deps: WorkflowDeps,
  actor: Actor,
  cycleId: number,
  input: { reason: string },
) {
  const cycle = await findStaffCycle(deps.db, actor, cycleId)
  const scored = new Set<string>(scoredSheetStates)
  const open = sheetStates.filter((s) => !scored.has(s))
  const before = await readHistoryTargetRows(deps.db, actor.companyId, cycleId)
  const changes = await deps.db.transaction().execute(async (trx) => {
    const changes = await freezeHistoryTargets(trx, actor.companyId, cycle, { states: open })
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'cycle.history_targets_recompute',
        entity: 'cycle',
        entityId: cycleId,
        before: changes.map((c) => ({ sheetId: c.sheetId, targets: valuesOf(c.before) })),
        after: changes.map((c) => ({ sheetId: c.sheetId, targets: valuesOf(c.after) })),
        reason: input.reason,
      },
      deps.now(),
    )
    return changes
  })
  const recomputed = new Set(changes.map((c) => c.sheetId))
  const was = new Map(before.map((r) => [`${r.sheetId}:${r.indicatorKey}`, r.target.value]))
  const items = (await readHistoryTargetRows(deps.db, actor.companyId, cycleId)).map((r) => ({
    ...r,
    changed: recomputed.has(r.sheetId) && was.get(`${r.sheetId}:${r.indicatorKey}`) !== r.target.value,
  }))
  const sheets = new Set(items.map((r) => r.sheetId))
  return { cycleId, items, recomputed: recomputed.size, skipped: sheets.size - recomputed.size }
}

/** The frozen values by indicator key, for the audit row (the derivations are on the sheets). */
function valuesOf(targets: Record<string, { value: number | null }> | undefined) {
  return Object.fromEntries(Object.entries(targets ?? {}).map(([k, t]) => [k, t.value]))
}
