import { addWorkingDays } from '../../core/calendar/working-days.ts'
import { defaultAppealWindowDays } from '../../core/workflow/stage-deadlines.ts'
import type { Actor } from '../auth/actor.ts'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.ts'
import { transitionSheet } from './transition-sheet.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

/**
 * The employee signs the result (签字确认: time and user recorded); the appeal window opens and ends
 * N working days later on the company's calendar (holidays and make-up working days counted).
 */
export async function signSheet(deps: WorkflowDeps, actor: Actor, sheetId: number, expectedVersion: number) {
  return transitionSheet(deps, actor, actor.companyId, sheetId, {
    action: 'sign',
    expectedVersion,
    patch: async (ctx) => {
      const days = (ctx.cycle.settings.appealWindowDays as number | undefined) ?? defaultAppealWindowDays
      const calendar = await loadWorkingCalendar(ctx.db, actor.companyId)
      return {
        signed_at: ctx.now,
        signed_by_user_id: actor.userId,
        appeal_deadline: addWorkingDays(calendar, ctx.today, days),
      }
    },
  })
}
