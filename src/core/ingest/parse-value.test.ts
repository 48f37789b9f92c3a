import { describe, expect, it } from 'vitest'
import {
  looksLikeFormula,
  parseBoolean,
  parseCell,
  parseDate,
  parseDuration,
  parseInteger,
  parseNumber,
  parseRate,
  parseTimestamp,
} from './parse-value.ts'

const value = (v: ReturnType<typeof parseNumber>) => (v.ok ? v.value : `ERR ${v.reason}`)

describe('parse-value', () => {
  it.each([
    ['1,234.50', '1234.50'],
    ['¥12', '12'],
    ['-3', '-3'],
    ['.5', '0.5'],
    ['1.5e3', '1500'],
    ['延迟统计', null],
    ['-', null],
    ['', null],
    ['１２３', '123'],
  ])('reads number %s (platform-exports quirks: thousands, 延迟统计, dashes)', (raw, expected) => {
    expect(value(parseNumber(raw))).toBe(expected)
  })

  it('refuses text and percentages where a number is expected', () => {
    expect(parseNumber('abc').ok).toBe(false)
    expect(parseNumber('12%').ok).toBe(false)
    expect(parseNumber('1,23').ok).toBe(false)
  })

  it('reads whole numbers and refuses fractions', () => {
    expect(value(parseInteger('6.0'))).toBe('6')
    expect(parseInteger('6.5').ok).toBe(false)
  })

  it.each([
    ['12.34%', '0.1234'],
    ['100%', '1'],
    ['0.5%', '0.005'],
    ['0.25', '0.25'],
    ['延迟统计', null],
  ])('reads rate %s as a fraction', (raw, expected) => {
    expect(value(parseRate(raw))).toBe(expected)
  })

  it.each([
    ['1小时2分3秒', '3723'],
    ['35秒', '35'],
    ['2分钟', '120'],
    ['01:02:03', '3723'],
    ['2:05', '125'],
    ['12.5', '12.5'],
    ['1h2m3s', '3723'],
  ])('reads duration %s in seconds', (raw, expected) => {
    expect(value(parseDuration(raw))).toBe(expected)
  })

  it('refuses a duration with stray text', () => {
    expect(parseDuration('3 apples').ok).toBe(false)
  })

  it.each([
    ['2011-11-05', '2011-11-05'],
    ['2011/1/5', '2011-01-05'],
    ['2011年11月5日', '2011-11-05'],
    ['20111105', '2011-11-05'],
    ['2011-11-05 08:26:00', '2011-11-05'],
  ])('reads date %s', (raw, expected) => {
    expect(value(parseDate(raw))).toBe(expected)
  })

  it('refuses impossible dates and times', () => {
    expect(parseDate('2011-02-30')).toEqual({ ok: false, reason: '"2011-02-30" is an impossible date' })
    expect(parseTimestamp('2011-02-28 25:00').ok).toBe(false)
    expect(parseDate('yesterday').ok).toBe(false)
  })

  it('reads timestamps without seconds', () => {
    expect(value(parseTimestamp('2010-12-01 8:26'))).toBe('2010-12-01 08:26:00')
  })

  it('reads yes/no', () => {
    expect(value(parseBoolean('是'))).toBe('true')
    expect(value(parseBoolean('N'))).toBe('false')
    expect(parseBoolean('maybe').ok).toBe(false)
  })

  it('refuses numbers past ±1,000,000,000,000 or past double range, naming the bound (issue 12)', () => {
    for (const raw of ['1e308', '1e309', '99999999999999999999999', '-1000000000001', '1,000,000,000,001']) {
      const r = parseNumber(raw)
      expect(r.ok, raw).toBe(false)
      if (!r.ok) expect(r.reason).toContain('±1,000,000,000,000')
    }
    expect(parseInteger('99999999999999999999999').ok).toBe(false)
    expect(parseCell('rate', '1e400%').ok).toBe(false)
    expect(value(parseNumber('1000000000000'))).toBe('1000000000000')
    expect(value(parseNumber('-1,234.50'))).toBe('-1234.50')
  })

  it('takes a cell that starts with - or + and goes on with operators as a formula, not a negative number', () => {
    for (const raw of ["-2+3+cmd|' /C calc'!A0", '=1+1', '@SUM(A1)', '+cmd', '-(1)+2', '+1*2'])
      expect(looksLikeFormula(raw), raw).toBe(true)
    for (const raw of [
      '-5',
      '-1,234.50',
      '+1.5e+3',
      '-12.5%',
      '旗舰店',
      '-旗舰店-',
      '+86 138 0000 0000',
      '+86-138-0000',
    ])
      expect(looksLikeFormula(raw), raw).toBe(false)
  })
})
