import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'

/** The HR users of the actor's company, who may be named handler of an appeal (take-up), by name. */
export async function listAppealHandlers(deps: WorkflowDeps, actor: Actor) {
  const rows = await deps.db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('company_id', '=', actor.companyId)
    .where('role', '=', 'hr')
    .orderBy('display_name')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({ id: r.id, name: r.display_name }))
}
