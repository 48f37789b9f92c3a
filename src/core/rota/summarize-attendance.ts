import type { AttendanceRules, ShiftAttendance } from './match-attendance.ts'

// Monthly attendance figures (月度考勤统计) and the metrics they become.

/** Monthly figures for one agent (月度考勤). */
export type AttendanceSummary = {
  employeeId: number
  scheduledShifts: number
  attendedShifts: number
  /** 出勤率 = attended scheduled shifts / scheduled shifts, a ratio 0–1 to 4 places; null with nothing scheduled. */
  attendanceRate: number | null
  lateCount: number
  earlyLeaveCount: number
  absenceCount: number
  leaveDays: number
  missingPunchCount: number
}

/** Per-agent monthly figures from matched shifts (pure; the caller picks the month's shifts). */
export function summarizeAttendance(shifts: ShiftAttendance[], rules: AttendanceRules): AttendanceSummary[] {
  const byEmployee = new Map<number, ShiftAttendance[]>()
  for (const s of shifts) byEmployee.set(s.employeeId, [...(byEmployee.get(s.employeeId) ?? []), s])
  return [...byEmployee.entries()]
    .sort(([a], [b]) => a - b)
    .map(([employeeId, list]) => {
      const attended = list.filter((s) => s.status === 'attended')
      const absent = list.filter((s) => s.status === 'absent').length
      const leave = list.filter((s) => s.status === 'leave')
      const scheduled = attended.length + absent + (rules.leaveCountsAsScheduled ? leave.length : 0)
      return {
        employeeId,
        scheduledShifts: scheduled,
        attendedShifts: attended.length,
        attendanceRate: scheduled === 0 ? null : Math.round((attended.length / scheduled) * 10_000) / 10_000,
        lateCount: attended.filter((s) => s.isLate).length,
        earlyLeaveCount: attended.filter((s) => s.isEarlyLeave).length,
        absenceCount: absent,
        leaveDays: new Set(leave.map((s) => s.date)).size,
        missingPunchCount: attended.filter((s) => s.missingClockIn || s.missingClockOut).length,
      }
    })
}

export const attendanceMetricCodes = [
  'attendance_rate',
  'late_count',
  'early_leave_count',
  'absence_count',
  'leave_days',
] as const
export type AttendanceMetricCode = (typeof attendanceMetricCodes)[number]

export type AttendanceMetric = { employeeId: number; code: AttendanceMetricCode; value: number | null }

/** The summary as metric values, ready to be stored as metrics for the attitude/attendance indicators. */
export function attendanceMetrics(summaries: AttendanceSummary[]): AttendanceMetric[] {
  return summaries.flatMap((s) => [
    { employeeId: s.employeeId, code: 'attendance_rate' as const, value: s.attendanceRate },
    { employeeId: s.employeeId, code: 'late_count' as const, value: s.lateCount },
    { employeeId: s.employeeId, code: 'early_leave_count' as const, value: s.earlyLeaveCount },
    { employeeId: s.employeeId, code: 'absence_count' as const, value: s.absenceCount },
    { employeeId: s.employeeId, code: 'leave_days' as const, value: s.leaveDays },
  ])
}
