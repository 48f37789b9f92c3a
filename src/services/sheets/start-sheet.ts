import type { Actor } from '../auth/actor.ts'
import { transitionSheet } from './transition-sheet.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

/** Starts the period's work (目标已确认 → 执行中). */
export async function startSheet(deps: WorkflowDeps, actor: Actor, sheetId: number, expectedVersion: number) {
  return transitionSheet(deps, actor, actor.companyId, sheetId, { action: 'start', expectedVersion })
}
