import { insertScoreHistory } from '../../db/sheet-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { loadScoreInputs, scoreSheetRow } from './score-sheet-row.ts'
import { transitionSheet } from './transition-sheet.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

/** Computes one sheet (上级已评分 → 已计算); recomputing keeps the old score in the history. */
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
      return scoreSheetRow(ctx.row, await loadScoreInputs(ctx.db, ctx.row))
    },
    auditFields: ['total', 'grade', 'coefficient'],
  })
}
