import { monthlyAttendanceInputSchema } from '../../contracts/rota.ts'
import { expandRota } from '../../core/rota/expand-rota.ts'
import {
  type AttendanceRules,
  type ClockEvent,
  matchAttendance,
  type ShiftAttendance,
} from '../../core/rota/match-attendance.ts'
import {
  type AttendanceMetric,
  type AttendanceSummary,
  attendanceMetrics,
  summarizeAttendance,
} from '../../core/rota/summarize-attendance.ts'
import { addDays, monthRange, toInstant } from '../../core/rota/zoned-time.ts'
import { createRotaRepository } from '../../db/rota-repository.ts'
import { companyTimeZone } from './company-time-zone.ts'
import { parseRotaInput } from './parse-rota-input.ts'
import type { RotaDeps } from './rota-deps.ts'
import { requireInRotaScope } from './rota-scope.ts'

export type MonthlyAttendance = {
  month: string
  timeZone: string
  rules: AttendanceRules
  /** Every rostered shift of the month (by its start date) with punches and verdict. */
  shifts: ShiftAttendance[]
  summaries: AttendanceSummary[]
  /** attendance_rate, late_count, early_leave_count, absence_count, leave_days per agent. */
  metrics: AttendanceMetric[]
  /** Punches near the month that fit no rostered shift (e.g. clocking in on a rest day). */
  unmatchedEvents: ClockEvent[]
  /** Names of the employees above, by id. */
  employeeNames: Record<number, string>
  /**
   * Whether any clock data was imported for the month. Without it nobody is judged absent: the figures are missing
   * (「无考勤数据」), the metrics null, never 旷工 or 0 %.
   */
  clockData: boolean
}

/**
 * Matches the month's clock records against the rota and returns per-shift verdicts, monthly figures and metrics,
 * of the agents asked for or else of everyone within the caller's reach (one asked for out of reach is 404).
 */
export async function computeMonthlyAttendance(
  deps: Pick<RotaDeps, 'db' | 'actor'>,
  companyId: number,
  month: string,
  options: { employeeIds?: number[]; until?: Date } = {},
): Promise<MonthlyAttendance> {
  const { until, ...asked } = options
  const scope = await requireInRotaScope(deps, asked.employeeIds ?? [])
  const filters =
    asked.employeeIds !== undefined || scope.all ? asked : { employeeIds: [...scope.employeeIds] }
  const input = parseRotaInput(monthlyAttendanceInputSchema, { month, ...filters }, 'month')
  const repo = createRotaRepository(deps.db)
  const timeZone = await companyTimeZone(repo, companyId)
  const stored = await repo.getAttendanceRules(companyId)
  const rules: AttendanceRules = {
    lateGraceMinutes: stored.lateGraceMinutes,
    earlyLeaveGraceMinutes: stored.earlyLeaveGraceMinutes,
    absentAfterMinutes: stored.absentAfterMinutes,
    matchWindowMinutes: stored.matchWindowMinutes,
    leaveCountsAsScheduled: stored.leaveCountsAsScheduled,
  }
  const { first, last } = monthRange(input.month)
  // Neighbouring days are matched too, so their punches are not mistaken for stray ones, then dropped.
  const rota = await repo.loadRota(companyId, addDays(first, -1), addDays(last, 1))
  const expanded = expandRota(rota, addDays(first, -1), addDays(last, 1), timeZone)
  const wanted = input.employeeIds && new Set(input.employeeIds)
  const keep = <T extends { employeeId: number }>(xs: T[]) =>
    wanted ? xs.filter((x) => wanted.has(x.employeeId)) : xs
  const scoped = { assignments: keep(expanded.assignments), leaves: keep(expanded.leaves) }
  const monthStart = toInstant(first, 0, timeZone)
  const monthEnd = toInstant(addDays(last, 1), 0, timeZone)
  const window = rules.matchWindowMinutes * 60_000
  const allEvents = await repo.listClockEvents(
    companyId,
    monthStart - 1_440 * 60_000 - window,
    monthEnd + 2_880 * 60_000 + window,
  )
  // Clock data for the month at all (anyone's punches): without any, absences are unknown, not 旷工.
  const clockData = allEvents.some((e) => e.at >= monthStart && e.at < monthEnd)
  const events = keep(allEvents)
  const matched = matchAttendance(scoped, events, rules)
  // With `until` (usually now), shifts not yet over are left out rather than judged absent.
  const shifts = matched.shifts.filter(
    (s) => s.date >= first && s.date <= last && (until === undefined || s.scheduledEnd <= until.getTime()),
  )
  const unmatchedEvents = matched.unmatchedEvents.filter((e) => e.at >= monthStart && e.at < monthEnd)
  const summaries = summarizeAttendance(shifts, rules)
  const names = await repo.employeeNames(
    companyId,
    summaries.map((x) => x.employeeId),
  )
  return {
    month: input.month,
    timeZone,
    rules,
    shifts,
    summaries,
    metrics: clockData
      ? attendanceMetrics(summaries)
      : attendanceMetrics(summaries).map((m) => (m.code === 'leave_days' ? m : { ...m, value: null })),
    unmatchedEvents,
    employeeNames: Object.fromEntries(names),
    clockData,
  }
}
