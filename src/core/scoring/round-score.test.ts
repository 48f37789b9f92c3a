import Decimal from 'decimal.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatScore, roundScore } from './round-score.ts'

// Reference: the same policy through decimal.js (15 significant digits, ROUND_HALF_UP to 2 decimals).
function roundWithDecimal(value: number): number {
  return new Decimal(value.toPrecision(15)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber()
}

describe('roundScore', () => {
  it('rounds 2.675 up to 2.68 although the binary double is 2.67499…', () => {
    expect(roundScore(2.675)).toBe(2.68)
    expect(roundScore(1.005)).toBe(1.01)
    expect(roundScore(0.1 + 0.2)).toBe(0.3)
  })

  it('rounds half away from zero for negative values (ROUND_HALF_UP)', () => {
    expect(roundScore(-2.675)).toBe(-2.68)
    expect(roundScore(-0.004)).toBe(0)
  })

  it('keeps integers and cents unchanged', () => {
    expect(roundScore(15)).toBe(15)
    expect(roundScore(12.34)).toBe(12.34)
    expect(roundScore(0)).toBe(0)
  })

  it('agrees with decimal.js for random doubles', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        expect(roundScore(x) === roundWithDecimal(x)).toBe(true) // === : −0 and 0 are the same score
      }),
      { numRuns: 20_000 },
    )
  })

  it('agrees with decimal.js on every half-cent between 0 and 200', () => {
    for (let i = 0; i <= 40_000; i++) {
      const x = i / 200 // x.xx5 steps
      expect(roundScore(x) === roundWithDecimal(x)).toBe(true) // === : −0 and 0 are the same score
    }
  })

  it('agrees with decimal.js just either side of half cents (the fast path boundary)', () => {
    for (let i = 0; i <= 20_000; i += 7) {
      for (const offset of [-1e-6, -1e-8, -1e-10, 1e-10, 1e-8, 1e-6]) {
        const x = i / 200 + offset
        expect(roundScore(x) === roundWithDecimal(x)).toBe(true)
      }
    }
  })

  it('agrees with decimal.js on sums of scores that drift in binary', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 12 }), (cents) => {
        const sum = cents.reduce((acc, c) => acc + c / 1000, 0)
        expect(roundScore(sum) === roundWithDecimal(sum)).toBe(true)
      }),
    )
  })

  it('formats with separators and at most 2 decimals', () => {
    expect(formatScore(12000)).toBe('12,000')
    expect(formatScore(2.675)).toBe('2.68')
  })
})

describe('fmt and pct', () => {
  it('group digits like Intl en-US for every rounded value', async () => {
    const { fmt, pct } = await import('./explain-format.ts')
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })
    fc.assert(
      fc.property(fc.double({ min: -1e14, max: 1e14, noNaN: true }), (x) => {
        expect(fmt(x)).toBe(intl.format(roundScore(x)))
      }),
      { numRuns: 5000 },
    )
    expect(fmt(-1234567.891)).toBe('-1,234,567.89')
    expect(pct(0.875)).toBe('87.5%')
    expect(pct(1.2121212)).toBe('121.21%')
  })
})
