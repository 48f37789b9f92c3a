import type { CalendarDay } from '../../core/calendar/working-days.ts'
import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { deleteCalendarDay, listCalendarDays, upsertCalendarDays } from '../../db/calendar-repository.ts'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../auth/actor.ts'

/** Admin: adds or changes holidays and make-up working days, or removes company entries (back to the default). */
export async function setCalendarDays(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  change: { set?: CalendarDay[]; remove?: string[]; reason?: string },
): Promise<void> {
  if (actor.role !== 'admin') throw new DomainError('forbidden', '只有管理员可以维护工作日历（admin only）')
  const dates = [...(change.set ?? []).map((d) => d.date), ...(change.remove ?? [])]
  if (new Set(dates).size !== dates.length)
    throw new DomainError('invalid_input', '同一日期在一次修改中出现了两次', [
      { path: 'set', message: '日期重复' },
    ])
  await deps.db.transaction().execute(async (trx) => {
    const db = trx
    const before = (await listCalendarDays(db, actor.companyId)).filter((d) => dates.includes(d.date))
    await upsertCalendarDays(db, actor.companyId, change.set ?? [])
    for (const date of change.remove ?? []) await deleteCalendarDay(db, actor.companyId, date)
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'calendar.update',
        entity: 'calendar',
        entityId: actor.companyId,
        before,
        after: { set: change.set ?? [], remove: change.remove ?? [] },
        reason: change.reason ?? null,
      },
      deps.now(),
    )
  })
}
