import Decimal from 'decimal.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DomainError } from '../errors.ts'
import { allocateBonusPool } from './allocate-bonus-pool.ts'

const sum = (xs: { amount: string }[]) => xs.reduce((a, x) => a.plus(x.amount), new Decimal(0)).toFixed(2)

describe('allocateBonusPool', () => {
  it('splits 100.00 three ways to the fen by largest remainder, ties by employee id', () => {
    // 10000 fen / 3 = 3333.33… each; one fen left, all remainders equal → the smallest id, "a", gets it.
    const result = allocateBonusPool(
      '100',
      [
        { employeeId: 'c', weight: 1 },
        { employeeId: 'a', weight: 1 },
        { employeeId: 'b', weight: 1 },
      ],
      {
        kind: 'weight',
      },
    )
    expect(result.map((r) => [r.employeeId, r.amount])).toEqual([
      ['c', '33.33'],
      ['a', '33.34'],
      ['b', '33.33'],
    ])
    expect(result[1]?.explanation['zh-CN']).toContain('按最大余数多分 1 分')
  })

  it('weights by 绩效系数 × base (000 coefficients)', () => {
    // Weights 1.5 × 500 = 750, 1.2 × 500 = 600, 0.5 × 1800 = 900; total 2250; pool 10,000.
    // Exact: 3333.333…, 2666.666…, 4000 → floors 3333.33, 2666.66, 4000.00; 1 fen left → largest remainder (b: .666…).
    const result = allocateBonusPool(
      '10000.00',
      [
        { employeeId: 'a', base: '500', coefficient: 1.5 },
        { employeeId: 'b', base: '500', coefficient: '1.2' },
        { employeeId: 'c', base: '1800', coefficient: 0.5 },
      ],
      { kind: 'coefficient_times_base' },
    )
    expect(result.map((r) => r.amount)).toEqual(['3333.33', '2666.67', '4000.00'])
    expect(sum(result)).toBe('10000.00')
  })

  it('weights by a grade table (001: bonuses by grade)', () => {
    const result = allocateBonusPool(
      '6000',
      [
        { employeeId: 'e1', grade: 'excellent' },
        { employeeId: 'e2', grade: 'good' },
        { employeeId: 'e3', grade: 'fail' },
        { employeeId: 'e4', grade: 'pass' },
      ],
      { kind: 'grade_table', table: { excellent: 3, good: 2, pass: 1, fail: 0 } },
    )
    expect(result.map((r) => r.amount)).toEqual(['3000.00', '2000.00', '0.00', '1000.00'])
  })

  it('refuses duplicate ids, missing weights, all-zero weights and pools in fractions of a fen', () => {
    expect(() =>
      allocateBonusPool(
        '10',
        [
          { employeeId: 'a', weight: 1 },
          { employeeId: 'a', weight: 1 },
        ],
        { kind: 'weight' },
      ),
    ).toThrow(/listed twice/)
    expect(() => allocateBonusPool('10', [{ employeeId: 'a' }], { kind: 'weight' })).toThrow(DomainError)
    expect(() => allocateBonusPool('10', [{ employeeId: 'a', weight: 0 }], { kind: 'weight' })).toThrow(
      /all weights are zero/,
    )
    expect(() => allocateBonusPool('10.001', [{ employeeId: 'a', weight: 1 }], { kind: 'weight' })).toThrow(
      /whole fen/,
    )
    expect(allocateBonusPool('0', [{ employeeId: 'a', weight: 0 }], { kind: 'weight' })[0]?.amount).toBe(
      '0.00',
    )
  })

  it('sums exactly to the pool for random pools and headcounts, each line within a fen of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 60 }),
        (poolFen, rawWeights) => {
          const weights = rawWeights.some((w) => w > 0) ? rawWeights : [1, ...rawWeights]
          const pool = new Decimal(poolFen).div(100).toFixed(2)
          const lines = weights.map((w, i) => ({
            employeeId: `emp-${String(i).padStart(3, '0')}`,
            weight: w / 100,
          }))
          const result = allocateBonusPool(pool, lines, { kind: 'weight' })
          expect(sum(result)).toBe(pool)
          const total = weights.reduce((a, b) => a + b, 0)
          result.forEach((r, i) => {
            const exact = new Decimal(poolFen).times(weights[i]!).div(total).div(100)
            expect(new Decimal(r.amount).minus(exact).abs().lt(0.01)).toBe(true)
          })
          // Deterministic regardless of the order of the lines.
          const reversed = allocateBonusPool(pool, [...lines].reverse(), { kind: 'weight' })
          const byId = new Map(reversed.map((r) => [r.employeeId, r.amount]))
          for (const r of result) expect(byId.get(r.employeeId)).toBe(r.amount)
        },
      ),
      { numRuns: 300 },
    )
  })
})
