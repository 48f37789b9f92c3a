import type { PayAssignment } from '../../contracts/pay.ts'
import { listPayAssignments as listRows } from '../../db/pay-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'

/** Every pay scheme assignment of the company (positions first, then employee overrides). */
export async function listPayAssignments(deps: WorkflowDeps, actor: Actor): Promise<PayAssignment[]> {
  const rows = await listRows(deps.db, actor.companyId)
  return [
    ...rows.filter((r) => r.positionId !== null),
    ...rows.filter((r) => r.positionId === null),
  ] as PayAssignment[]
}
