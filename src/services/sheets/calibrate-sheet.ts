import { coefficientFor } from '../../core/results/coefficient-for.ts'
import { gradeFor } from '../../core/results/grade-for.ts'
import { roundScore } from '../../core/scoring/round-score.ts'
import type { Template } from '../../core/templates/template.ts'
import { findTemplateDefinition, insertScoreHistory } from '../../db/sheet-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { transitionSheet } from './transition-sheet.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

/** HR adjusts a computed total before sign-off (校准), with a reason; grade and coefficient follow, the old values go to history. */
export async function calibrateSheet(
  deps: WorkflowDeps,
  actor: Actor,
  sheetId: number,
  input: { expectedVersion: number; total: number; reason: string },
) {
  return transitionSheet(deps, actor, actor.companyId, sheetId, {
    action: 'calibrate',
    expectedVersion: input.expectedVersion,
    reason: input.reason,
    patch: async (ctx) => {
      const template = (await findTemplateDefinition(ctx.db, ctx.row.template_version_id))
        .definition as Template
      const total = roundScore(input.total)
      const from = ctx.row.total === null ? null : Number(ctx.row.total)
      await insertScoreHistory(ctx.db, {
        companyId: actor.companyId,
        sheet: ctx.row,
        reason: `校准：${input.reason}`,
        userId: actor.userId,
      })
      return {
        total: String(total),
        grade: gradeFor(total, template.scoring.grades)?.grade ?? null,
        coefficient: String(coefficientFor(total, template.scoring.coefficients)),
        calibration: {
          from,
          to: total,
          reason: input.reason,
          byUserId: actor.userId,
          at: ctx.now.toISOString(),
        },
      }
    },
    auditFields: ['total', 'grade', 'coefficient'],
  })
}
