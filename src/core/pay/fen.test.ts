import Decimal from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { fenOfFixed, fixedOfFen, sumFixed } from './fen.ts'

describe('integer fen', () => {
  it('reads only text with exactly two decimals', () => {
    expect(fenOfFixed('12.30')).toBe(1230)
    expect(fenOfFixed('-0.05')).toBe(-5)
    expect(fenOfFixed('0.00')).toBe(0)
    expect(fenOfFixed('12.3')).toBeUndefined()
    expect(fenOfFixed('12.345')).toBeUndefined()
    expect(fenOfFixed('1,234.00')).toBeUndefined()
    expect(fenOfFixed('1e3')).toBeUndefined()
    expect(fenOfFixed('99999999999999999.00')).toBeUndefined()
  })

  it('writes fen as Decimal#toFixed(2) does', () => {
    for (const text of ['0.00', '0.05', '-0.05', '-0.50', '1.00', '-20.00', '713.57', '90071992547409.91']) {
      expect(fixedOfFen(fenOfFixed(text)!)).toBe(new Decimal(text).toFixed(2))
    }
  })

  it('sums exactly, the same as decimal.js, and gives up outside the exact range', () => {
    const amounts = Array.from({ length: 500 }, (_, i) =>
      new Decimal(i * 7919)
        .div(100)
        .neg()
        .plus(i % 7)
        .toFixed(2),
    )
    const expected = amounts.reduce((a, x) => a.plus(x), new Decimal(0)).toFixed(2)
    expect(sumFixed(amounts)).toBe(expected)
    expect(sumFixed([])).toBe('0.00')
    expect(sumFixed(['0.10', '0.20'])).toBe('0.30')
    expect(sumFixed(['1.5'])).toBeUndefined()
    expect(sumFixed(['90071992547409.91', '90071992547409.91'])).toBeUndefined()
  })
})

describe('fixedOfFen on generated amounts', () => {
  it('matches Decimal#toFixed(2) across the exact range', () => {
    const samples = [0, 1, 9, 10, 99, 100, 101, 1005, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 99]
    for (let i = 0; i < 2000; i++) samples.push(Math.floor(Math.random() * Number.MAX_SAFE_INTEGER))
    for (const fen of samples) {
      for (const n of [fen, -fen]) {
        if (Object.is(n, -0)) continue
        expect(fixedOfFen(n)).toBe(new Decimal(n).div(100).toFixed(2))
      }
    }
  })
})
