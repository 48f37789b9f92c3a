import { DomainError } from '../../core/errors.ts'
import { setPeerReviewers } from '../../db/sheet-repository.ts'
import { listEmployeeIdsAmong, listUserIdsOfEmployees } from '../../db/sheet-workflow-queries.ts'
import type { Actor } from '../auth/actor.ts'
import { notifyUsers } from '../notifications/notify-users.ts'
import { transitionSheet } from './transition-sheet.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

/** The reviewer or HR chooses colleagues to review the collaboration indicators (同事互评); their names never reach the employee. */
export async function assignPeerReviewers(
  deps: WorkflowDeps,
  actor: Actor,
  sheetId: number,
  input: { expectedVersion: number; reviewerEmployeeIds: number[] },
) {
  const ids = [...new Set(input.reviewerEmployeeIds)]
  return transitionSheet(deps, actor, actor.companyId, sheetId, {
    action: 'assign_peers',
    expectedVersion: input.expectedVersion,
    after: async (ctx) => {
      if (ids.includes(ctx.row.employee_id))
        throw new DomainError('invalid_input', '被考核人不能给自己互评', [
          { path: 'reviewerEmployeeIds', message: '包含被考核人' },
        ])
      if (ids.length > 0) {
        const found = await listEmployeeIdsAmong(ctx.db, actor.companyId, ids)
        const unknown = ids.filter((id) => !found.includes(id))
        if (unknown.length > 0)
          throw new DomainError('invalid_input', `员工 ${unknown.join('、')} 不存在`, [
            { path: 'reviewerEmployeeIds', message: `未知员工 ${unknown.join(', ')}` },
          ])
      }
      await setPeerReviewers(ctx.db, actor.companyId, sheetId, ids)
      if (ids.length > 0) {
        const users = await listUserIdsOfEmployees(ctx.db, actor.companyId, ids)
        await notifyUsers(
          ctx.db,
          actor.companyId,
          users,
          {
            kind: 'peer_review.assigned',
            title: `${ctx.cycle.name}：请完成同事互评`,
            body: '您被邀请为一位同事的协作类指标打分，评分人姓名不会告知被评人。',
            entity: 'appraisal_sheet',
            entityId: sheetId,
          },
          ctx.now,
        )
      }
    },
  })
}
