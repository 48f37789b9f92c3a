import type { CalendarDay } from './working-days.ts'

// The State Council's arrangement of public holidays (法定节假日) and make-up working days (调休上班), as a
// maintained data package publishes it: each date maps to "English name,中文名,days". The service reads the
// package and passes its data in; this module only turns it into calendar days and says which years it knows.

export type StatutoryArrangement = {
  holidays: Readonly<Record<string, string>>
  workdays: Readonly<Record<string, string>>
}

export type StatutoryCalendar = {
  days: readonly CalendarDay[]
  /** The first and last year the arrangement covers; later years hold only weekends until the admin adds them. */
  firstYear: number
  lastYear: number
}

// The package abbreviates some names; the calendar speaks them the way the State Council's notice does.
const fullNames: Readonly<Record<string, string>> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' }

function chineseName(value: string): string {
  const parts = value.split(',')
  const zh = (parts[1] ?? parts[0] ?? '').trim()
  return fullNames[zh] ?? zh
}

export function statutoryCalendar(arrangement: StatutoryArrangement): StatutoryCalendar {
  const days: CalendarDay[] = []
  for (const [date, value] of Object.entries(arrangement.holidays))
    days.push({ date, kind: 'holiday', name: chineseName(value) })
  for (const [date, value] of Object.entries(arrangement.workdays))
    days.push({ date, kind: 'workday', name: `${chineseName(value)}调休上班` })
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const years = days.map((d) => Number(d.date.slice(0, 4)))
  if (years.length === 0) throw new RangeError('the statutory arrangement holds no dates')
  return { days, firstYear: Math.min(...years), lastYear: Math.max(...years) }
}

/** The dates (YYYY-MM-DD) that fall after the last year the arrangement covers, sorted and distinct. */
export function datesBeyondCoverage(dates: readonly string[], lastYear: number): string[] {
  return [...new Set(dates.filter((d) => Number(d.slice(0, 4)) > lastYear))].sort()
}

/** What the admin is told when a cycle's dates run past the arrangement: the years to check by hand. */
export type CalendarCoverageWarning = {
  code: 'calendar_not_covered'
  lastYear: number
  years: number[]
  dates: string[]
  message: string
}

export function calendarCoverageWarning(
  dates: readonly string[],
  lastYear: number,
): CalendarCoverageWarning | null {
  const beyond = datesBeyondCoverage(dates, lastYear)
  if (beyond.length === 0) return null
  const years = [...new Set(beyond.map((d) => Number(d.slice(0, 4))))]
  return {
    code: 'calendar_not_covered',
    lastYear,
    years,
    dates: beyond,
    message: `法定节假日数据只覆盖到 ${lastYear} 年；${years.join('、')} 年的日期（${beyond.join('、')}）只按周末计算，请在工作日历中添加当年的节假日和调休上班日`,
  }
}
