import { describe, expect, it } from 'vitest'
import { chinaCalendar2026 } from './china-calendar-2026.ts'
import {
  addWorkingDays,
  countWorkingDays,
  createWorkingCalendar,
  isoWeekday,
  isWorkingDay,
} from './working-days.ts'

const calendar = createWorkingCalendar(chinaCalendar2026)

describe('working days on the 2026 official calendar', () => {
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

  it('ships all 33 official days off and 6 make-up working days of 2026', () => {
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
})
