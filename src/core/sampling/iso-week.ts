import { addDays, isoWeekday, isValidDate, weekStart } from '../rota/zoned-time.ts'

// ISO weeks (周) written YYYY-Www, the unit of the supervisor's weekly sampling (每周抽查).

const weekPattern = /^(\d{4})-W(\d{2})$/

/** The Monday of ISO week 1 of `year`: the week that holds 4 January. */
function firstMonday(year: number): string {
  return weekStart(`${String(year).padStart(4, '0')}-01-04`)
}

/** The ISO week holding a date, e.g. 2026-11-23 → 2026-W48. */
export function isoWeekOf(date: string): string {
  const thursday = addDays(date, 4 - isoWeekday(date))
  const year = Number(thursday.slice(0, 4))
  const index =
    Math.round((Date.parse(weekStart(thursday)) - Date.parse(firstMonday(year))) / 604_800_000) + 1
  return `${year}-W${String(index).padStart(2, '0')}`
}

/** Monday and Sunday of an ISO week, or undefined when the text is not a week that exists. */
export function isoWeekRange(week: string): { monday: string; sunday: string } | undefined {
  const m = weekPattern.exec(week)
  if (!m) return undefined
  const monday = addDays(firstMonday(Number(m[1])), (Number(m[2]) - 1) * 7)
  if (!isValidDate(monday) || isoWeekOf(monday) !== week) return undefined
  return { monday, sunday: addDays(monday, 6) }
}

/** The month (YYYY-MM) a week belongs to: the month of its Thursday, so each week falls in exactly one month. */
export function monthOfIsoWeek(week: string): string | undefined {
  const range = isoWeekRange(week)
  return range && addDays(range.monday, 3).slice(0, 7)
}

/** The ISO weeks that belong to a month (YYYY-MM) by the Thursday rule. */
export function isoWeeksOfMonth(month: string): string[] {
  const weeks: string[] = []
  for (let d = weekStart(`${month}-01`); d.slice(0, 7) <= month; d = addDays(d, 7)) {
    const week = isoWeekOf(d)
    if (monthOfIsoWeek(week) === month) weeks.push(week)
  }
  return weeks
}
