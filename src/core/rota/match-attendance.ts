import type { Assignment, LeaveShift } from './expand-rota.ts'

// Attendance matching (考勤比对): clock records against the rota, per agent and shift.

/** Thresholds the company sets; minutes are whole minutes and punches are read to the minute (seconds dropped). */
export type AttendanceRules = {
  /** Arriving up to this many minutes after the start is on time (迟到宽限). */
  lateGraceMinutes: number
  /** Leaving up to this many minutes before the end is not early (早退宽限). */
  earlyLeaveGraceMinutes: number
  /** Arriving more than this many minutes late counts as absence (旷工); null = never. */
  absentAfterMinutes: number | null
  /** How far before a start (clock-in) or after an end (clock-out) a punch still belongs to the shift. */
  matchWindowMinutes: number
  /** Whether shifts taken as approved leave count in the 出勤率 denominator. */
  leaveCountsAsScheduled: boolean
}

export const defaultAttendanceRules: AttendanceRules = {
  lateGraceMinutes: 5,
  earlyLeaveGraceMinutes: 5,
  absentAfterMinutes: null,
  matchWindowMinutes: 240,
  leaveCountsAsScheduled: true,
}

/** One punch of the clock; `at` is an instant (epoch ms). */
export type ClockEvent = { employeeId: number; at: number; kind: 'in' | 'out' }

/** attended 出勤, absent 旷工, leave 请假. */
export type ShiftAttendanceStatus = 'attended' | 'absent' | 'leave'

export type ShiftAttendance = {
  date: string
  employeeId: number
  shiftId: number
  shiftName: string
  scheduledStart: number
  scheduledEnd: number
  clockIn: number | null
  clockOut: number | null
  status: ShiftAttendanceStatus
  isLate: boolean
  lateMinutes: number
  isEarlyLeave: boolean
  earlyLeaveMinutes: number
  missingClockIn: boolean
  missingClockOut: boolean
  coveringFor: number | null
}

export type AttendanceMatch = { shifts: ShiftAttendance[]; unmatchedEvents: ClockEvent[] }

const minute = 60_000
const toMinute = (at: number) => Math.floor(at / minute) * minute

/** Each rostered shift with its punches and verdict; punches that fit no shift come back unmatched. */
export function matchAttendance(
  expanded: { assignments: Assignment[]; leaves: LeaveShift[] },
  events: ClockEvent[],
  rules: AttendanceRules,
): AttendanceMatch {
  const window = rules.matchWindowMinutes * minute
  const ins = new Map<Assignment, number[]>()
  const outs = new Map<Assignment, number[]>()
  const unmatchedEvents: ClockEvent[] = []
  const byEmployee = new Map<number, Assignment[]>()
  for (const a of expanded.assignments)
    byEmployee.set(a.employeeId, [...(byEmployee.get(a.employeeId) ?? []), a])

  for (const event of events) {
    const at = toMinute(event.at)
    const candidates = (byEmployee.get(event.employeeId) ?? []).filter((a) =>
      event.kind === 'in' ? a.start - window <= at && at < a.end : a.start < at && at <= a.end + window,
    )
    const anchor = (a: Assignment) => (event.kind === 'in' ? a.start : a.end)
    const best = candidates.sort((a, b) => Math.abs(at - anchor(a)) - Math.abs(at - anchor(b)))[0]
    if (!best) {
      unmatchedEvents.push(event)
      continue
    }
    const target = event.kind === 'in' ? ins : outs
    target.set(best, [...(target.get(best) ?? []), at])
  }

  const shifts: ShiftAttendance[] = expanded.assignments.map((a) => {
    const clockIn = min(ins.get(a))
    const clockOut = max(outs.get(a))
    const lateMinutes = clockIn === null ? 0 : Math.max(0, Math.round((clockIn - a.start) / minute))
    const earlyLeaveMinutes = clockOut === null ? 0 : Math.max(0, Math.round((a.end - clockOut) / minute))
    const noPunch = clockIn === null && clockOut === null
    const tooLate =
      rules.absentAfterMinutes !== null && clockIn !== null && lateMinutes > rules.absentAfterMinutes
    const status: ShiftAttendanceStatus = noPunch || tooLate ? 'absent' : 'attended'
    const attended = status === 'attended'
    return {
      date: a.date,
      employeeId: a.employeeId,
      shiftId: a.shiftId,
      shiftName: a.shiftName,
      scheduledStart: a.start,
      scheduledEnd: a.end,
      clockIn,
      clockOut,
      status,
      isLate: attended && lateMinutes > rules.lateGraceMinutes,
      lateMinutes,
      isEarlyLeave: attended && earlyLeaveMinutes > rules.earlyLeaveGraceMinutes,
      earlyLeaveMinutes,
      missingClockIn: !noPunch && clockIn === null,
      missingClockOut: !noPunch && clockOut === null,
      coveringFor: a.coveringFor,
    }
  })
  for (const l of expanded.leaves)
    shifts.push({
      date: l.date,
      employeeId: l.employeeId,
      shiftId: l.shiftId,
      shiftName: l.shiftName,
      scheduledStart: l.start,
      scheduledEnd: l.end,
      clockIn: null,
      clockOut: null,
      status: 'leave',
      isLate: false,
      lateMinutes: 0,
      isEarlyLeave: false,
      earlyLeaveMinutes: 0,
      missingClockIn: false,
      missingClockOut: false,
      coveringFor: null,
    })
  shifts.sort((x, y) => x.scheduledStart - y.scheduledStart || x.employeeId - y.employeeId)
  return { shifts, unmatchedEvents }
}

const min = (xs: number[] | undefined) => (xs && xs.length > 0 ? Math.min(...xs) : null)
const max = (xs: number[] | undefined) => (xs && xs.length > 0 ? Math.max(...xs) : null)
