import { listHrUsers } from '../../db/appeal-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'

/** The HR users of the actor's company, who may be named handler of an appeal (take-up), by name. */
export async function listAppealHandlers(deps: WorkflowDeps, actor: Actor) {
  return listHrUsers(deps.db, actor.companyId)
}
