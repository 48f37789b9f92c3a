// Working days (工作日) on a calendar of public holidays and make-up working days (调休上班): Monday–Friday
// work unless listed as a holiday; Saturday and Sunday are rest days unless listed as a working day.
// Dates are 'YYYY-MM-DD' strings, read as calendar dates (no time zone).

export type CalendarDayKind = 'holiday' | 'workday'
export type CalendarDay = { date: string; kind: CalendarDayKind; name: string }

export type WorkingCalendar = { byDate: ReadonlyMap<string, CalendarDay> }

/** Builds a calendar; later lists override earlier ones for the same date (company entries over defaults). */
export function createWorkingCalendar(...lists: readonly (readonly CalendarDay[])[]): WorkingCalendar {
  const byDate = new Map<string, CalendarDay>()
  for (const list of lists) for (const day of list) byDate.set(day.date, day)
  return { byDate }
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/

function toTime(date: string): number {
  if (!datePattern.test(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`)
  const t = Date.parse(`${date}T00:00:00Z`)
  if (Number.isNaN(t)) throw new RangeError(`not a calendar date: ${date}`)
  return t
}

function fromTime(t: number): string {
  return new Date(t).toISOString().slice(0, 10)
}

/** The date n calendar days later (n may be negative). */
export function addCalendarDays(date: string, n: number): string {
  return fromTime(toTime(date) + n * 86_400_000)
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(toTime(date)).getUTCDay()
  return d === 0 ? 7 : d
}

export function isWorkingDay(calendar: WorkingCalendar, date: string): boolean {
  const listed = calendar.byDate.get(date)
  if (listed) return listed.kind === 'workday'
  return isoWeekday(date) <= 5
}

/**
 * The n-th working day after `date` (the date itself does not count): a window of "3 working days from
 * publication" on a Friday ends on Wednesday. n = 0 returns the date itself.
 */
export function addWorkingDays(calendar: WorkingCalendar, date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`)
  let current = date
  let left = n
  // A year holds at least 200 working days; a bound keeps bad calendars (all holidays) from looping forever.
  for (let guard = 0; left > 0; guard++) {
    if (guard > n * 7 + 400) throw new RangeError(`no ${n} working days found after ${date}`)
    current = addCalendarDays(current, 1)
    if (isWorkingDay(calendar, current)) left--
  }
  return current
}

/** How many working days lie after `from` up to and including `to` (0 when to ≤ from). */
export function countWorkingDays(calendar: WorkingCalendar, from: string, to: string): number {
  let count = 0
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
    if (isWorkingDay(calendar, d)) count++
  }
  return count
}
