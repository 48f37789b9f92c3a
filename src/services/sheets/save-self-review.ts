import type { ReviewInput } from '../../contracts/workflow.ts'
import { assertRaterScores } from '../../core/scoring/validate-rater-scores.ts'
import type { Template } from '../../core/templates/template.ts'
import { lockSheetStateWithTemplate } from '../../db/sheet-workflow-queries.ts'
import type { Actor } from '../auth/actor.ts'
import { transitionSheet } from './transition-sheet.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

/** Saves the employee's self review (自评), and submits it when asked; after submitting the employee can no longer edit. */
export async function saveSelfReview(
  deps: WorkflowDeps,
  actor: Actor,
  sheetId: number,
  input: { expectedVersion: number; review: ReviewInput; submit: boolean },
) {
  return transitionSheet(deps, actor, actor.companyId, sheetId, {
    action: input.submit ? 'submit_self_review' : 'save_self_review',
    expectedVersion: input.expectedVersion,
    patch: async (ctx) => {
      // Each score must fit its indicator's scale (a 0–5 item takes no 8): 400 naming the indicator.
      const { definition } = await lockSheetStateWithTemplate(ctx.db, sheetId)
      assertRaterScores(definition as Template, input.review.indicators)
      return { self_review: input.review }
    },
  })
}
