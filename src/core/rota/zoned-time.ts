import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone.js'
import utc from 'dayjs/plugin/utc.js'

dayjs.extend(utc)
dayjs.extend(timezone)

// Calendar dates and wall-clock times in the company time zone (公司时区); zone math is left to dayjs.

/** The default company zone: China Standard Time, a fixed UTC+8 without daylight saving. */
export const defaultTimeZone = 'Asia/Shanghai'

const minutesPerDay = 1440
const datePattern = /^\d{4}-\d{2}-\d{2}$/
const timePattern = /^(\d{2}):(\d{2})$/

/** Minutes after midnight of a wall-clock time written HH:MM; 24:00 (= 1440) is allowed as an end. */
export function parseTimeOfDay(text: string): number | undefined {
  const m = timePattern.exec(text)
  if (!m) return undefined
  const h = Number(m[1])
  const min = Number(m[2])
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return undefined
  return h * 60 + min
}

/** HH:MM for minutes after midnight; 1440 is written 24:00, so an interval ending at midnight reads 16:30–24:00. */
export function formatTimeOfDay(minutes: number): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`
}

/** Whether the zone is an IANA zone name the runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return zone.length > 0
  } catch {
    return false
  }
}

/** Whether a YYYY-MM-DD string names a real calendar date. */
export function isValidDate(date: string): boolean {
  if (!datePattern.test(date)) return false
  const d = new Date(`${date}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date
}

/** The instant (epoch ms) of a wall-clock time `minutes` after the start of `date` in `zone`; minutes may exceed a day. */
export function toInstant(date: string, minutes: number, zone: string): number {
  const day = addDays(date, Math.floor(minutes / minutesPerDay))
  const rest = minutes % minutesPerDay
  return dayjs.tz(`${day} ${formatTimeOfDay(rest)}`, 'YYYY-MM-DD HH:mm', zone).valueOf()
}

/** The calendar date and minutes after midnight of an instant in `zone` (seconds are dropped). */
export function toLocal(instant: number, zone: string): { date: string; minutes: number } {
  const local = dayjs(instant).tz(zone)
  return { date: local.format('YYYY-MM-DD'), minutes: local.hour() * 60 + local.minute() }
}

/** The date `n` days after `date` (calendar arithmetic, no zone involved). */
export function addDays(date: string, n: number): string {
  return dayjs.utc(date).add(n, 'day').format('YYYY-MM-DD')
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayjs.utc(to).diff(dayjs.utc(from), 'day')
}

/** ISO weekday of a date: 1 = Monday (星期一) … 7 = Sunday (星期日). */
export function isoWeekday(date: string): number {
  const d = dayjs.utc(date).day()
  return d === 0 ? 7 : d
}

/** Every date from `from` to `to`, both included. */
export function eachDate(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d)
  return out
}

/** The Monday of the ISO week holding `date`. */
export function weekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date))
}

/** First and last date of a month written YYYY-MM. */
export function monthRange(month: string): { first: string; last: string } {
  const first = `${month}-01`
  return { first, last: dayjs.utc(first).endOf('month').format('YYYY-MM-DD') }
}

/** Chinese weekday names, index 1 = 星期一 … 7 = 星期日. */
export const weekdayNames = [
  '',
  '星期一',
  '星期二',
  '星期三',
  '星期四',
  '星期五',
  '星期六',
  '星期日',
] as const
