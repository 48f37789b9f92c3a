import { listCycles as listCycleRows } from '../../db/cycle-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'

/** The company's cycles, newest first, with their sheet counts. */
export async function listCycles(deps: WorkflowDeps, actor: Actor) {
  return listCycleRows(deps.db, actor.companyId)
}
