import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Indicator, Rule } from '../templates/template.ts'
import { compiledFormulaFor, type IndicatorInput, scoreIndicator } from './score-indicator.ts'

function indicator(rule: Rule, maxPoints: number, extra: Partial<Indicator> = {}): Indicator {
  return {
    key: 'k',
    name: 'test indicator',
    direction: 'higher_better',
    type: 'kpi',
    maxPoints,
    target: { kind: 'none' },
    rule,
    assessor: { rater: 'supervisor' },
    dataSource: { kind: 'manual' },
    ...extra,
  }
}

const points = (ind: Indicator, input: IndicatorInput) => scoreIndicator(ind, input).points

// 002 T9 row 1: 10万元以上满分(15), 8万元以上12分, 6万元以上10分, 4万元得8分, 3万元以上得5分, 3万元以下不得分.
const t9Sales = indicator(
  {
    shape: 'bands',
    basis: 'actual',
    bands: [
      { min: 100_000, points: 15 },
      { min: 80_000, points: 12 },
      { min: 60_000, points: 10 },
      { min: 40_000, points: 8 },
      { min: 30_000, points: 5 },
    ],
  },
  15,
  { unit: '元' },
)

// 002 T10 业绩完成情况 (weight 20%): 100% → 5, 90–99% → 4, 80–89% → 3, 70–79% → 2, 60–69% → 1, <60% → 0; s/5 × 20.
const t10Completion = indicator(
  {
    shape: 'bands',
    basis: 'completion_rate',
    scale: 'fraction_of_max',
    bands: [
      { min: 1, points: 5 },
      { min: 0.9, points: 4 },
      { min: 0.8, points: 3 },
      { min: 0.7, points: 2 },
      { min: 0.6, points: 1 },
      { max: 0.6, points: 0 },
    ],
  },
  20,
)

// 002 T10 error-count ladder: 0→5, 1→4, 2→3, 3→2, 4→1, >4→0, scaled to the item's weight (10%).
const t10Ladder = indicator(
  {
    shape: 'count_ladder',
    steps: [
      { count: 0, points: 5 },
      { count: 1, points: 4 },
      { count: 2, points: 3 },
      { count: 3, points: 2 },
      { count: 4, points: 1 },
    ],
    beyond: 0,
    scale: 'fraction_of_max',
  },
  10,
)

// 002 T12 网站独立访客: A >500; B 200–500; C <200 → 30/15/0.
const t12Uv = indicator(
  {
    shape: 'levels',
    levels: [
      { code: 'A', label: '高于500', points: 30 },
      { code: 'B', label: '200-500', points: 15 },
      { code: 'C', label: '低于200', points: 0 },
    ],
    thresholds: [
      { level: 'A', band: { min: 500, minInclusive: false } },
      { level: 'B', band: { min: 200, max: 500, maxInclusive: true } },
      { level: 'C', band: { max: 200 } },
    ],
  },
  30,
  { unit: 'UV' },
)

// 002 T11 网络调试 (30%): 超过一次扣2分,扣完为止.
const t11Network = indicator({ shape: 'deduct_per_occurrence', perOccurrence: 2, floor: 0 }, 30)

// 002 T9 row 7: 电商平台客户浏览量每月10000次以上 (10 points), 每低100次扣2分,扣完为止.
const t9PageViews = indicator(
  {
    shape: 'deduct_per_shortfall',
    threshold: 10_000,
    unit: 100,
    pointsPerUnit: 2,
    partialUnit: 'counts',
    floor: 0,
  },
  10,
  { unit: '次' },
)

// 002 T9 row 9: 6个月以上员工流失一个扣1分, 一年以上扣2分, 两年以上扣3分 (10 points).
const t9Turnover = indicator(
  {
    shape: 'weighted_deductions',
    categories: [
      { key: 'over_6_months', label: '6个月以上', pointsEach: 1 },
      { key: 'over_1_year', label: '一年以上', pointsEach: 2 },
      { key: 'over_2_years', label: '两年以上', pointsEach: 3 },
    ],
    floor: 0,
  },
  10,
)

// 002 T15 平台浏览量: 所占分值 × (实际完成值/目标值), range up to 120 (cap 120%), scored out of 100.
const t15Uv = indicator({ shape: 'ratio_to_target', capRatio: 1.2 }, 100, {
  target: { kind: 'fixed', value: 110_000 },
})

describe('bands (R1, R2)', () => {
  it('R1 T9 sales tiers: 10万→15, 8万→12, 6万→10, 4万→8, 3万→5, below 3万→0 (002, 电商部负责人)', () => {
    expect(points(t9Sales, { actual: 120_000 })).toBe(15)
    expect(points(t9Sales, { actual: 100_000 })).toBe(15)
    expect(points(t9Sales, { actual: 99_999.99 })).toBe(12)
    expect(points(t9Sales, { actual: 80_000 })).toBe(12)
    expect(points(t9Sales, { actual: 60_000 })).toBe(10)
    expect(points(t9Sales, { actual: 40_000 })).toBe(8)
    expect(points(t9Sales, { actual: 35_000 })).toBe(5)
    expect(points(t9Sales, { actual: 30_000 })).toBe(5)
    expect(points(t9Sales, { actual: 29_999 })).toBe(0)
  })

  it('explains the band the actual value fell in (002 T9)', () => {
    const score = scoreIndicator(t9Sales, { actual: 85_000 })
    expect(score.explanation['zh-CN']).toBe('实际 85,000 元，落在 ≥ 80,000 档 → 12 分（满分 15）')
    expect(score.explanation.en).toBe('Actual 85,000 元 is in the band ≥ 80,000 → 12 points (max 15)')
    expect(scoreIndicator(t9Sales, { actual: 1000 }).explanation['zh-CN']).toContain('未达到任何档位 → 0 分')
  })

  it('R2 T10 completion rate on a 0–5 scale, scaled to the 20% weight (002, 网络管理员)', () => {
    const withTarget = (actual: number) => points(t10Completion, { actual, target: 1_000_000 })
    expect(withTarget(1_000_000)).toBe(20)
    expect(withTarget(1_200_000)).toBe(20)
    expect(withTarget(950_000)).toBe(16)
    expect(withTarget(899_999)).toBe(12)
    expect(withTarget(700_000)).toBe(8)
    expect(withTarget(600_000)).toBe(4)
    expect(withTarget(599_999)).toBe(0)
  })

  it('states the completion rate and the scaling (002 T10)', () => {
    const score = scoreIndicator(t10Completion, { actual: 950_000, target: 1_000_000 })
    expect(score.explanation['zh-CN']).toBe(
      '实际 950,000，目标 1,000,000，完成率 95%，落在 ≥ 90% 档 → 4/5 × 满分 20 = 16 分（满分 20）',
    )
    expect(score.target).toBe(1_000_000)
  })

  it('needs a target to compute a completion rate', () => {
    // A ratio cannot be scored without its target: by default the sheet is held until it is entered (issue 16).
    const score = scoreIndicator(t10Completion, { actual: 5 })
    expect(score).toMatchObject({ points: 0, missing: true, whenMissing: 'block', held: true })
    expect(score.explanation['zh-CN']).toBe('缺少目标值：按模板规定，本项须录入后才能计算，本表暂不计分')
  })
})

describe('levels (R3, R4)', () => {
  it('R3 T12 UV levels: A >500 → 30, B 200–500 → 15, C <200 → 0 (002, 网络推广月绩效考核表)', () => {
    expect(points(t12Uv, { actual: 501 })).toBe(30)
    expect(points(t12Uv, { actual: 500 })).toBe(15)
    expect(points(t12Uv, { actual: 350 })).toBe(15)
    expect(points(t12Uv, { actual: 200 })).toBe(15)
    expect(points(t12Uv, { actual: 199 })).toBe(0)
  })

  it('R4 T12/T13: the rater picks a level (A:按要求完成 B:低于要求 C:没有完成)', () => {
    expect(points(t12Uv, { level: 'A' })).toBe(30)
    expect(points(t12Uv, { level: 'B' })).toBe(15)
    const score = scoreIndicator(t12Uv, { level: 'C' })
    expect(score.points).toBe(0)
    expect(score.explanation.en).toBe('The rater chose level C (低于200) → 0 points (max 30)')
  })

  it('explains a derived level with its bounds (002 T12)', () => {
    expect(scoreIndicator(t12Uv, { actual: 350 }).explanation['zh-CN']).toBe(
      '实际 350 UV，符合 ≥ 200 且 ≤ 500 → 等级 B（200-500） → 15 分（满分 30）',
    )
  })

  it('an unknown level code scores 0 and is flagged missing', () => {
    expect(scoreIndicator(t12Uv, { level: 'Z' })).toMatchObject({ points: 0, missing: true })
  })
})

describe('deductions (R8, R12, R13)', () => {
  it('T11 网管: deducts 2 points per incident until nothing is left (002, 扣完为止)', () => {
    expect(points(t11Network, { occurrences: 0 })).toBe(30)
    expect(points(t11Network, { occurrences: 3 })).toBe(24)
    expect(points(t11Network, { occurrences: 15 })).toBe(0)
    expect(points(t11Network, { occurrences: 40 })).toBe(0)
    expect(scoreIndicator(t11Network, { occurrences: 20 }).explanation['zh-CN']).toBe(
      '发生 20 次 → 每次扣 2 分，扣 40 分，得 0 分（扣完为止）（满分 30）',
    )
  })

  it('free occurrences are not deducted and a floor above zero holds', () => {
    const ind = indicator(
      { shape: 'deduct_per_occurrence', perOccurrence: 5, freeOccurrences: 1, floor: 2 },
      10,
    )
    expect(points(ind, { occurrences: 1 })).toBe(10)
    expect(points(ind, { occurrences: 2 })).toBe(5)
    expect(points(ind, { occurrences: 9 })).toBe(2)
  })

  it('R12 T9 page views: −2 per 100 views short of 10,000, a partial 100 counts (002, 扣完为止)', () => {
    expect(points(t9PageViews, { actual: 12_000 })).toBe(10)
    expect(points(t9PageViews, { actual: 10_000 })).toBe(10)
    expect(points(t9PageViews, { actual: 9_950 })).toBe(8)
    expect(points(t9PageViews, { actual: 9_801 })).toBe(6)
    expect(points(t9PageViews, { actual: 9_800 })).toBe(6)
    expect(points(t9PageViews, { actual: 8_800 })).toBe(0)
    const score = scoreIndicator(t9PageViews, { actual: 8_800 })
    expect(score.explanation['zh-CN']).toBe(
      '实际 8,800 次，低于门槛 10,000 次：差 1,200 次 → 按每 100 次扣 2 分（不足 100 次按 100 次计）计 12 个单位，扣 24 分，得 0 分（扣完为止）',
    )
    expect(score.explanation.en).toContain('(deductions stop at zero, 扣完为止)')
  })

  it('R12 with partial units ignored (the other reading of 每低100次)', () => {
    const ind = indicator({ ...t9PageViews.rule, partialUnit: 'ignored' } as Rule, 10)
    expect(points(ind, { actual: 9_950 })).toBe(10)
    expect(points(ind, { actual: 9_801 })).toBe(8)
  })

  it('a lower-is-better shortfall deducts for the excess above the threshold', () => {
    const ind = indicator(
      { shape: 'deduct_per_shortfall', threshold: 30, unit: 10, pointsPerUnit: 1, partialUnit: 'counts' },
      5,
      { direction: 'lower_better' },
    )
    expect(points(ind, { actual: 25 })).toBe(5)
    expect(points(ind, { actual: 41 })).toBe(3)
  })

  it('R13 T9 turnover weighted by tenure: −1 over 6 months, −2 over a year, −3 over two (002)', () => {
    expect(points(t9Turnover, { counts: {} })).toBe(10)
    expect(points(t9Turnover, { counts: { over_6_months: 1, over_1_year: 1, over_2_years: 1 } })).toBe(4)
    expect(points(t9Turnover, { counts: { over_2_years: 4 } })).toBe(0)
    expect(
      scoreIndicator(t9Turnover, { counts: { over_6_months: 2, over_1_year: 1 } }).explanation['zh-CN'],
    ).toBe('按类别扣分：6个月以上 2 × 1 + 一年以上 1 × 2 = 扣 4 分，得 6 分（满分 10）')
  })
})

describe('count ladder (R16, R17)', () => {
  it('R16 T10 error ladder: 0→5, 1→4, 2→3, 3→2, 4→1, more than 4→0, scaled to 10% (002)', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => points(t10Ladder, { occurrences: n }))).toEqual([
      10, 8, 6, 4, 2, 0, 0,
    ])
    expect(scoreIndicator(t10Ladder, { occurrences: 6 }).explanation['zh-CN']).toBe(
      '次数 6 → 超过 4 次评 0 分，0/5 × 满分 10 = 0 分',
    )
  })

  it('R17 T10 work-plan items not done: 一项未完成评4分 … 四项以上评0分, raw 0–5 points', () => {
    const ind = indicator({ ...t10Ladder.rule, scale: 'points' } as Rule, 5)
    expect(points(ind, { actual: 0 })).toBe(5)
    expect(points(ind, { actual: 2 })).toBe(3)
    expect(points(ind, { actual: 5 })).toBe(0)
  })
})

describe('ratio to target (R5, R6, R7)', () => {
  it('R5 T15 所占分值 × 实际/目标, capped at 120% (002, 新媒体运营部)', () => {
    expect(points(t15Uv, { actual: 110_000 })).toBe(100)
    expect(points(t15Uv, { actual: 128_145 })).toBe(116.5)
    expect(points(t15Uv, { actual: 200_000 })).toBe(120)
    expect(points(t15Uv, { actual: 33_189 })).toBe(30.17)
  })

  it('R6 T15 若N≤66000则此项0分: zero below 60% of the target', () => {
    const ind = indicator({ shape: 'ratio_to_target', capRatio: 1.2, zeroBelowRatio: 0.6 }, 100, {
      target: { kind: 'fixed', value: 110_000 },
    })
    expect(points(ind, { actual: 65_999 })).toBe(0)
    expect(points(ind, { actual: 66_000 })).toBe(60)
  })

  it('R7 T15: a target derived from history (last month daily UV × 110%) arrives as the input target', () => {
    const ind = indicator({ shape: 'ratio_to_target', capRatio: 1.2 }, 11, {
      target: { kind: 'derived', metric: 'uv', from: 'previous_period_daily_average', factor: 1.1 },
    })
    expect(scoreIndicator(ind, { actual: 4_000 })).toMatchObject({ points: 0, missing: true })
    const score = scoreIndicator(ind, { actual: 4_000, target: 3_300 })
    expect(score.points).toBe(13.2)
    expect(score.explanation['zh-CN']).toBe(
      '实际 4,000，目标 3,300，实际/目标 = 121.21%，封顶 120% → 11 × 120% = 13.2 分',
    )
  })

  it('lower is better: target/actual (e.g. response time)', () => {
    const ind = indicator({ shape: 'ratio_to_target', capRatio: 1, floorRatio: 0.5 }, 10, {
      direction: 'lower_better',
      target: { kind: 'fixed', value: 30 },
    })
    expect(points(ind, { actual: 30 })).toBe(10)
    expect(points(ind, { actual: 40 })).toBe(7.5)
    expect(points(ind, { actual: 20 })).toBe(10)
    expect(points(ind, { actual: 600 })).toBe(5)
  })
})

describe('bonus items (R23, R24)', () => {
  it('R23 T14 奖励加3分/次, capped at the item maximum 10 (002)', () => {
    const ind = indicator({ shape: 'bonus_per_occurrence', perOccurrence: 3, cap: 10 }, 10)
    expect(points(ind, { occurrences: 0 })).toBe(0)
    expect(points(ind, { occurrences: 2 })).toBe(6)
    expect(points(ind, { occurrences: 4 })).toBe(10)
    expect(scoreIndicator(ind, { occurrences: 4 }).explanation['zh-CN']).toBe(
      '4 次 × 每次 3 分 = 12 分，封顶 10 分 → 10 分',
    )
  })

  it('R24 T9 有重大贡献,额外加5-10分: the assessor picks within bounds (002)', () => {
    const ind = indicator({ shape: 'bonus_range', min: 5, max: 10 }, 10)
    expect(points(ind, {})).toBe(0)
    expect(points(ind, { score: 8 })).toBe(8)
    expect(points(ind, { score: 12 })).toBe(10)
    expect(points(ind, { score: 3 })).toBe(5)
  })
})

describe('pass/fail, veto, discretionary (R15, R21, R25)', () => {
  it('R21 T15 每月完成1次活动: N≥1 full marks, N=0 nothing (002)', () => {
    const ind = indicator({ shape: 'pass_fail', condition: { op: '>=', value: 1 } }, 10)
    expect(points(ind, { actual: 1 })).toBe(10)
    expect(points(ind, { actual: 0 })).toBe(0)
    expect(scoreIndicator(ind, { actual: 0 }).explanation['zh-CN']).toBe(
      '实际 0 ≥ 1？否：未达成，不得分 → 0 分',
    )
  })

  it('done / not done without a condition (未完成不得分)', () => {
    const ind = indicator({ shape: 'pass_fail' }, 5)
    expect(points(ind, { passed: true })).toBe(5)
    expect(points(ind, { passed: false })).toBe(0)
    expect(scoreIndicator(ind, {})).toMatchObject({ points: 0, missing: true })
  })

  it('R15 veto: a violation scores 0 and marks its scope (一票否决)', () => {
    const ind = indicator({ shape: 'veto', scope: 'total' }, 0)
    expect(scoreIndicator(ind, { violated: false })).toMatchObject({ points: 0, vetoed: undefined })
    expect(scoreIndicator(ind, { violated: true })).toMatchObject({ points: 0, vetoed: 'total' })
    expect(scoreIndicator(ind, { actual: 2 }).vetoed).toBe('total')
    const dim = indicator({ shape: 'veto', scope: 'dimension' }, 5)
    expect(scoreIndicator(dim, { actual: 0 })).toMatchObject({ points: 5, vetoed: undefined })
    expect(scoreIndicator(dim, { violated: true }).explanation['zh-CN']).toBe(
      '发生一票否决事项 → 本维度得 0 分',
    )
  })

  it('R25 T11 工作态度 酌情给分 (10%): the assessor score, held within range, with the comment (002)', () => {
    const ind = indicator({ shape: 'discretionary', min: 0, max: 10 }, 10)
    const score = scoreIndicator(ind, { score: 7, comment: '服务热情，个别响应较慢' })
    expect(score.points).toBe(7)
    expect(score.explanation['zh-CN']).toBe(
      '考核人酌情给分 7 分（范围 0–10）→ 7 分：“服务热情，个别响应较慢”',
    )
    expect(points(ind, { score: 14 })).toBe(10)
    expect(scoreIndicator(ind, { score: 6 }).explanation.en).toContain('(no comment given)')
    expect(scoreIndicator(ind, {})).toMatchObject({ points: 0, missing: true })
  })
})

describe('formula rule', () => {
  // R6 T15, one plausible reading: full at the target, 0 at or below 66,000, linear 60–99 in between.
  const r6 = indicator(
    {
      shape: 'formula',
      expression:
        'IF(actual >= target, MIN(120, 100 * actual / target), IF(actual <= 66000, 0, ROUND(60 + 39 * (actual - 66000) / (target - 66000), 2)))',
      capPoints: 120,
    },
    100,
    { target: { kind: 'fixed', value: 110_000 } },
  )

  it('R6 T15 banded ratio read as a formula (002)', () => {
    expect(points(r6, { actual: 66_000 })).toBe(0)
    expect(points(r6, { actual: 88_000 })).toBe(79.5)
    expect(points(r6, { actual: 110_000 })).toBe(100)
    expect(points(r6, { actual: 150_000 })).toBe(120)
  })

  it('reads named variables and clamps to [0, max]', () => {
    const ind = indicator({ shape: 'formula', expression: 'max - 2 * 投诉数', variables: ['投诉数'] }, 10)
    expect(points(ind, { variables: { 投诉数: 2 } })).toBe(6)
    expect(points(ind, { variables: { 投诉数: 9 } })).toBe(0)
    const score = scoreIndicator(ind, {})
    expect(score).toMatchObject({ points: 0, missing: true, held: true })
    expect(score.explanation['zh-CN']).toBe(
      '缺少公式变量 投诉数：按模板规定，本项须录入后才能计算，本表暂不计分',
    )
    expect(scoreIndicator(ind, { variables: { 投诉数: 9 } }).explanation['zh-CN']).toBe(
      '公式 max - 2 * 投诉数（max = 10, 投诉数 = 9）= -8，限定在 0–10 分 → 0 分',
    )
  })

  it('compiles a formula once per rule object (per template version), not per evaluation', () => {
    const rule = { shape: 'formula', expression: 'actual * 2' } as const
    const ind = indicator(rule, 100)
    expect(points(ind, { actual: 3 })).toBe(6)
    const compiled = compiledFormulaFor(rule)
    expect(points(ind, { actual: 4 })).toBe(8)
    expect(compiledFormulaFor(rule)).toBe(compiled)
    expect(compiledFormulaFor({ ...rule })).not.toBe(compiled)
  })

  // Issue 16: `actual/0` used to give Infinity, clamped to full marks; an error is no result.
  it('marks a division by zero invalid with a message, never full marks', () => {
    const ind = indicator({ shape: 'formula', expression: 'actual/0' }, 10)
    const score = scoreIndicator(ind, { actual: 5 })
    expect(score.points).toBe(0)
    expect(score).toMatchObject({ invalid: true, missing: true })
    expect(score.explanation['zh-CN']).toBe(
      '公式 actual/0 无法计算：除数为 0。本项无法计分（不是 0 分的成绩），请更正公式或数据',
    )
    expect(score.explanation.en).toContain('division by zero')
    expect(scoreIndicator(ind, { actual: 5 }, { explain: false })).toMatchObject({ points: 0, invalid: true })
  })

  it('marks a library function error and an overflow invalid', () => {
    const mod = scoreIndicator(indicator({ shape: 'formula', expression: 'MOD(actual, target)' }, 10), {
      actual: 5,
      target: 0,
    })
    expect(mod).toMatchObject({ points: 0, invalid: true })
    expect(mod.explanation.en).toContain('function MOD failed: division by zero (#DIV/0!)')
    const huge = scoreIndicator(indicator({ shape: 'formula', expression: '10 ^ actual' }, 10), {
      actual: 400,
    })
    expect(huge).toMatchObject({ points: 0, invalid: true })
  })

  it('scores with the library functions', () => {
    const ind = indicator({ shape: 'formula', expression: 'MIN(max, INT(actual / 1000))' }, 10)
    expect(points(ind, { actual: 7_800 })).toBe(7)
  })
})

describe('more seed rules (digest §3)', () => {
  it('R9 T9 row 2 延误或投诉一次扣5分 (no floor stated: floor 0 assumed) (002)', () => {
    const ind = indicator({ shape: 'deduct_per_occurrence', perOccurrence: 5 }, 10)
    expect([0, 1, 2, 3].map((n) => points(ind, { occurrences: n }))).toEqual([10, 5, 0, 0])
  })

  it('R9 T14 违反扣1.5分/次 on an 8-point item (002)', () => {
    const ind = indicator({ shape: 'deduct_per_occurrence', perOccurrence: 1.5 }, 8)
    expect(points(ind, { occurrences: 3 })).toBe(3.5)
    expect(points(ind, { occurrences: 6 })).toBe(0)
  })

  it('R11 T9 counterfeit shops found without a complaint: 扣2分/家 (002)', () => {
    const ind = indicator({ shape: 'deduct_per_occurrence', perOccurrence: 2, floor: 0 }, 10)
    expect(points(ind, { actual: 4 })).toBe(2)
  })

  it('R14 + R15 T9 row 3: 未检查扣5分, 发现问题未处理不得分 as one formula (002)', () => {
    const ind = indicator(
      {
        shape: 'formula',
        expression: 'IF(unhandled > 0, 0, max - IF(inspected = 0, 5, 0))',
        variables: ['unhandled', 'inspected'],
      },
      10,
    )
    expect(points(ind, { variables: { unhandled: 0, inspected: 1 } })).toBe(10)
    expect(points(ind, { variables: { unhandled: 0, inspected: 0 } })).toBe(5)
    expect(points(ind, { variables: { unhandled: 1, inspected: 1 } })).toBe(0)
  })

  it('R18 T16 制作数量: ≥x条 → 100, ≥y and <x → 80, <y → 0 (x = 20, y = 10 filled in) (002)', () => {
    const ind = indicator(
      {
        shape: 'bands',
        basis: 'actual',
        bands: [
          { min: 20, points: 100 },
          { min: 10, max: 20, points: 80 },
          { max: 10, points: 0 },
        ],
      },
      100,
    )
    expect([25, 20, 19, 10, 9].map((n) => points(ind, { actual: n }))).toEqual([100, 100, 80, 80, 0])
  })

  it('R19 T16 播放量: total ≥ A and at least k videos over B, as a formula with AND (002)', () => {
    const ind = indicator(
      { shape: 'formula', expression: 'IF(AND(actual >= 500000, hits >= 3), max, 0)', variables: ['hits'] },
      20,
    )
    expect(points(ind, { actual: 600_000, variables: { hits: 3 } })).toBe(20)
    expect(points(ind, { actual: 600_000, variables: { hits: 2 } })).toBe(0)
    expect(points(ind, { actual: 400_000, variables: { hits: 5 } })).toBe(0)
  })

  it('R20 T16 意见评价数不低于xx: met → full, else 0 (binary reading) (002)', () => {
    const ind = indicator({ shape: 'pass_fail', condition: { op: '>=', value: 50 } }, 5)
    expect(points(ind, { actual: 50 })).toBe(5)
    expect(points(ind, { actual: 49 })).toBe(0)
  })

  it('R22 T5 根据月计划比例: W × min(1, done/planned) (002)', () => {
    const ind = indicator({ shape: 'ratio_to_target', capRatio: 1 }, 10)
    expect(points(ind, { actual: 3, target: 4 })).toBe(7.5)
    expect(points(ind, { actual: 5, target: 4 })).toBe(10)
    expect(points(ind, { actual: 1, target: 3 })).toBe(3.33)
  })

  it('R28 T16 score out of 100 × weight 20% as a formula (002)', () => {
    const ind = indicator(
      { shape: 'formula', expression: 'score100 * 20%', variables: ['score100'], capPoints: 24 },
      20,
    )
    expect(points(ind, { variables: { score100: 80 } })).toBe(16)
    expect(points(ind, { variables: { score100: 120 } })).toBe(24)
  })
})

describe('bulk scoring', () => {
  it('skips explanations when explain is false but scores the same', () => {
    const fast = scoreIndicator(t9Sales, { actual: 85_000 }, { explain: false })
    expect(fast.points).toBe(12)
    expect(fast.explanation).toEqual({ 'zh-CN': '', en: '' })
  })
})

// ---- properties -------------------------------------------------------------------------------------

const count = fc.integer({ min: 0, max: 1_000 })
const amount = fc.double({ min: 0, max: 1e7, noNaN: true })

describe('properties', () => {
  it('points stay within [floor, max] for every deduction shape and the ladder', () => {
    fc.assert(
      fc.property(count, amount, count, count, (n, actual, a, b) => {
        for (const [ind, input] of [
          [t11Network, { occurrences: n }],
          [t9PageViews, { actual }],
          [t9Turnover, { counts: { over_6_months: a, over_2_years: b } }],
          [t10Ladder, { occurrences: n }],
        ] as const) {
          const p = points(ind, input)
          expect(p).toBeGreaterThanOrEqual(0)
          expect(p).toBeLessThanOrEqual(ind.maxPoints)
        }
      }),
    )
  })

  it('ratio points stay within [floorRatio, capRatio] × max and bands within the band points', () => {
    fc.assert(
      fc.property(
        amount,
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 2, noNaN: true }),
        (actual, target, floorRatio, capRatio) => {
          for (const direction of ['higher_better', 'lower_better'] as const) {
            const ind = indicator({ shape: 'ratio_to_target', capRatio, floorRatio }, 10, { direction })
            const p = points(ind, { actual, target })
            expect(p).toBeGreaterThanOrEqual(roundTo2(10 * floorRatio) - 0.005)
            expect(p).toBeLessThanOrEqual(roundTo2(10 * capRatio) + 0.005)
          }
          const b = points(t9Sales, { actual })
          expect([0, 5, 8, 10, 12, 15]).toContain(b)
        },
      ),
    )
  })

  it('levels, bonuses, discretionary and formula points stay within their bounds', () => {
    const bonus = indicator({ shape: 'bonus_per_occurrence', perOccurrence: 3, cap: 10 }, 10)
    const range = indicator({ shape: 'bonus_range', min: 5, max: 10 }, 10)
    const judged = indicator({ shape: 'discretionary', min: 2, max: 8 }, 8)
    const formula = indicator({ shape: 'formula', expression: 'actual * 3 - 40' }, 25)
    fc.assert(
      fc.property(count, fc.double({ min: -100, max: 100, noNaN: true }), amount, (n, s, actual) => {
        expect(points(bonus, { occurrences: n })).toBeLessThanOrEqual(10)
        const r = points(range, { score: s })
        expect(r === 0 || (r >= 5 && r <= 10)).toBe(true)
        const d = points(judged, { score: s })
        expect(d).toBeGreaterThanOrEqual(2)
        expect(d).toBeLessThanOrEqual(8)
        const f = points(formula, { actual })
        expect(f).toBeGreaterThanOrEqual(0)
        expect(f).toBeLessThanOrEqual(25)
        expect([0, 15, 30]).toContain(points(t12Uv, { actual }))
      }),
    )
  })

  it('is monotone in the indicator direction: bands, ratio, deductions, ladder, shortfall', () => {
    fc.assert(
      fc.property(amount, amount, count, count, (x, y, n, m) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x]
        const [few, many] = n <= m ? [n, m] : [m, n]
        expect(points(t9Sales, { actual: lo })).toBeLessThanOrEqual(points(t9Sales, { actual: hi }))
        expect(points(t15Uv, { actual: lo })).toBeLessThanOrEqual(points(t15Uv, { actual: hi }))
        expect(points(t9PageViews, { actual: lo })).toBeLessThanOrEqual(points(t9PageViews, { actual: hi }))
        expect(points(t12Uv, { actual: lo })).toBeLessThanOrEqual(points(t12Uv, { actual: hi }))
        const lower = indicator({ shape: 'ratio_to_target', capRatio: 1.2 }, 10, {
          direction: 'lower_better',
          target: { kind: 'fixed', value: 100 },
        })
        expect(points(lower, { actual: lo })).toBeGreaterThanOrEqual(points(lower, { actual: hi }))
        expect(points(t11Network, { occurrences: few })).toBeGreaterThanOrEqual(
          points(t11Network, { occurrences: many }),
        )
        expect(points(t10Ladder, { occurrences: few })).toBeGreaterThanOrEqual(
          points(t10Ladder, { occurrences: many }),
        )
        expect(points(t9Turnover, { counts: { over_1_year: few } })).toBeGreaterThanOrEqual(
          points(t9Turnover, { counts: { over_1_year: many } }),
        )
      }),
    )
  })
})

describe("explanations of '%' indicators (values are fractions: 1 = 100%)", () => {
  it('read the actual, the target and the bands as percentages', () => {
    // 000 客户评价: 25 × min(1, 实际/目标), target 98%.
    const reviews = indicator({ shape: 'ratio_to_target', capRatio: 1 }, 25, {
      unit: '%',
      target: { kind: 'fixed', value: 0.98 },
    })
    expect(scoreIndicator(reviews, { actual: 0.931 }).explanation).toEqual({
      'zh-CN': '实际 93.1%，目标 98%，实际/目标 = 95% → 25 × 95% = 23.75 分',
      en: 'Actual 93.1% against target 98%: actual/target = 95% → 25 × 95% = 23.75 points',
    })
    // 002 T12 日常工作完成率: A when done in full, B from 60%, C below.
    const daily = indicator(
      {
        shape: 'levels',
        levels: [
          { code: 'A', label: 'A', points: 20 },
          { code: 'B', label: 'B', points: 12 },
          { code: 'C', label: 'C', points: 0 },
        ],
        thresholds: [
          { level: 'A', band: { min: 1 } },
          { level: 'B', band: { min: 0.6, max: 1 } },
          { level: 'C', band: { max: 0.6 } },
        ],
      },
      20,
      { unit: '%' },
    )
    expect(scoreIndicator(daily, { actual: 0.75 }).explanation['zh-CN']).toBe(
      '实际 75%，符合 ≥ 60% 且 < 100% → 等级 B → 12 分（满分 20）',
    )
    const quality = indicator({ shape: 'bands', basis: 'actual', bands: [{ min: 0.95, points: 10 }] }, 10, {
      unit: '%',
    })
    expect(scoreIndicator(quality, { actual: 0.96 }).explanation.en).toBe(
      'Actual 96% is in the band ≥ 95% → 10 points (max 10)',
    )
  })
})

// Issue 12: a negative target used to score a silent 0 ("缺少有效目标值"); the core cannot explain a ratio against it,
// so the item is marked invalid, with a reason naming the value, instead of passing for an earned 0.
describe('targets the rules cannot use', () => {
  it.each([
    ['a ratio to a negative target', indicator({ shape: 'ratio_to_target', capRatio: 1 }, 10), -5],
    ['a ratio to a zero target', indicator({ shape: 'ratio_to_target', capRatio: 1 }, 10), 0],
    [
      'a completion-rate band against a negative target',
      indicator({ shape: 'bands', basis: 'completion_rate', bands: [{ min: 1, points: 10 }] }, 10),
      -5,
    ],
  ])('marks %s invalid, naming the value', (_case, ind, target) => {
    const score = scoreIndicator(ind, { actual: 3, target })
    expect(score.invalid).toBe(true)
    expect(score.missing).toBe(true)
    expect(score.points).toBe(0)
    expect(score.explanation['zh-CN']).toContain(`目标值 ${target} 无效`)
    expect(score.explanation['zh-CN']).toContain('不是 0 分的成绩')
    // Even bulk scoring (no explanations) says why.
    expect(scoreIndicator(ind, { actual: 3, target }, { explain: false }).explanation.en).toContain('invalid')
  })

  it('keeps an absent target a missing input, not an invalid one', () => {
    const score = scoreIndicator(indicator({ shape: 'ratio_to_target', capRatio: 1 }, 10), { actual: 3 })
    expect(score.missing).toBe(true)
    expect(score.invalid).toBeUndefined()
  })
})

function roundTo2(x: number): number {
  return Math.round(x * 100) / 100
}
