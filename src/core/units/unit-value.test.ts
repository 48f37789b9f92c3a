import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatUnitValue,
  fromTypedNumber,
  parseTypedValue,
  parseUnitValue,
  toTypedNumber,
  unitOf,
  type ValueUnit,
  valueUnits,
} from './unit-value.ts'

const value = (raw: string, unit: ValueUnit) => {
  const parsed = parseUnitValue(raw, unit)
  return parsed.ok ? parsed.value : parsed.reason.en
}
const typed = (raw: string, unit: ValueUnit) => {
  const parsed = parseTypedValue(raw, unit)
  return parsed.ok ? parsed.value : parsed.reason.en
}

describe('one reading of every value', () => {
  // Issue 16: 「默认 0.95 %」 for 95 %, and `90%` read as 9,000 % in the preview.
  it('reads 90%, 90 %, 90％ and 0.9 as the same % value in files, the CLI and the API', () => {
    for (const raw of ['90%', '90 %', '90％', '0.9', ' 90% ']) expect(value(raw, 'percent')).toBe(0.9)
    expect(value('12.34%', 'percent')).toBe(0.1234)
  })

  it('reads what a person types in a % box as percent points, with or without the sign', () => {
    for (const raw of ['90', '90%', '90 %', '９０％']) expect(typed(raw, 'percent')).toBe(0.9)
    expect(typed('96', 'percent')).toBe(0.96)
    expect(typed('', 'percent')).toBeUndefined()
    expect(toTypedNumber(0.07, 'percent')).toBe(7)
    expect(fromTypedNumber(7, 'percent')).toBe(0.07)
  })

  it('shows 0.95 of a % indicator as 95%', () => {
    expect(formatUnitValue(0.95, 'percent')).toBe('95%')
    expect(formatUnitValue(0.1234, 'percent')).toBe('12.34%')
  })

  it('reads and writes money, counts, days and hours', () => {
    expect(value('¥1,234.50', 'money')).toBe(1234.5)
    expect(value('1234.5元', 'money')).toBe(1234.5)
    expect(formatUnitValue(1234.5, 'money')).toBe('¥1,234.50')
    expect(formatUnitValue(-3, 'money')).toBe('-¥3.00')
    expect(value('3次', 'count')).toBe(3)
    expect(value('2 天', 'days')).toBe(2)
    expect(value('1.5小时', 'hours')).toBe(1.5)
    expect(formatUnitValue(2, 'days', 'en')).toBe('2 days')
    expect(formatUnitValue(1.5, 'hours', 'zh-TW')).toBe('1.5 小時')
  })

  it('reads empty text as no value, never 0, and names a value it cannot read', () => {
    for (const unit of valueUnits) expect(value('', unit)).toBeUndefined()
    expect(value('abc', 'percent')).toBe('"abc" is not a number')
    expect(value('九十', 'count')).toBe('"九十" is not a number')
  })

  it('knows the template units', () => {
    expect(['%', '元', '次', '天', '小时', 'km'].map(unitOf)).toEqual([
      'percent',
      'money',
      'count',
      'days',
      'hours',
      'plain',
    ])
  })
})

describe('format → parse is the identity', () => {
  // Values at each unit's precision: a percent to 0.01 %, money to the fen, days and hours to 0.01, plain to 0.0001.
  const scaled = (scale: number) =>
    fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map((n) => Number((n / scale).toPrecision(15)))
  const precision: Record<ValueUnit, number> = {
    percent: 10_000,
    money: 100,
    count: 1,
    days: 100,
    hours: 100,
    plain: 10_000,
  }

  for (const unit of valueUnits) {
    it(`holds for ${unit} in every language, and for the typed box`, () => {
      fc.assert(
        fc.property(
          scaled(precision[unit]),
          fc.constantFrom('zh-CN', 'zh-TW', 'en') as fc.Arbitrary<'zh-CN'>,
          (v, language) => {
            const text = formatUnitValue(v, unit, language)
            const back = parseUnitValue(text, unit)
            expect(back).toEqual({ ok: true, value: v === 0 ? 0 : v })
            expect(fromTypedNumber(toTypedNumber(v, unit), unit)).toBe(v)
          },
        ),
        { numRuns: 300 },
      )
    })
  }
})
