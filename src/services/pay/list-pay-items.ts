import type { PayItem } from '../../contracts/pay.ts'
import { listPayItems as listRows } from '../../db/pay-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { loadCycle } from './load-cycle.ts'

/** The rewards, penalties and adjustments of a cycle. */
export async function listPayItems(deps: WorkflowDeps, actor: Actor, cycleId: number): Promise<PayItem[]> {
  await loadCycle(deps.db, actor.companyId, cycleId)
  return listRows(deps.db, actor.companyId, cycleId)
}
