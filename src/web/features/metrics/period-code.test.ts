import { describe, expect, it } from 'vitest'
import { periodCode, periodKindOf, periodStart } from './period-code.ts'

// The explorer's pickers speak dates; the API speaks period codes. ISO weeks belong to the year of their Thursday.
describe('period codes', () => {
  it.each([
    ['2011-11-05', 'date', '2011-11-05'],
    ['2011-W45', 'week', '2011-11-07'],
    ['2011-11', 'month', '2011-11-01'],
    ['2011-Q4', 'quarter', '2011-10-01'],
    ['2011', 'year', '2011-01-01'],
  ] as const)('%s is a %s starting %s, and back', (code, kind, start) => {
    expect(periodKindOf(code)).toBe(kind)
    expect(periodStart(code)).toBe(start)
    expect(periodCode(kind, start)).toBe(code)
  })
  it('puts 2011-01-01 (a Saturday) in week 52 of 2010 and 2008-12-29 in week 1 of 2009', () => {
    expect(periodCode('week', '2011-01-01')).toBe('2010-W52')
    expect(periodCode('week', '2008-12-29')).toBe('2009-W01')
  })
  it('refuses text that is not a period', () => {
    expect(periodStart('last month')).toBeNull()
  })
})
