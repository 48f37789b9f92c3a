import { expandRota } from './expand-rota.ts'
import { type Rota, spanOf } from './rota.ts'
import {
  addDays,
  eachDate,
  formatTimeOfDay,
  isoWeekday,
  toInstant,
  toLocal,
  weekdayNames,
  weekStart,
} from './zoned-time.ts'

// Coverage check (排班覆盖检查): which stretches of the service hours have too few agents, and who works too much.

/** Limits the admin sets; null or absent means no limit. */
export type CoverageLimits = { maxWeeklyHours?: number | null; maxConsecutiveDays?: number | null }

/** A stretch of one calendar date's service hours with fewer agents on duty than required. */
export type CoverageGap = {
  date: string
  weekday: number
  weekdayName: string
  from: string
  to: string
  onDuty: number
  required: number
  employeeIds: number[]
}

export type WeeklyHoursViolation = {
  employeeId: number
  weekStart: string
  weekEnd: string
  hours: number
  limit: number
}

export type ConsecutiveDaysViolation = {
  employeeId: number
  from: string
  to: string
  days: number
  limit: number
}

export type CoverageReport = {
  from: string
  to: string
  timeZone: string
  gaps: CoverageGap[]
  weeklyHoursViolations: WeeklyHoursViolation[]
  consecutiveDaysViolations: ConsecutiveDaysViolation[]
}

type Segment = { start: number; end: number; required: number; employeeIds: number[] }

/** The coverage report for `from`–`to` (both included, dates in `timeZone`). */
export function analyseCoverage(
  rota: Rota,
  range: { from: string; to: string; timeZone: string; limits?: CoverageLimits },
): CoverageReport {
  const { from, to, timeZone } = range
  // A shift from the day before may reach past midnight into `from`.
  const { assignments } = expandRota(rota, addDays(from, -1), to, timeZone)

  const windows: { start: number; end: number; required: number }[] = []
  for (const date of eachDate(from, to)) {
    for (const w of rota.serviceHours) {
      if (w.weekday !== isoWeekday(date) || w.requiredAgents <= 0) continue
      const span = spanOf(w)
      windows.push({
        start: toInstant(date, span.start, timeZone),
        end: toInstant(date, span.end, timeZone),
        required: w.requiredAgents,
      })
    }
  }
  const cuts = new Set<number>()
  for (const w of windows) cuts.add(w.start).add(w.end)
  for (const a of assignments) cuts.add(a.start).add(a.end)
  const points = [...cuts].sort((a, b) => a - b)

  const short: Segment[] = []
  for (let i = 1; i < points.length; i++) {
    const start = points[i - 1]!
    const end = points[i]!
    const required = windows
      .filter((w) => w.start <= start && end <= w.end)
      .reduce((n, w) => n + w.required, 0)
    if (required === 0) continue
    const employeeIds = [
      ...new Set(assignments.filter((a) => a.start <= start && end <= a.end).map((a) => a.employeeId)),
    ].sort((a, b) => a - b)
    if (employeeIds.length < required) short.push({ start, end, required, employeeIds })
  }

  const gaps = mergeSegments(splitAtMidnight(short, timeZone), timeZone).map((s) => toGap(s, timeZone))
  return {
    from,
    to,
    timeZone,
    gaps,
    weeklyHoursViolations: checkWeeklyHours(rota, range),
    consecutiveDaysViolations: checkConsecutiveDays(rota, range),
  }
}

function splitAtMidnight(segments: Segment[], timeZone: string): Segment[] {
  const out: Segment[] = []
  for (const seg of segments) {
    let start = seg.start
    while (start < seg.end) {
      const midnight = toInstant(addDays(toLocal(start, timeZone).date, 1), 0, timeZone)
      const end = Math.min(seg.end, midnight)
      out.push({ ...seg, start, end })
      start = end
    }
  }
  return out
}

/** Joins touching segments with the same agents and requirement, never across a local midnight. */
function mergeSegments(segments: Segment[], timeZone: string): Segment[] {
  const out: Segment[] = []
  for (const seg of segments) {
    const last = out.at(-1)
    if (
      last &&
      last.end === seg.start &&
      last.required === seg.required &&
      last.employeeIds.join() === seg.employeeIds.join() &&
      toLocal(last.start, timeZone).date === toLocal(seg.start, timeZone).date
    )
      last.end = seg.end
    else out.push({ ...seg })
  }
  return out
}

function toGap(seg: Segment, timeZone: string): CoverageGap {
  const start = toLocal(seg.start, timeZone)
  const end = toLocal(seg.end, timeZone)
  const endMinutes = end.date === start.date ? end.minutes : end.minutes + 1440
  const weekday = isoWeekday(start.date)
  return {
    date: start.date,
    weekday,
    weekdayName: weekdayNames[weekday]!,
    from: formatTimeOfDay(start.minutes),
    to: formatTimeOfDay(endMinutes),
    onDuty: seg.employeeIds.length,
    required: seg.required,
    employeeIds: seg.employeeIds,
  }
}

const hour = 3_600_000

function checkWeeklyHours(
  rota: Rota,
  range: { from: string; to: string; timeZone: string; limits?: CoverageLimits },
): WeeklyHoursViolation[] {
  const limit = range.limits?.maxWeeklyHours
  if (limit == null) return []
  const first = weekStart(range.from)
  const last = addDays(weekStart(range.to), 6)
  const { assignments } = expandRota(rota, first, last, range.timeZone)
  const totals = new Map<string, { employeeId: number; weekStart: string; ms: number }>()
  for (const a of assignments) {
    const ws = weekStart(a.date)
    const key = `${a.employeeId}|${ws}`
    const t = totals.get(key) ?? { employeeId: a.employeeId, weekStart: ws, ms: 0 }
    t.ms += a.end - a.start
    totals.set(key, t)
  }
  return [...totals.values()]
    .map((t) => ({
      employeeId: t.employeeId,
      weekStart: t.weekStart,
      weekEnd: addDays(t.weekStart, 6),
      hours: Math.round((t.ms / hour) * 100) / 100,
      limit,
    }))
    .filter((v) => v.hours > limit)
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart) || a.employeeId - b.employeeId)
}

function checkConsecutiveDays(
  rota: Rota,
  range: { from: string; to: string; timeZone: string; limits?: CoverageLimits },
): ConsecutiveDaysViolation[] {
  const limit = range.limits?.maxConsecutiveDays
  if (limit == null) return []
  // Look far enough either side that a run crossing the range's edges is counted whole (up to 31 days out).
  const reach = Math.max(limit + 1, 31)
  const { assignments } = expandRota(
    rota,
    addDays(range.from, -reach),
    addDays(range.to, reach),
    range.timeZone,
  )
  const datesByEmployee = new Map<number, Set<string>>()
  for (const a of assignments)
    datesByEmployee.set(a.employeeId, (datesByEmployee.get(a.employeeId) ?? new Set()).add(a.date))
  const out: ConsecutiveDaysViolation[] = []
  for (const [employeeId, dates] of datesByEmployee) {
    const sorted = [...dates].sort()
    let runStart = 0
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] === addDays(sorted[i - 1]!, 1)) continue
      const from = sorted[runStart]!
      const to = sorted[i - 1]!
      const days = i - runStart
      if (days > limit && from <= range.to && to >= range.from)
        out.push({ employeeId, from, to, days, limit })
      runStart = i
    }
  }
  return out.sort((a, b) => a.from.localeCompare(b.from) || a.employeeId - b.employeeId)
}
