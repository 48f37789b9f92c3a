import dayjs, { type Dayjs } from 'dayjs'
import isoWeek from 'dayjs/plugin/isoWeek'

dayjs.extend(isoWeek)

// Week and month arithmetic for the rota pages; dates are YYYY-MM-DD in the company zone.

export const dateFormat = 'YYYY-MM-DD'

/** Monday of the ISO week holding `date`. */
export function weekStartOf(date: Dayjs): Dayjs {
  return date.startOf('day').subtract((date.day() + 6) % 7, 'day')
}

/** The ISO week label the sampling API speaks, e.g. 2026-W48. */
export function isoWeekLabel(date: Dayjs): string {
  return `${date.isoWeekYear()}-W${String(date.isoWeek()).padStart(2, '0')}`
}

/** The range a calendar view shows: a Monday–Sunday week or a whole month. */
export function viewRange(view: 'week' | 'month', anchor: Dayjs): { from: string; to: string } {
  if (view === 'month')
    return { from: anchor.startOf('month').format(dateFormat), to: anchor.endOf('month').format(dateFormat) }
  const monday = weekStartOf(anchor)
  return { from: monday.format(dateFormat), to: monday.add(6, 'day').format(dateFormat) }
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = dayjs(from); !d.isAfter(dayjs(to)); d = d.add(1, 'day')) out.push(d.format(dateFormat))
  return out
}

/** ISO weekday 1 (Monday) … 7 (Sunday). */
export function isoWeekdayOf(date: string): number {
  return ((dayjs(date).day() + 6) % 7) + 1
}
