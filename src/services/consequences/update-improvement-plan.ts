import type { ImprovementPlan, ImprovementPlanPatch } from '../../contracts/results.ts'
import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { findEmployee } from '../../db/organisation-repository.ts'
import { deletePlanRow, updatePlanRow } from '../../db/pay-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { getImprovementPlan } from './list-improvement-plans.ts'

/** Changes a plan's goal, owner, due date, outcome or status; audited with before and after. */
export async function updateImprovementPlan(
  deps: WorkflowDeps,
  actor: Actor,
  id: number,
  patch: ImprovementPlanPatch,
): Promise<ImprovementPlan> {
  await deps.db.transaction().execute(async (trx) => {
    const before = await getImprovementPlan({ ...deps, db: trx }, actor, id)
    if (
      patch.ownerEmployeeId !== undefined &&
      !(await findEmployee(trx, actor.companyId, patch.ownerEmployeeId))
    )
      throw new DomainError('invalid_input', `员工 ${patch.ownerEmployeeId} 不存在`, [
        { path: 'ownerEmployeeId', message: `员工 ${patch.ownerEmployeeId} 不存在` },
      ])
    await updatePlanRow(trx, actor.companyId, id, {
      goal: patch.goal,
      owner_employee_id: patch.ownerEmployeeId,
      due_date: patch.dueDate,
      outcome: patch.outcome,
      status: patch.status,
    })
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'improvement_plan.update',
        entity: 'improvement_plan',
        entityId: id,
        before,
        after: patch,
      },
      deps.now(),
    )
  })
  return getImprovementPlan(deps, actor, id)
}

/** Deletes a plan; audited. */
export async function deleteImprovementPlan(deps: WorkflowDeps, actor: Actor, id: number): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const before = await getImprovementPlan({ ...deps, db: trx }, actor, id)
    await deletePlanRow(trx, actor.companyId, id)
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'improvement_plan.delete',
        entity: 'improvement_plan',
        entityId: id,
        before,
      },
      deps.now(),
    )
  })
}
