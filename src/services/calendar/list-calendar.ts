import type { CalendarDay } from '../../core/calendar/working-days.ts'
import { listCalendarDays } from '../../db/calendar-repository.ts'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../auth/actor.ts'
import { loadStatutoryCalendar } from './statutory-calendar.ts'

export type CalendarListingDay = CalendarDay & {
  source: 'statutory' | 'company'
  /** On a company entry: what the statutory arrangement says of that date, when it says anything. */
  statutory?: Omit<CalendarDay, 'date'>
}

export type CalendarCoverage = {
  packageName: string
  packageVersion: string
  firstYear: number
  lastYear: number
  /** Whether the statutory arrangement covers the listed year. */
  covered: boolean
}

export type CalendarListing = { year: number; days: CalendarListingDay[]; coverage: CalendarCoverage }

/** The holidays and make-up working days of a year: the statutory arrangement with the company's entries over it. */
export async function listCalendar(deps: { db: Db }, actor: Actor, year: number): Promise<CalendarListing> {
  const from = `${year}-01-01`
  const to = `${year}-12-31`
  const statutory = loadStatutoryCalendar()
  const company = await listCalendarDays(deps.db, actor.companyId, { from, to })
  const byDate = new Map<string, CalendarListingDay>()
  for (const d of statutory.days)
    if (d.date >= from && d.date <= to) byDate.set(d.date, { ...d, source: 'statutory' })
  for (const d of company) {
    const under = byDate.get(d.date)
    byDate.set(d.date, {
      ...d,
      source: 'company',
      ...(under ? { statutory: { kind: under.kind, name: under.name } } : {}),
    })
  }
  return {
    year,
    days: [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1)),
    coverage: {
      packageName: statutory.packageName,
      packageVersion: statutory.packageVersion,
      firstYear: statutory.firstYear,
      lastYear: statutory.lastYear,
      covered: year >= statutory.firstYear && year <= statutory.lastYear,
    },
  }
}
