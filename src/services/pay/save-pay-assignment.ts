import type { PayAssignment, PayAssignmentInput } from '../../contracts/pay.ts'
import { DomainError } from '../../core/errors.ts'
import type { PayScheme } from '../../core/pay/pay-scheme.ts'
import { validatePayScheme } from '../../core/pay/validate-pay-scheme.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { findEmployee, findPosition } from '../../db/organisation-repository.ts'
import { findPayAssignment, savePayAssignmentRow } from '../../db/pay-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'

/** Refuses a scheme computePay would refuse (a missing parameter, a negative base …), naming each field. */
export function checkPayScheme(scheme: PayScheme): void {
  const issues = validatePayScheme(scheme)
  if (issues.length > 0)
    throw new DomainError(
      'invalid_input',
      issues.map((i) => i.message['zh-CN']).join('；'),
      issues.map((i) => ({ path: `scheme.${i.path}`, message: `${i.message['zh-CN']} / ${i.message.en}` })),
    )
}

/** Sets the pay scheme of a position (the default) or of one employee (an override); audited. */
export async function savePayAssignment(
  deps: WorkflowDeps,
  actor: Actor,
  input: PayAssignmentInput,
): Promise<PayAssignment> {
  const scheme = input.scheme as PayScheme
  checkPayScheme(scheme)
  return deps.db.transaction().execute(async (trx) => {
    if (input.positionId !== undefined && !(await findPosition(trx, actor.companyId, input.positionId)))
      throw new DomainError('invalid_input', `岗位 ${input.positionId} 不存在`, [
        { path: 'positionId', message: `岗位 ${input.positionId} 不存在` },
      ])
    if (input.employeeId !== undefined && !(await findEmployee(trx, actor.companyId, input.employeeId)))
      throw new DomainError('invalid_input', `员工 ${input.employeeId} 不存在`, [
        { path: 'employeeId', message: `员工 ${input.employeeId} 不存在` },
      ])
    const pdb = trx
    const before = await findPayAssignment(pdb, actor.companyId, {
      positionId: input.positionId,
      employeeId: input.employeeId,
    })
    const id = await savePayAssignmentRow(
      pdb,
      actor.companyId,
      {
        positionId: input.positionId ?? null,
        employeeId: input.employeeId ?? null,
        scheme,
        inputSources: input.inputSources,
        userId: actor.userId,
      },
      before?.id,
    )
    const saved = (await findPayAssignment(pdb, actor.companyId, { id }))!
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: before ? 'pay_assignment.update' : 'pay_assignment.create',
        entity: 'pay_assignment',
        entityId: id,
        before: before ? { scheme: before.scheme, inputSources: before.inputSources } : null,
        after: {
          positionId: saved.positionId,
          employeeId: saved.employeeId,
          scheme,
          inputSources: input.inputSources,
        },
        reason: input.reason ?? null,
      },
      deps.now(),
    )
    return saved as PayAssignment
  })
}
