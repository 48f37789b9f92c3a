import { describe, expect, it } from 'vitest'
import { DomainError } from '../errors.ts'
import { analyseCoverage } from './analyse-coverage.ts'
import type { Rota } from './rota.ts'
import { earlyShift, operationsManager, seedRota, xiaoBing, xiaoJiao } from './seed-rota.fixture.ts'

const shanghai = 'Asia/Shanghai'
// 2026-11-23 is a Monday.
const mon = '2026-11-23'
const sun = '2026-11-29'

describe('analyseCoverage on the seed rota (000_7e0bba9429147a53.txt)', () => {
  it('leaves exactly the Saturday and Sunday early shifts uncovered', () => {
    const report = analyseCoverage(seedRota(), { from: mon, to: sun, timeZone: shanghai })
    // Saturday has only 小冰 late and Sunday only 小焦 late: nobody works 9:30–16:30 at the weekend.
    expect(report.gaps).toEqual([
      {
        date: '2026-11-28',
        weekday: 6,
        weekdayName: '星期六',
        from: '09:30',
        to: '16:30',
        onDuty: 0,
        required: 1,
        employeeIds: [],
      },
      {
        date: '2026-11-29',
        weekday: 7,
        weekdayName: '星期日',
        from: '09:30',
        to: '16:30',
        onDuty: 0,
        required: 1,
        employeeIds: [],
      },
    ])
    expect(report.weeklyHoursViolations).toEqual([])
    expect(report.consecutiveDaysViolations).toEqual([])
  })

  it('repeats the weekend gap every week of a longer range and nowhere else', () => {
    const report = analyseCoverage(seedRota(), { from: '2026-11-01', to: '2026-11-30', timeZone: shanghai })
    expect(report.gaps.map((g) => `${g.date} ${g.from}-${g.to}`)).toEqual([
      '2026-11-01 09:30-16:30',
      '2026-11-07 09:30-16:30',
      '2026-11-08 09:30-16:30',
      '2026-11-14 09:30-16:30',
      '2026-11-15 09:30-16:30',
      '2026-11-21 09:30-16:30',
      '2026-11-22 09:30-16:30',
      '2026-11-28 09:30-16:30',
      '2026-11-29 09:30-16:30',
    ])
  })

  it('needs two agents: every minute of the service hours is short by one', () => {
    const rota = seedRota()
    rota.serviceHours = rota.serviceHours.map((w) => ({ ...w, requiredAgents: 2 }))
    const report = analyseCoverage(rota, { from: mon, to: mon, timeZone: shanghai })
    expect(report.gaps.map((g) => [g.from, g.to, g.onDuty, g.required, g.employeeIds])).toEqual([
      ['09:30', '16:30', 1, 2, [xiaoBing]],
      ['16:30', '24:00', 1, 2, [xiaoJiao]],
    ])
  })

  it('reports the seed agents over a 40-hour week (小冰 43.5 h, 小焦 44 h) but not over 44', () => {
    const over40 = analyseCoverage(seedRota(), {
      from: mon,
      to: sun,
      timeZone: shanghai,
      limits: { maxWeeklyHours: 40 },
    })
    expect(over40.weeklyHoursViolations).toEqual([
      { employeeId: xiaoBing, weekStart: mon, weekEnd: sun, hours: 43.5, limit: 40 },
      { employeeId: xiaoJiao, weekStart: mon, weekEnd: sun, hours: 44, limit: 40 },
    ])
    const at44 = analyseCoverage(seedRota(), {
      from: mon,
      to: sun,
      timeZone: shanghai,
      limits: { maxWeeklyHours: 44 },
    })
    expect(at44.weeklyHoursViolations).toEqual([])
  })

  it('reports six-day runs against a five-day limit, counting runs that cross the range edges', () => {
    const report = analyseCoverage(seedRota(), {
      from: mon,
      to: sun,
      timeZone: shanghai,
      limits: { maxConsecutiveDays: 5 },
    })
    // 小焦 works Sunday to Friday; 小冰 Monday to Saturday.
    expect(report.consecutiveDaysViolations).toEqual([
      { employeeId: xiaoJiao, from: '2026-11-22', to: '2026-11-27', days: 6, limit: 5 },
      { employeeId: xiaoBing, from: '2026-11-23', to: '2026-11-28', days: 6, limit: 5 },
      { employeeId: xiaoJiao, from: '2026-11-29', to: '2026-12-04', days: 6, limit: 5 },
    ])
    const six = analyseCoverage(seedRota(), {
      from: mon,
      to: sun,
      timeZone: shanghai,
      limits: { maxConsecutiveDays: 6 },
    })
    expect(six.consecutiveDaysViolations).toEqual([])
  })
})

describe('analyseCoverage with leave and cover', () => {
  it('shows the hole when 小冰 takes Monday off and nobody covers', () => {
    const rota = seedRota()
    rota.exceptions = [
      { date: mon, employeeId: xiaoBing, kind: 'leave', shiftId: null, coverEmployeeId: null },
    ]
    const report = analyseCoverage(rota, { from: mon, to: mon, timeZone: shanghai })
    expect(report.gaps.map((g) => [g.date, g.from, g.to, g.onDuty])).toEqual([[mon, '09:30', '16:30', 0]])
  })

  it('closes the hole when the 运营经理 covers the leave', () => {
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
    expect(analyseCoverage(rota, { from: mon, to: mon, timeZone: shanghai }).gaps).toEqual([])
  })

  it('a Saturday swap moves the hole from the early to the late shift', () => {
    const rota = seedRota()
    rota.exceptions = [
      { date: '2026-11-28', employeeId: xiaoBing, kind: 'swap', shiftId: earlyShift, coverEmployeeId: null },
    ]
    const report = analyseCoverage(rota, { from: '2026-11-28', to: '2026-11-28', timeZone: shanghai })
    expect(report.gaps.map((g) => [g.from, g.to])).toEqual([['16:30', '24:00']])
  })

  it('refuses a cover that gives the 运营经理 two overlapping shifts on one day', () => {
    const rota = seedRota()
    rota.patterns.push({ employeeId: operationsManager, weekday: 1, shiftId: earlyShift })
    rota.exceptions = [
      {
        date: mon,
        employeeId: xiaoBing,
        kind: 'leave',
        shiftId: earlyShift,
        coverEmployeeId: operationsManager,
      },
    ]
    expect(() => analyseCoverage(rota, { from: mon, to: mon, timeZone: shanghai })).toThrow(DomainError)
    try {
      analyseCoverage(rota, { from: mon, to: mon, timeZone: shanghai })
    } catch (e) {
      expect((e as DomainError).issues[0]?.message).toContain(`员工 ${operationsManager}`)
    }
  })
})

describe('analyseCoverage across midnight', () => {
  const nightRota = (): Rota => ({
    shifts: [
      { id: 1, name: '夜班', start: '22:00', end: '02:00', crossesMidnight: true },
      { id: 2, name: '短夜班', start: '22:00', end: '01:00', crossesMidnight: true },
    ],
    serviceHours: [{ weekday: 5, start: '22:00', end: '02:00', crossesMidnight: true, requiredAgents: 1 }],
    patterns: [{ employeeId: 1, weekday: 5, shiftId: 2 }],
    exceptions: [],
  })

  it('reports the uncovered hour after midnight on the next calendar date', () => {
    // Friday 2026-11-27 service 22:00–02:00; the agent works 22:00–01:00, so Saturday 01:00–02:00 is open.
    const report = analyseCoverage(nightRota(), { from: '2026-11-27', to: '2026-11-27', timeZone: shanghai })
    expect(report.gaps.map((g) => [g.date, g.weekdayName, g.from, g.to])).toEqual([
      ['2026-11-28', '星期六', '01:00', '02:00'],
    ])
  })

  it('counts a shift from the day before the range into its first hours', () => {
    const rota = nightRota()
    rota.serviceHours = [
      { weekday: 6, start: '00:00', end: '03:00', crossesMidnight: false, requiredAgents: 1 },
    ]
    rota.patterns = [{ employeeId: 1, weekday: 5, shiftId: 1 }]
    const report = analyseCoverage(rota, { from: '2026-11-28', to: '2026-11-28', timeZone: shanghai })
    expect(report.gaps.map((g) => [g.date, g.from, g.to])).toEqual([['2026-11-28', '02:00', '03:00']])
  })

  it('splits a gap spanning midnight into one line per date', () => {
    const rota = nightRota()
    rota.patterns = []
    const report = analyseCoverage(rota, { from: '2026-11-27', to: '2026-11-27', timeZone: shanghai })
    expect(report.gaps.map((g) => [g.date, g.from, g.to])).toEqual([
      ['2026-11-27', '22:00', '24:00'],
      ['2026-11-28', '00:00', '02:00'],
    ])
  })
})

describe('analyseCoverage in a configurable time zone', () => {
  it('gives the same wall-clock gaps in America/New_York as in Asia/Shanghai', () => {
    const ny = analyseCoverage(seedRota(), { from: mon, to: sun, timeZone: 'America/New_York' })
    const sh = analyseCoverage(seedRota(), { from: mon, to: sun, timeZone: shanghai })
    expect(ny.gaps).toEqual(sh.gaps)
    expect(ny.timeZone).toBe('America/New_York')
  })

  it('counts real hours: a night shift across the spring-forward night is an hour shorter in New York', () => {
    const rota: Rota = {
      shifts: [{ id: 1, name: '夜班', start: '22:00', end: '06:00', crossesMidnight: true }],
      serviceHours: [],
      patterns: [{ employeeId: 1, weekday: 6, shiftId: 1 }],
      exceptions: [],
    }
    // New York moves its clocks forward on Sunday 2026-03-08 at 02:00; Shanghai has no daylight saving.
    const range = { from: '2026-03-02', to: '2026-03-08', limits: { maxWeeklyHours: 7.5 } }
    expect(
      analyseCoverage(rota, { ...range, timeZone: shanghai }).weeklyHoursViolations.map((v) => v.hours),
    ).toEqual([8])
    expect(analyseCoverage(rota, { ...range, timeZone: 'America/New_York' }).weeklyHoursViolations).toEqual(
      [],
    )
  })
})
