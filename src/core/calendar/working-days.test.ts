import arrangement from 'chinese-days/dist/chinese-days.json'
import { describe, expect, it } from 'vitest'
import { calendarCoverageWarning, statutoryCalendar } from './statutory-arrangement.ts'
import {
  addWorkingDays,
  countWorkingDays,
  createWorkingCalendar,
  isoWeekday,
  isWorkingDay,
} from './working-days.ts'

// The statutory arrangement as the chinese-days package publishes it (passed in as data, as the service does).
const statutory = statutoryCalendar(arrangement)
const chinaCalendar2026 = statutory.days.filter((d) => d.date.startsWith('2026-'))
const calendar = createWorkingCalendar(statutory.days)

describe('working days on the 2026 official calendar (from the chinese-days package)', () => {
  it.each([
    // [signed on, window, last day to appeal, why]
    ['2026-11-20', 3, '2026-11-25', 'Friday + 3 skips the weekend'],
    ['2026-11-18', 3, '2026-11-23', 'Wednesday + 3 crosses one weekend'],
    ['2026-09-30', 3, '2026-10-10', 'National Day 10-01…07 off; 10-08, 10-09 and the make-up Saturday 10-10'],
    ['2026-09-30', 4, '2026-10-12', 'then Sunday 10-11 is rest, Monday 10-12 works'],
    ['2026-09-18', 1, '2026-09-20', 'Sunday 09-20 is a make-up working day before National Day'],
    ['2026-09-24', 1, '2026-09-28', 'Mid-Autumn 09-25…27 off'],
    ['2026-02-13', 2, '2026-02-24', 'Sat 02-14 works, Spring Festival 02-15…23 off'],
    ['2025-12-31', 1, '2026-01-04', 'New Year 01-01…03 off, Sunday 01-04 works'],
  ])('%s + %i working days = %s (%s)', (from, n, expected) => {
    expect(addWorkingDays(calendar, from, n)).toBe(expected)
  })

  it('treats weekdays as working and weekends as rest unless the calendar says otherwise', () => {
    expect(isoWeekday('2026-10-10')).toBe(6)
    expect(isWorkingDay(calendar, '2026-10-10')).toBe(true)
    expect(isWorkingDay(calendar, '2026-10-01')).toBe(false)
    expect(isWorkingDay(calendar, '2026-11-21')).toBe(false)
    expect(isWorkingDay(calendar, '2026-11-23')).toBe(true)
  })

  it('lets a company entry override the default (a company adds its own day off)', () => {
    const company = createWorkingCalendar(chinaCalendar2026, [
      { date: '2026-11-23', kind: 'holiday', name: '店庆' },
      { date: '2026-10-10', kind: 'holiday', name: '不调休' },
    ])
    expect(addWorkingDays(company, '2026-11-20', 1)).toBe('2026-11-24')
    expect(addWorkingDays(company, '2026-09-30', 3)).toBe('2026-10-12')
  })

  it('counts working days between two dates and round-trips with addWorkingDays', () => {
    for (const [from, n] of [
      ['2026-09-28', 5],
      ['2026-02-10', 7],
      ['2026-04-30', 3],
    ] as const) {
      expect(countWorkingDays(calendar, from, addWorkingDays(calendar, from, n))).toBe(n)
    }
    expect(countWorkingDays(calendar, '2026-10-01', '2026-10-07')).toBe(0)
  })

  it('reads all 33 official days off and 6 make-up working days of 2026 from the package', () => {
    expect(chinaCalendar2026.filter((d) => d.kind === 'holiday')).toHaveLength(33)
    expect(chinaCalendar2026.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ])
  })

  it('names the days the way the State Council notice does', () => {
    const byDate = new Map(statutory.days.map((d) => [d.date, d]))
    expect(byDate.get('2026-10-01')).toEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节' })
    expect(byDate.get('2026-02-15')).toEqual({ date: '2026-02-15', kind: 'holiday', name: '春节' })
    expect(byDate.get('2026-09-25')?.name).toBe('中秋节')
    expect(byDate.get('2026-02-28')).toEqual({ date: '2026-02-28', kind: 'workday', name: '春节调休上班' })
  })

  it('lets a company entry override a statutory holiday (the company works on 10-07)', () => {
    const company = createWorkingCalendar(statutory.days, [
      { date: '2026-10-07', kind: 'workday', name: '值班' },
    ])
    expect(addWorkingDays(calendar, '2026-09-30', 1)).toBe('2026-10-08')
    expect(addWorkingDays(company, '2026-09-30', 1)).toBe('2026-10-07')
  })
})

describe('years beyond the package', () => {
  it('covers 2004 to 2026 in chinese-days 1.5.7', () => {
    expect(statutory.firstYear).toBe(2004)
    expect(statutory.lastYear).toBeGreaterThanOrEqual(2026)
  })

  it('tells the admin when a deadline falls in 2027 and the package has no 2027 arrangement', () => {
    // chinese-days 1.5.7 stops at 2026: 春节 2027 (02-06) is only a weekend day to it.
    expect(statutory.days.some((d) => d.date.startsWith('2027-'))).toBe(false)
    const warning = calendarCoverageWarning(['2027-01-01', '2027-01-31', '2027-02-05'], statutory.lastYear)
    expect(warning).toMatchObject({
      code: 'calendar_not_covered',
      lastYear: 2026,
      years: [2027],
      dates: ['2027-01-01', '2027-01-31', '2027-02-05'],
    })
    expect(warning?.message).toContain('2026')
    expect(calendarCoverageWarning(['2026-12-31'], statutory.lastYear)).toBeNull()
  })

  it('skips 春节 2027 once the admin enters it over the package', () => {
    const springFestival2027 = ['06', '07', '08', '09', '10', '11', '12'].map((d) => ({
      date: `2027-02-${d}`,
      kind: 'holiday' as const,
      name: '春节',
    }))
    const company = createWorkingCalendar(statutory.days, springFestival2027)
    // Thu 02-04 + 2: Fri 02-05, then 春节 02-06…12 and the weekend 02-13/14 are off, Mon 02-15 works.
    expect(addWorkingDays(company, '2027-02-04', 2)).toBe('2027-02-15')
    expect(addWorkingDays(calendar, '2027-02-04', 2)).toBe('2027-02-08')
  })
})
