import type { CalendarDay } from '../core/calendar/working-days.ts'
import type { Db } from './database.ts'

// The company's own calendar entries (holidays, make-up working days) over the shipped defaults.

export async function listCalendarDays(
  db: Db,
  companyId: number,
  range: { from?: string; to?: string } = {},
): Promise<CalendarDay[]> {
  let q = db.selectFrom('calendar_days').select(['date', 'kind', 'name']).where('company_id', '=', companyId)
  if (range.from) q = q.where('date', '>=', range.from)
  if (range.to) q = q.where('date', '<=', range.to)
  return q.orderBy('date').execute()
}

export async function upsertCalendarDays(
  db: Db,
  companyId: number,
  days: readonly CalendarDay[],
): Promise<void> {
  if (days.length === 0) return
  await db
    .insertInto('calendar_days')
    .values(days.map((d) => ({ company_id: companyId, date: d.date, kind: d.kind, name: d.name })))
    .onConflict((oc) =>
      oc.columns(['company_id', 'date']).doUpdateSet((eb) => ({
        kind: eb.ref('excluded.kind'),
        name: eb.ref('excluded.name'),
      })),
    )
    .execute()
}

export async function deleteCalendarDay(db: Db, companyId: number, date: string): Promise<boolean> {
  const result = await db
    .deleteFrom('calendar_days')
    .where('company_id', '=', companyId)
    .where('date', '=', date)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** The company's time zone (IANA name), or undefined when unset. */
export async function findCompanyTimeZone(db: Db, companyId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('companies')
    .select('time_zone')
    .where('id', '=', companyId)
    .executeTakeFirst()
  return row?.time_zone || undefined
}
