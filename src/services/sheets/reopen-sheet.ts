import type { Actor } from '../auth/actor.ts'
import { transitionSheet } from './transition-sheet.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

/** Admin reopens a final sheet with a reason (audited): back to computed, signature and appeal window cleared. */
export async function reopenSheet(
  deps: WorkflowDeps,
  actor: Actor,
  sheetId: number,
  input: { expectedVersion: number; reason: string },
) {
  return transitionSheet(deps, actor, actor.companyId, sheetId, {
    action: 'reopen',
    expectedVersion: input.expectedVersion,
    reason: input.reason,
    patch: () => ({ finalized_at: null, signed_at: null, signed_by_user_id: null, appeal_deadline: null }),
  })
}
