import { createWorkingCalendar, type WorkingCalendar } from '../../core/calendar/working-days.ts'
import { listCalendarDays } from '../../db/calendar-repository.ts'
import type { Db } from '../../db/database.ts'
import { loadStatutoryCalendar } from './statutory-calendar.ts'

/** The company's working-day calendar: the statutory arrangement (chinese-days), overridden by the admin's entries. */
export async function loadWorkingCalendar(db: Db, companyId: number): Promise<WorkingCalendar> {
  return createWorkingCalendar(loadStatutoryCalendar().days, await listCalendarDays(db, companyId))
}
