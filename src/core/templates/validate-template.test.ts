import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultScoring } from '../results/default-scoring.ts'
import type { Dimension, Indicator, Rule, Template } from './template.ts'
import { formatBandBounds, validateTemplate } from './validate-template.ts'

function ind(key: string, maxPoints: number, rule: Rule, extra: Partial<Indicator> = {}): Indicator {
  return {
    key,
    name: key.toUpperCase(),
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

const discretionary = (max: number): Rule => ({ shape: 'discretionary', min: 0, max })

function tpl(dimensions: Dimension[], extra: Partial<Template> = {}): Template {
  return {
    code: 't',
    name: 't',
    period: 'monthly',
    dimensions,
    adjustments: [],
    scoring: defaultScoring,
    ...extra,
  }
}

function dim(key: string, maxPoints: number, indicators: Indicator[]): Dimension {
  return { key, name: key, maxPoints, indicators }
}

const codes = (t: Template) => validateTemplate(t).map((i) => i.code)

// 002 T12: A >500, B 200–500, C <200.
const t12Levels: Rule = {
  shape: 'levels',
  levels: [
    { code: 'A', label: 'A', points: 30 },
    { code: 'B', label: 'B', points: 15 },
    { code: 'C', label: 'C', points: 0 },
  ],
  thresholds: [
    { level: 'A', band: { min: 500, minInclusive: false } },
    { level: 'B', band: { min: 200, max: 500, maxInclusive: true } },
    { level: 'C', band: { max: 200 } },
  ],
}

describe('validateTemplate', () => {
  it('accepts a clean template (002 T12 levels, T9 sales staircase, T10 completion bands)', () => {
    const t = tpl([
      dim('a', 60, [
        ind('uv', 30, t12Levels),
        ind('sales', 15, {
          shape: 'bands',
          basis: 'actual',
          bands: [
            { min: 100_000, points: 15 },
            { min: 80_000, points: 12 },
            { min: 30_000, points: 5 },
          ],
        }),
        ind(
          'plan',
          15,
          {
            shape: 'bands',
            basis: 'completion_rate',
            scale: 'fraction_of_max',
            bands: [
              { min: 1, points: 5 },
              { min: 0.6, points: 1 },
              { max: 0.6, points: 0 },
            ],
          },
          { target: { kind: 'per_employee' } },
        ),
      ]),
      dim('b', 40, [ind('x', 40, discretionary(40))]),
    ])
    expect(validateTemplate(t)).toEqual([])
  })

  it('names dimension budgets that miss 100 and indicators that miss their dimension', () => {
    const t = tpl([
      dim('ability', 20, [ind('a', 15, discretionary(15))]),
      dim('results', 50, [ind('b', 50, discretionary(50))]),
    ])
    const issues = validateTemplate(t)
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['dimension_budget_mismatch', 'dimensions[0].maxPoints'],
      ['scale_budget_mismatch', 'dimensions'],
    ])
    expect(issues[0]?.message['zh-CN']).toBe(
      '维度「ability」(ability)：各指标满分合计 15，与维度分值 20 不符',
    )
    expect(issues[1]?.message.en).toBe(
      'on the 100-point scale the dimension budgets must add up to 100; they add up to 70',
    )
  })

  it('finds overlapping and gapped bands and states the bounds', () => {
    const overlap: Rule = {
      ...t12Levels,
      thresholds: [
        { level: 'A', band: { min: 500 } },
        { level: 'B', band: { min: 200, max: 500, maxInclusive: true } },
        { level: 'C', band: { max: 150 } },
      ],
    } as Rule
    const issues = validateTemplate(
      tpl([dim('d', 100, [ind('uv', 30, overlap), ind('y', 70, discretionary(70))])]),
    )
    expect(issues.map((i) => i.code)).toEqual(['band_gap', 'band_overlap'])
    expect(issues[0]?.message['zh-CN']).toBe(
      '维度「d」(d) › 指标「UV」(uv)：第 3 档 (−∞, 150) 与 第 2 档 [200, 500] 之间有空档：150 到 200 之间的值不属于任何档',
    )
    expect(issues[1]?.message.en).toBe(
      'dimension "d" (d) › indicator "UV" (uv): band 2 [200, 500] and band 1 [500, +∞) overlap at 500',
    )
    expect(issues[1]?.path).toBe('dimensions[0].indicators[0].rule.thresholds[0]')
  })

  it('finds a band that can never apply in a staircase listed lowest first', () => {
    const rule: Rule = {
      shape: 'bands',
      basis: 'actual',
      bands: [
        { min: 30_000, points: 5 },
        { min: 100_000, points: 15 },
      ],
    }
    const issues = validateTemplate(
      tpl([dim('d', 100, [ind('s', 15, rule), ind('y', 85, discretionary(85))])]),
    )
    expect(issues[0]?.code).toBe('band_unreachable')
    expect(issues[0]?.message.en).toContain('band 2 [100000, +∞) can never apply')
  })

  it('rejects formulas with unknown variables or functions', () => {
    const rule: Rule = { shape: 'formula', expression: 'max * actual / goal + VLOOKUP(1)' }
    const issues = validateTemplate(tpl([dim('d', 100, [ind('f', 100, rule)])]))
    expect(issues.map((i) => i.code)).toEqual(['formula_invalid', 'formula_invalid'])
    expect(issues[0]?.message.en).toContain('unknown variable "goal"')
    expect(issues[1]?.message['zh-CN']).toContain('未知函数 VLOOKUP')
    expect(issues[0]?.path).toBe('dimensions[0].indicators[0].rule.expression')
  })

  it('rejects a cap below the floor, discretionary min above max, bad parameters', () => {
    const t = tpl([
      dim('d', 100, [
        ind(
          'r',
          20,
          { shape: 'ratio_to_target', capRatio: 0.8, floorRatio: 0.9 },
          { target: { kind: 'fixed', value: 1 } },
        ),
        ind('q', 20, { shape: 'discretionary', min: 8, max: 5 }),
        ind('p', 20, { shape: 'deduct_per_occurrence', perOccurrence: 0, floor: 25 }),
        ind('s', 20, {
          shape: 'deduct_per_shortfall',
          threshold: 10,
          unit: 0,
          pointsPerUnit: 2,
          partialUnit: 'counts',
        }),
        ind('r2', 20, { shape: 'ratio_to_target', capRatio: 1.2 }),
      ]),
    ])
    expect(codes(t)).toEqual([
      'cap_below_floor',
      'min_above_max',
      'invalid_parameter',
      'cap_below_floor',
      'invalid_parameter',
      'target_required',
    ])
  })

  it('rejects rater weights that do not add up to 1 (000: 0.75 + 0.25)', () => {
    const ok = tpl([dim('d', 100, [ind('x', 100, discretionary(100))])], {
      scoring: { ...defaultScoring, raterWeights: { supervisor: 0.75, self: 0.25 } },
    })
    expect(validateTemplate(ok)).toEqual([])
    const bad = { ...ok, scoring: { ...ok.scoring, raterWeights: { supervisor: 0.75, self: 0.35 } } }
    const issues = validateTemplate(bad)
    expect(issues[0]?.message['zh-CN']).toBe('评分人权重合计应为 1，现为 supervisor 0.75 + self 0.35 = 1.1')
  })

  it('rejects duplicate keys and grade or coefficient bands out of order', () => {
    const t = tpl([dim('d', 100, [ind('x', 50, discretionary(50)), ind('x', 50, discretionary(50))])], {
      scoring: {
        ...defaultScoring,
        grades: [defaultScoring.grades[1]!, defaultScoring.grades[0]!],
        coefficients: [
          { min: 65, minInclusive: true, coefficient: 1 },
          { min: 80, minInclusive: true, coefficient: 1.2 },
        ],
      },
    })
    const issues = validateTemplate(t)
    expect(issues.map((i) => i.code)).toEqual(['duplicate_key', 'bands_out_of_order', 'bands_out_of_order'])
    expect(issues[0]?.message.en).toBe('indicator key "x" is already used at dimensions[0].indicators[0]')
    expect(issues[1]?.path).toBe('scoring.grades[1].min')
  })

  it('asks for a cap on adjustment items whose rule needs a full amount', () => {
    const t = tpl([dim('d', 100, [ind('x', 100, discretionary(100))])], {
      adjustments: [
        {
          key: 'b',
          name: '达标奖励',
          kind: 'bonus',
          rule: { shape: 'pass_fail' },
          assessor: { rater: 'supervisor' },
          dataSource: { kind: 'manual' },
        },
      ],
    })
    expect(codes(t)).toEqual(['cap_required'])
  })

  it('formats band bounds with inclusivity', () => {
    expect(formatBandBounds({ min: 200, max: 500, maxInclusive: true })).toBe('[200, 500]')
    expect(formatBandBounds({ min: 500, minInclusive: false })).toBe('(500, +∞)')
  })

  it('templates generated with weights that validate always sum to the budget', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.boolean(),
        (dims, honestBudgets) => {
          const dimensions = dims.map((points, d) => {
            const indicators = points.map((p, i) => ind(`i${d}_${i}`, p, discretionary(p)))
            const sum = points.reduce((a, b) => a + b, 0)
            return dim(`d${d}`, honestBudgets ? sum : sum + (d % 2), indicators)
          })
          const t = tpl(dimensions)
          const issues = validateTemplate(t)
          const total = dims.flat().reduce((a, b) => a + b, 0)
          if (issues.length === 0) {
            expect(total).toBe(100)
            for (const d of dimensions) {
              expect(d.indicators.reduce((s, i) => s + i.maxPoints, 0)).toBe(d.maxPoints)
            }
          }
        },
      ),
      { numRuns: 500 },
    )
  })

  it('a template whose budgets are split from 100 always validates', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 8 }), (cuts) => {
        const sorted = [...new Set(cuts)].sort((a, b) => a - b)
        const edges = [0, ...sorted, 100]
        const parts = edges.slice(1).map((e, i) => e - edges[i]!)
        const t = tpl(parts.map((p, i) => dim(`d${i}`, p, [ind(`k${i}`, p, discretionary(p))])))
        expect(validateTemplate(t)).toEqual([])
      }),
    )
  })
})
