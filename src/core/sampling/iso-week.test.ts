import { describe, expect, it } from 'vitest'
import { isoWeekOf, isoWeekRange, isoWeeksOfMonth, monthOfIsoWeek } from './iso-week.ts'

describe('ISO weeks', () => {
  it.each([
    ['2026-11-23', '2026-W48'],
    ['2026-11-29', '2026-W48'],
    ['2026-01-01', '2026-W01'], // a Thursday
    ['2027-01-01', '2026-W53'], // a Friday: still the last week of 2026
    ['2024-12-30', '2025-W01'], // a Monday whose Thursday is in 2025
  ])('%s is in %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week)
  })

  it('gives a week its Monday and Sunday and refuses weeks that do not exist', () => {
    expect(isoWeekRange('2026-W48')).toEqual({ monday: '2026-11-23', sunday: '2026-11-29' })
    expect(isoWeekRange('2026-W53')).toEqual({ monday: '2026-12-28', sunday: '2027-01-03' })
    expect(isoWeekRange('2025-W53')).toBeUndefined()
    expect(isoWeekRange('2026-48')).toBeUndefined()
  })

  it('puts each week in the month of its Thursday', () => {
    expect(monthOfIsoWeek('2026-W49')).toBe('2026-12') // 2026-11-30 to 2026-12-06
    expect(isoWeeksOfMonth('2026-11')).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48'])
    expect(isoWeeksOfMonth('2026-12')).toEqual(['2026-W49', '2026-W50', '2026-W51', '2026-W52', '2026-W53'])
  })
})
