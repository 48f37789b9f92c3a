import { DomainError } from '../../core/errors.ts'
import { findCycle } from '../../db/cycle-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'

/** One cycle of the actor's company, with its settings and stage deadlines. */
export async function getCycle(deps: WorkflowDeps, actor: Actor, cycleId: number) {
  const cycle = await findCycle(deps.db, actor.companyId, cycleId)
  if (!cycle) throw new DomainError('not_found', `考核周期 ${cycleId} 不存在`)
  return cycle
}
