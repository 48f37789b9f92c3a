import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { prorateByDays } from './prorate-by-days.ts'
import { splitByShare } from './split-by-share.ts'

// Issue: shared indicators — a shop metric split among people by contribution share, and a mid-period
// position change scored pro rata by days in each position.

describe('splitByShare', () => {
  it('gives an agent the part of the shop GMV that matches their share of inquiries handled', () => {
    const split = splitByShare({ shared: 120_000, own: 300, groupTotal: 1_200, measure: '接待人数' })
    expect(split.share).toBe(0.25)
    expect(split.value).toBe(30_000)
    expect(split.explanation['zh-CN']).toBe(
      '按「接待人数」分摊：本人 300 ÷ 团队 1,200 = 25%，× 共享值 120,000 = 30,000',
    )
  })

  it('has no value, with a reason, when the group handled nothing or the figure is missing', () => {
    expect(splitByShare({ shared: 5, own: 0, groupTotal: 0, measure: 'x' }).value).toBeNull()
    expect(splitByShare({ shared: null, own: 1, groupTotal: 2, measure: 'x' }).value).toBeNull()
    expect(splitByShare({ shared: 5, own: null, groupTotal: 2, measure: 'x' }).explanation.en).toContain(
      'no share',
    )
  })

  it('splits exactly: the parts of a team add up to the shared figure (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 12 }),
        (shared, contributions) => {
          const total = contributions.reduce((a, b) => a + b, 0)
          fc.pre(total > 0)
          const parts = contributions.map(
            (own) => splitByShare({ shared, own, groupTotal: total, measure: 'x' }).value ?? Number.NaN,
          )
          expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(shared, 6)
        },
      ),
    )
  })
})

describe('prorateByDays', () => {
  it('weights each position’s total by its days: 10 days 客服专员 at 85, 20 days 运营助理 at 90', () => {
    const result = prorateByDays(
      [
        { position: '客服专员', days: 10, total: 85 },
        { position: '运营助理', days: 20, total: 90 },
      ],
      30,
    )
    expect(result.total).toBe(88.33)
    expect(result.coverage).toBe(1)
    expect(result.explanation['zh-CN']).toBe(
      '按在岗天数加权：客服专员 10 天 × 85 分 + 运营助理 20 天 × 90 分，÷ 30 天 = 88.33 分；在岗 30/30 天（100%）',
    )
  })

  it('reports the part of the month worked for someone who joined on the 21st', () => {
    const result = prorateByDays([{ position: '客服专员', days: 11, total: 78 }], 31)
    expect(result.total).toBe(78)
    expect(result.coverage).toBeCloseTo(11 / 31, 12)
  })

  it('refuses more days than the period has', () => {
    expect(() => prorateByDays([{ position: 'a', days: 31, total: 1 }], 30)).toThrow(RangeError)
  })

  it('stays between the lowest and the highest segment total (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            position: fc.constantFrom('客服专员', '推广专员', '美工'),
            days: fc.integer({ min: 0, max: 10 }),
            total: fc.integer({ min: 0, max: 12_000 }).map((n) => n / 100),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        (segments) => {
          const result = prorateByDays(segments, 31)
          const counted = segments.filter((s) => s.days > 0)
          fc.pre(counted.length > 0)
          expect(result.total).toBeGreaterThanOrEqual(Math.min(...counted.map((s) => s.total)))
          expect(result.total).toBeLessThanOrEqual(Math.max(...counted.map((s) => s.total)))
        },
      ),
    )
  })
})
