import { addWorkingDays } from '../../core/calendar/working-days.ts'
import { DomainError } from '../../core/errors.ts'
import { defaultInvestigationDays } from '../../core/workflow/stage-deadlines.ts'
import { findAppeal, findCompanyUser, updateAppeal } from '../../db/appeal-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.ts'
import { notifyUsers } from '../notifications/notify-users.ts'
import { transitionSheet } from '../sheets/transition-sheet.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'

/** HR takes up an appeal (受理调查): a handler (an HR user, default the actor) and a deadline in working days. */
export async function takeUpAppeal(
  deps: WorkflowDeps,
  actor: Actor,
  appealId: number,
  input: { handlerUserId?: number; investigationDays?: number; note?: string },
) {
  const appeal = await findAppeal(deps.db, actor.companyId, appealId)
  if (!appeal) throw new DomainError('not_found', `申诉 ${appealId} 不存在`)
  const handlerUserId = input.handlerUserId ?? actor.userId
  await transitionSheet(deps, actor, actor.companyId, appeal.sheet_id, {
    action: 'investigate',
    reason: input.note ?? null,
    after: async (ctx) => {
      const handler = await findCompanyUser(ctx.db, actor.companyId, handlerUserId)
      if (handler?.role !== 'hr')
        throw new DomainError('invalid_input', `用户 ${handlerUserId} 不是人力资源，不能处理申诉`, [
          { path: 'handlerUserId', message: '必须是人力资源用户' },
        ])
      const days =
        input.investigationDays ??
        (ctx.cycle.settings.investigationDays as number | undefined) ??
        defaultInvestigationDays
      const due = addWorkingDays(await loadWorkingCalendar(ctx.db, actor.companyId), ctx.today, days)
      const notes = [...((appeal.notes as unknown[]) ?? [])]
      if (input.note) notes.push({ at: ctx.now.toISOString(), byUserId: actor.userId, text: input.note })
      await updateAppeal(ctx.db, appealId, {
        status: 'investigating',
        handler_user_id: handlerUserId,
        investigation_due: due,
        notes,
      })
      await notifyUsers(
        ctx.db,
        actor.companyId,
        [handlerUserId],
        {
          kind: 'appeal.assigned',
          title: `${ctx.cycle.name}：申诉待处理`,
          body: `申诉 ${appealId} 已分配给您，请在 ${due} 前作出裁决。`,
          entity: 'appeal',
          entityId: appealId,
        },
        ctx.now,
      )
    },
  })
  return findAppeal(deps.db, actor.companyId, appealId)
}
