import type { ReviewInput } from '../../contracts/workflow.ts'
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
    patch: () => ({ self_review: input.review }),
  })
}
