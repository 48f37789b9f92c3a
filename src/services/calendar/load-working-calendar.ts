import { chinaCalendar2026 } from '../../core/calendar/china-calendar-2026.ts'
import { createWorkingCalendar, type WorkingCalendar } from '../../core/calendar/working-days.ts'
import { listCalendarDays } from '../../db/calendar-repository.ts'
import type { WorkflowDb } from '../../db/workflow-tables.ts'

/** The company's working-day calendar: the shipped 2026 official calendar, overridden by the admin's entries. */
export async function loadWorkingCalendar(db: WorkflowDb, companyId: number): Promise<WorkingCalendar> {
  return createWorkingCalendar(chinaCalendar2026, await listCalendarDays(db, companyId))
}
