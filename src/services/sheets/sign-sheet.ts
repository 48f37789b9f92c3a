import { addWorkingDays } from '../../core/calendar/working-days.ts'
import { defaultAppealWindowDays } from '../../core/workflow/stage-deadlines.ts'
import type { CycleSettings } from '../../db/cycle-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.ts'
import { findQuotaHolds, quotaHeldError } from './find-quota-holds.ts'
import { transitionSheet } from './transition-sheet.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

/**
 * The employee signs the result (签字确认: time and user recorded); the appeal window opens and ends
 * N working days later on the company's calendar (holidays and make-up working days counted). Held while the
 * cycle's enforced grade quotas do not fit the employee's department.
 */
export async function signSheet(deps: WorkflowDeps, actor: Actor, sheetId: number, expectedVersion: number) {
  return transitionSheet(deps, actor, actor.companyId, sheetId, {
    action: 'sign',
    expectedVersion,
    patch: async (ctx) => {
      // Enforced forced-distribution quotas hold the sign-off of a department over them (issue 16.7).
      const held = await findQuotaHolds(
        ctx.trx,
        actor.companyId,
        { id: ctx.row.cycle_id, settings: ctx.cycle.settings as CycleSettings },
        ctx.row.department_id,
      )
      if (held.length > 0) throw quotaHeldError(held, '签字确认')
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
