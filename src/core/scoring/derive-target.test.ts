import { describe, expect, it } from 'vitest'
import type { DerivedTarget } from '../templates/template.ts'
import { deriveTarget, type HistoryFigure, historyPeriodsFor } from './derive-target.ts'
import { scoreIndicator } from './score-indicator.ts'

const lastMonthUv: DerivedTarget = {
  kind: 'derived',
  metric: 'uv',
  from: 'previous_period_daily_average',
  factor: 1.1,
}
const uv = { zh: 'UV', en: 'UV' }

/** The figures for the periods a target reads, each with the given total (null = nothing imported). */
function figures(target: DerivedTarget, period: string, totals: (number | null)[]): HistoryFigure[] {
  return historyPeriodsFor(target, period).map((p, i) => ({ ...p, total: totals[i] ?? null }))
}

describe('historyPeriodsFor', () => {
  it('reads the previous month, the same month last year, or the last N months in order', () => {
    expect(historyPeriodsFor(lastMonthUv, '2026-11').map((p) => [p.label, p.days])).toEqual([['2026-10', 31]])
    expect(
      historyPeriodsFor({ ...lastMonthUv, from: 'same_period_last_year' }, '2026-11').map((p) => p.label),
    ).toEqual(['2025-11'])
    expect(
      historyPeriodsFor({ ...lastMonthUv, from: 'last_periods_average', periods: 3 }, '2026-01').map(
        (p) => p.label,
      ),
    ).toEqual(['2025-10', '2025-11', '2025-12'])
    expect(historyPeriodsFor(lastMonthUv, '2026-Q1').map((p) => p.label)).toEqual(['2025-Q4'])
  })
})

describe('deriveTarget', () => {
  it('002 T15 目标值为上个月的日均UV×110%: 3,118,166 UV over October’s 31 days → 100,586 × 110% = 110,644.6', () => {
    const derived = deriveTarget(lastMonthUv, figures(lastMonthUv, '2026-11', [3_118_166]), uv)
    expect(derived.value).toBe(110_644.6)
    expect(derived.explanation['zh-CN']).toBe('目标 = 2026年10月日均UV 100,586 × 110% = 110,644.6')
    expect(derived.explanation['zh-TW']).toBe('目標 = 2026年10月日均UV 100,586 × 110% = 110,644.6')
    expect(derived.explanation.en).toBe(
      'Target = daily average UV of October 2026 100,586 × 110% = 110,644.6',
    )
  })

  it('prefers the catalogue’s own daily average (days with data) over total ÷ calendar days', () => {
    const [october] = figures(lastMonthUv, '2026-11', [3_000_000])
    expect(deriveTarget(lastMonthUv, [{ ...october!, dailyAverage: 100_000 }], uv).value).toBe(110_000)
  })

  it('the previous total × factor', () => {
    const target: DerivedTarget = { ...lastMonthUv, from: 'previous_period_total', factor: 1.05 }
    expect(deriveTarget(target, figures(target, '2026-11', [1000]), uv).value).toBe(1050)
  })

  it('the same month last year (total, or per day when asked)', () => {
    const target: DerivedTarget = { ...lastMonthUv, from: 'same_period_last_year', factor: 1.2 }
    const derived = deriveTarget(target, figures(target, '2026-11', [3000]), uv)
    expect(derived.value).toBe(3600)
    expect(derived.explanation['zh-CN']).toBe('目标 = 2025年11月UV 3,000 × 120% = 3,600')
    expect(deriveTarget({ ...target, perDay: true }, figures(target, '2026-11', [3000]), uv).value).toBe(120)
  })

  it('the average of the last 3 months, each month read once', () => {
    const target: DerivedTarget = { ...lastMonthUv, from: 'last_periods_average', periods: 3, factor: 1 }
    const derived = deriveTarget(target, figures(target, '2026-11', [100, 200, 600]), uv)
    expect(derived.value).toBe(300)
    expect(derived.explanation['zh-CN']).toBe(
      '目标 = 2026年8月至2026年10月UV的平均值 (100 + 200 + 600) ÷ 3 = 300，× 100% = 300',
    )
  })

  it('a missing month leaves the target missing, not 0, and names the month', () => {
    const target: DerivedTarget = { ...lastMonthUv, from: 'last_periods_average', periods: 2, factor: 1 }
    const derived = deriveTarget(target, figures(target, '2026-11', [100, null]), uv)
    expect(derived.value).toBeNull()
    expect(derived.explanation['zh-CN']).toBe('目标缺失：2026年10月没有UV数据（缺失不按 0 计）')
    expect(deriveTarget(lastMonthUv, figures(lastMonthUv, '2026-11', [null]), uv).value).toBeNull()
  })

  it('feeds the ratio rule: 128,145 against the derived 110,000 → 11 × 128,145/110,000 = 12.81 (002 T15, 11 points)', () => {
    const [october] = figures(lastMonthUv, '2026-11', [3_100_000])
    const target = deriveTarget(lastMonthUv, [october!], uv).value ?? undefined
    expect(target).toBe(110_000)
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
})
