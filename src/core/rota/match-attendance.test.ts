import { describe, expect, it } from 'vitest'
import { expandRota } from './expand-rota.ts'
import { type ClockEvent, defaultAttendanceRules, matchAttendance } from './match-attendance.ts'
import type { Rota } from './rota.ts'
import {
  earlyShift,
  lateShift,
  operationsManager,
  seedRota,
  xiaoBing,
  xiaoJiao,
} from './seed-rota.fixture.ts'
import { attendanceMetrics, summarizeAttendance } from './summarize-attendance.ts'

const shanghai = 'Asia/Shanghai'
const mon = '2026-11-23' // a Monday: 小冰 early 09:30–16:30, 小焦 late 16:30–24:00
const at = (iso: string) => Date.parse(iso)
const punch = (employeeId: number, kind: 'in' | 'out', iso: string): ClockEvent => ({
  employeeId,
  kind,
  at: at(iso),
})

function matchDay(
  events: ClockEvent[],
  rota: Rota = seedRota(),
  rules = defaultAttendanceRules,
  zone = shanghai,
) {
  return matchAttendance(expandRota(rota, mon, mon, zone), events, rules)
}

describe('matchAttendance grace minutes (5 min grace)', () => {
  it.each([
    ['09:35', false, 5], // 5 minutes late is still on time
    ['09:35:59', false, 5], // seconds are dropped
    ['09:36', true, 6], // 6 minutes late is late (迟到)
    ['09:10', false, 0],
  ])('clock-in at %s → late %s (%i min)', (time, isLate, lateMinutes) => {
    const { shifts } = matchDay([
      punch(xiaoBing, 'in', `${mon}T${time}+08:00`),
      punch(xiaoBing, 'out', `${mon}T16:31+08:00`),
    ])
    const s = shifts.find((x) => x.employeeId === xiaoBing)!
    expect([s.status, s.isLate, s.lateMinutes]).toEqual(['attended', isLate, lateMinutes])
  })

  it.each([
    ['16:25', false, 5],
    ['16:24', true, 6], // 早退
    ['18:00', false, 0],
  ])('clock-out at %s → early leave %s (%i min)', (time, isEarly, minutes) => {
    const { shifts } = matchDay([
      punch(xiaoBing, 'in', `${mon}T09:25+08:00`),
      punch(xiaoBing, 'out', `${mon}T${time}+08:00`),
    ])
    const s = shifts.find((x) => x.employeeId === xiaoBing)!
    expect([s.isEarlyLeave, s.earlyLeaveMinutes]).toEqual([isEarly, minutes])
  })

  it('uses the configured grace: with 0 minutes one minute late is late', () => {
    const { shifts } = matchDay([punch(xiaoBing, 'in', `${mon}T09:31+08:00`)], seedRota(), {
      ...defaultAttendanceRules,
      lateGraceMinutes: 0,
    })
    expect(shifts.find((x) => x.employeeId === xiaoBing)?.isLate).toBe(true)
  })
})

describe('matchAttendance statuses', () => {
  it('marks a shift without any punch as absent (旷工) and keeps stray punches apart', () => {
    const { shifts, unmatchedEvents } = matchDay([punch(xiaoJiao, 'in', `${mon}T03:00+08:00`)])
    expect(shifts.map((s) => [s.employeeId, s.status])).toEqual([
      [xiaoBing, 'absent'],
      [xiaoJiao, 'absent'],
    ])
    expect(unmatchedEvents).toHaveLength(1)
  })

  it('turns a very late arrival into absence when absentAfterMinutes is set', () => {
    const rules = { ...defaultAttendanceRules, absentAfterMinutes: 120 }
    const { shifts } = matchDay([punch(xiaoBing, 'in', `${mon}T11:31+08:00`)], seedRota(), rules)
    expect(shifts.find((x) => x.employeeId === xiaoBing)?.status).toBe('absent')
  })

  it('flags a missing clock-out without calling it early leave', () => {
    const { shifts } = matchDay([punch(xiaoBing, 'in', `${mon}T09:30+08:00`)])
    const s = shifts.find((x) => x.employeeId === xiaoBing)!
    expect([s.status, s.missingClockOut, s.isEarlyLeave]).toEqual(['attended', true, false])
  })

  it('reads a clock-out just after midnight as the end of the late shift that ends at 24:00', () => {
    const { shifts } = matchDay([
      punch(xiaoJiao, 'in', `${mon}T16:28+08:00`),
      punch(xiaoJiao, 'out', '2026-11-24T00:03+08:00'),
    ])
    const s = shifts.find((x) => x.employeeId === xiaoJiao)!
    expect([s.status, s.isLate, s.isEarlyLeave, s.missingClockOut]).toEqual(['attended', false, false, false])
  })

  it('gives an agent on leave the leave status and the covering 运营经理 the shift', () => {
    const rota = seedRota()
    rota.exceptions = [
      {
        date: mon,
        employeeId: xiaoBing,
        kind: 'leave',
        shiftId: earlyShift,
        coverEmployeeId: operationsManager,
      },
    ]
    const { shifts } = matchDay(
      [
        punch(operationsManager, 'in', `${mon}T09:40+08:00`),
        punch(operationsManager, 'out', `${mon}T16:30+08:00`),
      ],
      rota,
    )
    expect(shifts.map((s) => [s.employeeId, s.shiftId, s.status, s.isLate, s.coveringFor])).toEqual([
      [xiaoBing, earlyShift, 'leave', false, null],
      [operationsManager, earlyShift, 'attended', true, xiaoBing],
      [xiaoJiao, lateShift, 'absent', false, null],
    ])
  })

  it('matches a shift that crosses midnight', () => {
    const rota: Rota = {
      shifts: [{ id: 1, name: '夜班', start: '22:00', end: '02:00', crossesMidnight: true }],
      serviceHours: [],
      patterns: [{ employeeId: 1, weekday: 1, shiftId: 1 }],
      exceptions: [],
    }
    const { shifts } = matchDay(
      [punch(1, 'in', `${mon}T22:06+08:00`), punch(1, 'out', '2026-11-24T01:55+08:00')],
      rota,
    )
    expect(shifts.map((s) => [s.date, s.isLate, s.lateMinutes, s.isEarlyLeave, s.earlyLeaveMinutes])).toEqual(
      [[mon, true, 6, false, 5]],
    )
  })
})

describe('matchAttendance time zones', () => {
  it('reads the same instant differently in Asia/Shanghai and America/New_York', () => {
    // 01:36Z is 09:36 in Shanghai (6 min late); in New York the 09:30 start is 14:30Z, so 14:35Z is on time.
    const sh = matchDay([punch(xiaoBing, 'in', '2026-11-23T01:36:00Z')])
    expect(sh.shifts.find((s) => s.employeeId === xiaoBing)?.isLate).toBe(true)
    const ny = matchDay(
      [punch(xiaoBing, 'in', '2026-11-23T14:35:00Z')],
      seedRota(),
      defaultAttendanceRules,
      'America/New_York',
    )
    const s = ny.shifts.find((x) => x.employeeId === xiaoBing)!
    expect([s.status, s.isLate, s.lateMinutes]).toEqual(['attended', false, 5])
  })
})

describe('summarizeAttendance for a month', () => {
  it('computes 出勤率 and the counts for 小冰 in November 2026', () => {
    const rota = seedRota()
    rota.exceptions = [
      { date: '2026-11-11', employeeId: xiaoBing, kind: 'leave', shiftId: null, coverEmployeeId: null },
    ]
    const expanded = expandRota(rota, '2026-11-01', '2026-11-30', shanghai)
    const events: ClockEvent[] = []
    for (const a of expanded.assignments.filter((x) => x.employeeId === xiaoBing)) {
      if (a.date === '2026-11-18') continue // absent
      const late = a.date === '2026-11-03' ? 10 : 0
      const early = a.date === '2026-11-05' ? 30 : 0
      events.push({ employeeId: xiaoBing, kind: 'in', at: a.start + late * 60_000 })
      events.push({ employeeId: xiaoBing, kind: 'out', at: a.end - early * 60_000 })
    }
    const [summary] = summarizeAttendance(
      matchAttendance(expanded, events, defaultAttendanceRules).shifts.filter(
        (s) => s.employeeId === xiaoBing,
      ),
      defaultAttendanceRules,
    )
    // 小冰 works Monday–Saturday: 25 shifts in November 2026 (five Sundays off); one leave, one absence.
    expect(summary).toEqual({
      employeeId: xiaoBing,
      scheduledShifts: 25,
      attendedShifts: 23,
      attendanceRate: 0.92,
      lateCount: 1,
      earlyLeaveCount: 1,
      absenceCount: 1,
      leaveDays: 1,
      missingPunchCount: 0,
    })
    const excluding = summarizeAttendance(
      matchAttendance(expanded, events, defaultAttendanceRules).shifts.filter(
        (s) => s.employeeId === xiaoBing,
      ),
      { ...defaultAttendanceRules, leaveCountsAsScheduled: false },
    )
    expect([excluding[0]?.scheduledShifts, excluding[0]?.attendanceRate]).toEqual([24, 0.9583])
    expect(attendanceMetrics([summary!]).map((m) => [m.code, m.value])).toEqual([
      ['attendance_rate', 0.92],
      ['late_count', 1],
      ['early_leave_count', 1],
      ['absence_count', 1],
      ['leave_days', 1],
    ])
  })

  it('has no rate (null, not zero) when leave is all there was and leave is not counted', () => {
    const rota = seedRota()
    rota.exceptions = [
      { date: mon, employeeId: xiaoBing, kind: 'leave', shiftId: null, coverEmployeeId: null },
    ]
    const { shifts } = matchDay([], rota)
    const rules = { ...defaultAttendanceRules, leaveCountsAsScheduled: false }
    const [summary] = summarizeAttendance(
      shifts.filter((s) => s.employeeId === xiaoBing),
      rules,
    )
    expect([summary?.scheduledShifts, summary?.attendanceRate, summary?.leaveDays]).toEqual([0, null, 1])
  })
})
