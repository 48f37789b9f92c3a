import { describe, expect, it } from 'vitest'
import type { Target } from '../templates/template.ts'
import { deriveTarget } from './derive-target.ts'
import { scoreIndicator } from './score-indicator.ts'

const lastMonthUv: Target = {
  kind: 'derived',
  metric: 'uv',
  from: 'previous_period_daily_average',
  factor: 1.1,
}

describe('deriveTarget', () => {
  it('R7 T15 目标值为上个月的日均UV*110%: 3,100,000 UV over 31 days → 100,000/day × 110% = 110,000 (002)', () => {
    expect(deriveTarget(lastMonthUv, { total: 3_100_000, days: 31 })).toBe(110_000)
  })

  it('feeds the ratio rule: 128,145 against the derived 110,000 → 11 × 128,145/110,000 = 12.8145 → 12.81 (002 T15, 11% weight)', () => {
    const target = deriveTarget(lastMonthUv, { total: 3_100_000, days: 31 })
    const score = scoreIndicator(
      {
        key: 'uv',
        name: '平台浏览量',
        direction: 'higher_better',
        type: 'kpi',
        maxPoints: 11,
        target: lastMonthUv,
        rule: { shape: 'ratio_to_target', capRatio: 1.2 },
        assessor: { rater: 'system' },
        dataSource: { kind: 'metric', metric: 'uv', attribution: 'shop' },
      },
      { actual: 128_145, target },
    )
    expect(score.points).toBe(12.81)
  })

  it('uses the previous total when told, and gives nothing without history', () => {
    expect(
      deriveTarget({ ...lastMonthUv, from: 'previous_period_total' } as Target, { total: 1000, days: 30 }),
    ).toBe(1100)
    expect(deriveTarget(lastMonthUv, undefined)).toBeUndefined()
    expect(deriveTarget(lastMonthUv, { total: 5, days: 0 })).toBeUndefined()
    expect(deriveTarget({ kind: 'fixed', value: 3 }, { total: 5, days: 1 })).toBeUndefined()
  })
})
