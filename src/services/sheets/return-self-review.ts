import type { Actor } from '../auth/actor.ts'
import { transitionSheet } from './transition-sheet.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

/** The reviewer (or HR) sends a submitted self review back to the employee, with a reason. */
export async function returnSelfReview(
  deps: WorkflowDeps,
  actor: Actor,
  sheetId: number,
  input: { expectedVersion: number; reason: string },
) {
  return transitionSheet(deps, actor, actor.companyId, sheetId, {
    action: 'return_self_review',
    expectedVersion: input.expectedVersion,
    reason: input.reason,
  })
}
