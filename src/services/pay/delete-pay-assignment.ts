import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { deletePayAssignmentRow, findPayAssignment } from '../../db/pay-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'

/** Removes a pay scheme assignment (approved pay sheets keep their snapshot); audited. */
export async function deletePayAssignment(deps: WorkflowDeps, actor: Actor, id: number): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const before = await findPayAssignment(trx, actor.companyId, { id })
    if (!before) throw new DomainError('not_found', `薪酬方案分配 ${id} 不存在 / pay assignment not found`)
    await deletePayAssignmentRow(trx, actor.companyId, id)
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'pay_assignment.delete',
        entity: 'pay_assignment',
        entityId: id,
        before,
      },
      deps.now(),
    )
  })
}
