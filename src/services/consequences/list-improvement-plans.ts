import type { ImprovementPlan } from '../../contracts/results.ts'
import { DomainError } from '../../core/errors.ts'
import { listPlanRows } from '../../db/pay-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { treeRootOf } from './consequence-scope.ts'

/** Improvement and training plans (改进/培训计划): all for admin/HR, the reporting tree for a supervisor. */
export async function listImprovementPlans(
  deps: WorkflowDeps,
  actor: Actor,
  filter: { employeeId?: number } = {},
): Promise<ImprovementPlan[]> {
  return listPlanRows(deps.db, actor.companyId, { ...filter, treeRootEmployeeId: treeRootOf(actor) })
}

/** One plan, or not_found (also outside the caller's scope). */
export async function getImprovementPlan(
  deps: WorkflowDeps,
  actor: Actor,
  id: number,
): Promise<ImprovementPlan> {
  const [plan] = await listPlanRows(deps.db, actor.companyId, {
    id,
    treeRootEmployeeId: treeRootOf(actor),
  })
  if (!plan) throw new DomainError('not_found', `改进计划 ${id} 不存在 / plan not found`)
  return plan
}
