import { chinaCalendar2026 } from '../../core/calendar/china-calendar-2026.ts'
import type { CalendarDay } from '../../core/calendar/working-days.ts'
import { listCalendarDays } from '../../db/calendar-repository.ts'
import type { Db } from '../../db/database.ts'
import { asWorkflowDb } from '../../db/workflow-tables.ts'
import type { Actor } from '../auth/actor.ts'

export type CalendarListing = {
  year: number
  days: (CalendarDay & { source: 'default' | 'company' })[]
}

/** The holidays and make-up working days of a year: shipped defaults with the company's entries over them. */
export async function listCalendar(deps: { db: Db }, actor: Actor, year: number): Promise<CalendarListing> {
  const from = `${year}-01-01`
  const to = `${year}-12-31`
  const company = await listCalendarDays(asWorkflowDb(deps.db), actor.companyId, { from, to })
  const byDate = new Map<string, CalendarDay & { source: 'default' | 'company' }>()
  for (const d of chinaCalendar2026)
    if (d.date >= from && d.date <= to) byDate.set(d.date, { ...d, source: 'default' })
  for (const d of company) byDate.set(d.date, { ...d, source: 'company' })
  return { year, days: [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1)) }
}
