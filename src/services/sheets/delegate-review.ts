import { DomainError } from '../../core/errors.ts'
import { isEmployeeInScope } from '../../db/organisation-repository.ts'
import { findReviewCapableEmployee } from '../../db/sheet-workflow-queries.ts'
import type { Actor } from '../auth/actor.ts'
import { transitionSheet } from './transition-sheet.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

/**
 * Hands the review of a sheet to another supervisor (委托评分): a higher supervisor to someone in their own
 * tree (or themself), HR and admin to anyone in the company — never to the appraised employee.
 */
export async function delegateReview(
  deps: WorkflowDeps,
  actor: Actor,
  sheetId: number,
  input: { expectedVersion: number; reviewerEmployeeId: number; reason: string },
) {
  return transitionSheet(deps, actor, actor.companyId, sheetId, {
    action: 'delegate',
    expectedVersion: input.expectedVersion,
    reason: input.reason,
    patch: async (ctx) => {
      if (input.reviewerEmployeeId === ctx.row.employee_id)
        throw new DomainError('invalid_input', '不能委托被考核人本人评分（nobody reviews themself）', [
          { path: 'reviewerEmployeeId', message: '不能是被考核人' },
        ])
      const scope =
        ctx.party === 'upper' && actor.employeeId !== null
          ? ({ kind: 'tree', rootEmployeeId: actor.employeeId } as const)
          : ({ kind: 'all' } as const)
      if (!(await isEmployeeInScope(ctx.trx, actor.companyId, input.reviewerEmployeeId, scope)))
        throw new DomainError('invalid_input', `员工 ${input.reviewerEmployeeId} 不在您可委托的范围内`, [
          { path: 'reviewerEmployeeId', message: '不在范围内' },
        ])
      // Only someone who signs in as a supervisor, HR or admin can review (resolveSheetParty, /api/team/queue);
      // a delegate without such an account would leave the sheet with nobody to review it.
      const delegate = await findReviewCapableEmployee(ctx.trx, actor.companyId, input.reviewerEmployeeId)
      if (!delegate?.userId)
        throw new DomainError(
          'invalid_input',
          `${delegate?.name ?? `员工 ${input.reviewerEmployeeId}`} 没有主管、人事或管理员账号，无法评分（the delegate must sign in as a supervisor, HR or admin）`,
          [{ path: 'reviewerEmployeeId', message: '没有可评分的账号' }],
        )
      return { reviewer_employee_id: input.reviewerEmployeeId }
    },
  })
}
