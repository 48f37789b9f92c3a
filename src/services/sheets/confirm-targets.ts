import type { Actor } from '../auth/actor.ts'
import { transitionSheet } from './transition-sheet.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

/** The employee or the reviewer confirms the targets; the second confirmation moves the sheet to targets agreed. */
export async function confirmTargets(
  deps: WorkflowDeps,
  actor: Actor,
  sheetId: number,
  expectedVersion: number,
) {
  return transitionSheet(deps, actor, actor.companyId, sheetId, {
    action: 'confirm_targets',
    expectedVersion,
    patch: (ctx) =>
      ctx.party === 'owner' ? { owner_confirmed_at: ctx.now } : { reviewer_confirmed_at: ctx.now },
  })
}
