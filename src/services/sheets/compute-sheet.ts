import { DomainError } from '../../core/errors.ts'
import type { SheetScore } from '../../core/scoring/score-sheet.ts'
import type { Template } from '../../core/templates/template.ts'
import { computedScoresJson, writeComputedScores } from '../../db/computed-score-writer.ts'
import { findSheetRow, insertScoreHistory } from '../../db/sheet-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { notifyFeedbackDue } from './notify-feedback-due.ts'
import { loadScoreInputs, scoreSheetRow } from './score-sheet-row.ts'
import { transitionSheet } from './transition-sheet.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

/**
 * Computes one sheet (上级已评分 → 已计算); recomputing keeps the old score in the history. The score, event and
 * notification are written as a batch of one by the writer the cycle's batch compute uses. A sheet whose missing
 * inputs are declared 'block' is refused (409 missing_data) naming the items to enter; it is never scored as 0.
 */
export async function computeSheet(
  deps: WorkflowDeps,
  actor: Actor | null,
  companyId: number,
  sheetId: number,
  expectedVersion?: number,
) {
  return transitionSheet(deps, actor, companyId, sheetId, {
    action: 'compute',
    expectedVersion,
    patch: async (ctx) => {
      if (ctx.row.score !== null)
        await insertScoreHistory(ctx.db, {
          companyId,
          sheet: ctx.row,
          reason: '重新计算（recomputed）',
          userId: actor?.userId ?? null,
        })
      const inputs = await loadScoreInputs(ctx.db, ctx.row)
      const patch = scoreSheetRow(ctx.row, inputs)
      refuseHeldScore(inputs.template, patch.score as SheetScore)
      return patch
    },
    write: async (ctx, patch) => {
      await writeComputedScores(ctx.db, {
        companyId,
        scores: computedScoresJson([
          {
            id: sheetId,
            score: patch.score,
            total: patch.total ?? undefined,
            grade: patch.grade,
            coefficient: patch.coefficient ?? undefined,
          },
        ]),
        fromState: ctx.outcome.from,
        actorUserId: actor?.userId ?? null,
        party: ctx.party,
        reason: null,
        now: ctx.now,
      })
      // A recompute leaves the state as it was: the reviewer has heard already.
      if (ctx.row.state !== 'computed')
        await notifyFeedbackDue(ctx.db, {
          companyId,
          cycle: { id: ctx.row.cycle_id, name: ctx.cycle.name },
          sheetIds: [sheetId],
          now: ctx.now,
        })
      const written = await findSheetRow(ctx.db, companyId, sheetId)
      if (!written) throw new Error(`考核表 ${sheetId} 写入后不存在`)
      return written
    },
    auditFields: ['total', 'grade', 'coefficient'],
  })
}

/**
 * Refuses a score that inputs declared 'block' hold (409 missing_data), naming the items to enter: a held sheet is
 * never stored as computed, by compute or by an appeal ruling's recompute.
 */
export function refuseHeldScore(template: Template, score: SheetScore): void {
  const held = score.held
  if (!held || held.length === 0) return
  const names = heldItemNames(template, held)
  throw new DomainError(
    'missing_data',
    `缺少数据，按模板规定须录入后才能计算：${names.join('、')}`,
    held.map((key, i) => ({ path: `inputs.${key}`, message: `缺少数据：${names[i]}` })),
    { held },
  )
}

/** The names of the held items, in the order given. */
function heldItemNames(template: Template, keys: readonly string[]): string[] {
  const names = new Map<string, string>()
  for (const d of template.dimensions) for (const i of d.indicators) names.set(i.key, i.name)
  for (const a of template.adjustments) names.set(a.key, a.name)
  return keys.map((key) => names.get(key) ?? key)
}
