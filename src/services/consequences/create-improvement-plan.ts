import type { ImprovementPlan, ImprovementPlanInput } from '../../contracts/results.ts'
import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { findEmployee } from '../../db/organisation-repository.ts'
import { insertPlanRow } from '../../db/pay-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { loadCycle } from '../pay/load-cycle.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { getImprovementPlan } from './list-improvement-plans.ts'

/** Records an improvement or training plan: goal, owner, due date (and later its outcome); audited. */
export async function createImprovementPlan(
  deps: WorkflowDeps,
  actor: Actor,
  input: ImprovementPlanInput,
): Promise<ImprovementPlan> {
  const id = await deps.db.transaction().execute(async (trx) => {
    for (const [field, employeeId] of [
      ['employeeId', input.employeeId],
      ['ownerEmployeeId', input.ownerEmployeeId],
    ] as const) {
      if (!(await findEmployee(trx, actor.companyId, employeeId)))
        throw new DomainError('invalid_input', `员工 ${employeeId} 不存在`, [
          { path: field, message: `员工 ${employeeId} 不存在` },
        ])
    }
    if (input.cycleId !== undefined) await loadCycle(trx, actor.companyId, input.cycleId)
    const planId = await insertPlanRow(trx, actor.companyId, {
      employeeId: input.employeeId,
      kind: input.kind,
      cycleId: input.cycleId ?? null,
      dimension: input.dimension ?? null,
      goal: input.goal,
      ownerEmployeeId: input.ownerEmployeeId,
      dueDate: input.dueDate,
      outcome: input.outcome ?? null,
      status: input.status,
    })
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'improvement_plan.create',
        entity: 'improvement_plan',
        entityId: planId,
        after: input,
      },
      deps.now(),
    )
    return planId
  })
  return getImprovementPlan(deps, actor, id)
}
