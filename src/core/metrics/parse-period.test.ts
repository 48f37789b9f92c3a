import { describe, expect, it } from 'vitest'
import { parsePeriod, periodDays, previousPeriod } from './parse-period.ts'

describe('parsePeriod', () => {
  it.each([
    ['2011-11', '2011-11-01', '2011-12-01', 'month'],
    ['2011-12', '2011-12-01', '2012-01-01', 'month'],
    ['2011-Q4', '2011-10-01', '2012-01-01', 'quarter'],
    ['2011', '2011-01-01', '2012-01-01', 'year'],
    ['2011-11-05', '2011-11-05', '2011-11-06', 'day'],
    ['2011-W45', '2011-11-07', '2011-11-14', 'week'],
    ['2021-W01', '2021-01-04', '2021-01-11', 'week'],
  ])('%s covers [%s, %s)', (text, start, end, kind) => {
    expect(parsePeriod(text)).toMatchObject({ start, end, kind })
  })

  it('refuses impossible periods', () => {
    expect(() => parsePeriod('2011-13')).toThrow(/month/)
    expect(() => parsePeriod('2011-02-30')).toThrow(/no such day/)
    expect(() => parsePeriod('2011-W54')).toThrow(/week 54/)
    expect(() => parsePeriod('last month')).toThrow(/use 2011-11-05/)
  })

  it('steps back one period of the same kind', () => {
    expect(previousPeriod(parsePeriod('2011-01'))).toMatchObject({ start: '2010-12-01', end: '2011-01-01' })
    expect(previousPeriod(parsePeriod('2011-Q1'))).toMatchObject({ start: '2010-10-01', end: '2011-01-01' })
    expect(previousPeriod(parsePeriod('2011-W45'))).toMatchObject({ start: '2011-10-31', end: '2011-11-07' })
    expect(periodDays(parsePeriod('2011-02'))).toBe(28)
  })
})
