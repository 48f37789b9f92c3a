import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultScoring } from '../results/default-scoring.ts'
import type {
  AdjustmentItem,
  Dimension,
  Indicator,
  Rule,
  Template,
  WhenMissing,
} from '../templates/template.ts'
import { defaultWhenMissing } from './default-when-missing.ts'
import { scoreAdjustment } from './score-adjustment.ts'
import { scoreIndicator } from './score-indicator.ts'
import { scoreSheet } from './score-sheet.ts'

// Issue 16 part 1: missing is not zero. Each indicator declares what an absent input means; the default
// follows the rule shape (deductions: full marks; ratio, bands, formula, levels: the sheet is held).

function ind(
  key: string,
  name: string,
  maxPoints: number,
  rule: Rule,
  extra: Partial<Indicator> = {},
): Indicator {
  return {
    key,
    name,
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

function dim(key: string, name: string, indicators: Indicator[]): Dimension {
  return { key, name, maxPoints: indicators.reduce((s, i) => s + i.maxPoints, 0), indicators }
}

function template(dimensions: Dimension[], adjustments: AdjustmentItem[] = []): Template {
  return { code: 't', name: 't', period: 'monthly', dimensions, adjustments, scoring: defaultScoring }
}

const ratio: Rule = { shape: 'ratio_to_target', capRatio: 1.2 }
const perIncident: Rule = { shape: 'deduct_per_occurrence', perOccurrence: 2, floor: 0 }
const judged: Rule = { shape: 'discretionary', min: 0, max: 60 }
// 销售额 against a target agreed per employee (no template default).
const sales = ind('sales', '销售额', 40, ratio, { target: { kind: 'per_employee' }, unit: '元' })

describe('missing inputs follow the indicator’s rule (issue 16)', () => {
  it('an empty target with the actual entered holds the sheet instead of scoring 0', () => {
    const score = scoreIndicator(sales, { actual: 50_000 })
    expect(score).toMatchObject({ points: 0, missing: true, whenMissing: 'block', held: true })
    expect(score.explanation['zh-CN']).toBe('缺少有效目标值：按模板规定，本项须录入后才能计算，本表暂不计分')
    const sheet = scoreSheet(template([dim('a', '业绩', [sales, ind('attitude', '态度', 60, judged)])]), {
      indicators: { sales: { actual: 50_000 }, attitude: { score: 50, comment: '好' } },
    })
    expect(sheet.held).toEqual(['sales'])
    expect(sheet.explanation['zh-CN']).toContain('须录入后才能计算，本表暂不能定稿：销售额')
  })

  it('deduction items with nothing entered score full marks and say so (template preview)', () => {
    const score = scoreIndicator(ind('network', '网络调试', 30, perIncident), {})
    expect(score).toMatchObject({ points: 30, missing: true, whenMissing: 'full' })
    expect(score.held).toBeUndefined()
    expect(score.explanation['zh-CN']).toBe('缺少发生次数：按模板规定记满分 30 分（无记录即不扣分）')
    expect(score.explanation.en).toContain('scores full marks')
  })

  it('a declared rule wins over the shape default: zero and full are said in the explanation', () => {
    const zero = scoreIndicator({ ...sales, whenMissing: 'zero' }, { actual: 1 })
    expect(zero).toMatchObject({ points: 0, whenMissing: 'zero', missing: true })
    expect(zero.explanation['zh-CN']).toBe('缺少有效目标值：按模板规定记 0 分')
    const full = scoreIndicator({ ...sales, whenMissing: 'full' }, {})
    expect(full).toMatchObject({ points: 40, whenMissing: 'full' })
  })

  it('exclude leaves the indicator out and rescales its dimension over the rest', () => {
    const t = template([
      dim('a', '业绩', [{ ...sales, whenMissing: 'exclude' }, ind('attitude', '态度', 60, judged)]),
    ])
    // 态度 30/60 counts for the whole 100-point dimension: 30 × 100 / 60 = 50.
    const sheet = scoreSheet(t, { indicators: { attitude: { score: 30, comment: '一般' } } })
    expect(sheet.dimensions[0]?.indicators[0]).toMatchObject({ excluded: true, points: 0 })
    expect(sheet.dimensions[0]?.points).toBe(50)
    expect(sheet.total).toBe(50)
    expect(sheet.held).toBeUndefined()
    expect(sheet.explanation['zh-CN']).toContain(
      '「业绩」有指标按规定不计入，按其余指标 60 分折算为 100 分。',
    )
  })

  it('a dimension whose every indicator is left out is left out of the 100 points', () => {
    const t = template([
      dim('a', '业绩', [{ ...sales, whenMissing: 'exclude' }]),
      dim('b', '态度', [ind('attitude', '态度', 60, judged)]),
    ])
    // 45/60 on the only dimension that counts → 75 on the 100-point scale.
    expect(scoreSheet(t, { indicators: { attitude: { score: 45, comment: '好' } } }).total).toBe(75)
  })

  it('defaults by rule shape: deductions and ladders full, bonuses zero, measured and judged shapes block', () => {
    const shapes: [Rule, WhenMissing][] = [
      [perIncident, 'full'],
      [{ shape: 'weighted_deductions', categories: [] }, 'full'],
      [
        { shape: 'deduct_per_shortfall', threshold: 1, unit: 1, pointsPerUnit: 1, partialUnit: 'counts' },
        'full',
      ],
      [{ shape: 'count_ladder', steps: [{ count: 0, points: 5 }], beyond: 0 }, 'full'],
      [{ shape: 'veto', scope: 'total' }, 'full'],
      [{ shape: 'bonus_per_occurrence', perOccurrence: 1 }, 'zero'],
      [ratio, 'block'],
      [{ shape: 'bands', basis: 'actual', bands: [{ points: 1 }] }, 'block'],
      [{ shape: 'levels', levels: [] }, 'block'],
      [{ shape: 'formula', expression: 'actual' }, 'block'],
    ]
    for (const [rule, expected] of shapes) expect(defaultWhenMissing(rule)).toBe(expected)
  })

  it('adjustment items: nothing entered deducts nothing and says so; a blocking item holds the sheet', () => {
    const late: AdjustmentItem = {
      key: 'late',
      name: '迟到',
      kind: 'deduction',
      rule: { shape: 'deduct_per_occurrence', perOccurrence: 1 },
      assessor: { rater: 'hr' },
      dataSource: { kind: 'manual' },
    }
    const none = scoreAdjustment(late, undefined)
    expect(none).toMatchObject({ points: 0, missing: true, whenMissing: 'full' })
    expect(none.explanation['zh-CN']).toBe('扣分项「迟到」：未录入：无记录即不扣分 → 0 分')
    const blocking = { ...late, whenMissing: 'block' as const }
    const sheet = scoreSheet(
      template([dim('b', '态度', [ind('attitude', '态度', 60, judged)])], [blocking]),
      {
        indicators: { attitude: { score: 45, comment: '好' } },
      },
    )
    expect(sheet.held).toEqual(['late'])
    expect(scoreAdjustment(late, { occurrences: 2 }).points).toBe(-2)
  })

  it('a missing input never passes for an earned score: full is max, zero and block are 0, always marked', () => {
    const rules: Rule[] = [ratio, perIncident, judged, { shape: 'formula', expression: 'actual * 2' }]
    fc.assert(
      fc.property(
        fc.constantFrom(...rules),
        fc.constantFrom<WhenMissing | undefined>('block', 'zero', 'full', 'exclude', undefined),
        fc.integer({ min: 1, max: 100 }),
        (rule, whenMissing, max) => {
          const indicator = ind('x', 'X', max, rule, whenMissing ? { whenMissing } : {})
          const score = scoreIndicator(indicator, {})
          const policy = whenMissing ?? defaultWhenMissing(rule)
          expect(score.missing).toBe(true)
          expect(score.whenMissing).toBe(policy)
          expect(score.points).toBe(policy === 'full' ? max : 0)
          expect(score.held === true).toBe(policy === 'block')
          expect(score.excluded === true).toBe(policy === 'exclude')
          // Bulk scoring without explanations scores the same.
          expect(scoreIndicator(indicator, {}, { explain: false }).points).toBe(score.points)
        },
      ),
    )
  })
})
