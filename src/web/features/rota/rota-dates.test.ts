import dayjs from 'dayjs'
import { describe, expect, it } from 'vitest'
import { datesBetween, isoWeekdayOf, isoWeekLabel, viewRange } from './rota-dates.ts'

describe('rota dates', () => {
  it('shows a Monday–Sunday week and a whole month', () => {
    // 2026-11-29 is a Sunday: its week started on Monday 11-23.
    expect(viewRange('week', dayjs('2026-11-29'))).toEqual({ from: '2026-11-23', to: '2026-11-29' })
    expect(viewRange('month', dayjs('2026-11-29'))).toEqual({ from: '2026-11-01', to: '2026-11-30' })
  })

  it('names ISO weeks across the year end', () => {
    expect(isoWeekLabel(dayjs('2026-11-23'))).toBe('2026-W48')
    expect(isoWeekLabel(dayjs('2027-01-01'))).toBe('2026-W53')
  })

  it('lists dates and weekdays', () => {
    expect(datesBetween('2026-11-28', '2026-12-01')).toEqual([
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
    ])
    expect(['2026-11-23', '2026-11-29'].map(isoWeekdayOf)).toEqual([1, 7])
  })
})
