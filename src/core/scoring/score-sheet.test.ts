import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { builtinTemplates } from '../library/builtin-templates.ts'
import { defaultScoring } from '../results/default-scoring.ts'
import type { AdjustmentItem, Dimension, Indicator, Rule, Template } from '../templates/template.ts'
import type { IndicatorInput } from './score-indicator.ts'
import { scoreSheet } from './score-sheet.ts'
import { validateSheetInputs } from './validate-sheet-inputs.ts'

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

function template(dimensions: Dimension[], extra: Partial<Template> = {}): Template {
  return {
    code: 'test',
    name: 'test',
    period: 'monthly',
    dimensions,
    adjustments: [],
    scoring: defaultScoring,
    ...extra,
  }
}

const perIncident: Rule = { shape: 'deduct_per_occurrence', perOccurrence: 2, floor: 0 }

// 002 T11 网管绩效考核表: 30 / 30 / 20 / 10 / 10.
const t11 = template([
  dim('kpi', 'KPI', [
    ind('network', '网络调试', 30, perIncident),
    ind('hardware', '硬件维护', 30, perIncident),
    ind('mail', '邮件安全', 20, perIncident),
    ind('catalogue', '其他相关', 10, perIncident, { unit: '天' }),
    ind('attitude', '工作态度', 10, { shape: 'discretionary', min: 0, max: 10 }),
  ]),
])

describe('scoreSheet', () => {
  it('T11 网管: 2 network incidents, 1 mail loss, 3 days late, attitude 8 → 86, 良好, coefficient 1.2 (002)', () => {
    // 30−4 + 30 + 20−2 + 10−6 + 8 = 86.
    const score = scoreSheet(t11, {
      indicators: {
        network: { occurrences: 2 },
        hardware: { occurrences: 0 },
        mail: { occurrences: 1 },
        catalogue: { occurrences: 3 },
        attitude: { score: 8, comment: '积极配合' },
      },
    })
    expect(score.dimensions[0]?.indicators.map((i) => i.points)).toEqual([26, 30, 18, 4, 8])
    expect(score.total).toBe(86)
    expect(score.grade?.label['zh-CN']).toBe('良好')
    expect(score.coefficient).toBe(1.2)
    expect(score.missing).toEqual([])
    expect(score.explanation['zh-CN']).toBe(
      '维度小计：KPI 86/100 = 86 分。总分 86 分，等级 良好，绩效系数 1.2。得分保留两位小数，四舍五入。',
    )
  })

  it('000 客服: supervisor weekly samples 75% (averaged) + month-end self-appraisal 25%', () => {
    const cs = template(
      [
        dim('service', '服务质量', [
          ind('attitude', '服务态度', 60, { shape: 'discretionary', min: 0, max: 60 }),
          ind('speed', '响应及时', 40, { shape: 'discretionary', min: 0, max: 40 }),
        ]),
      ],
      { scoring: { ...defaultScoring, raterWeights: { supervisor: 0.75, self: 0.25 } } },
    )
    const sheet = (rater: 'supervisor' | 'self', attitude: number, speed: number) => ({
      rater,
      indicators: {
        attitude: { score: attitude, comment: '抽查' },
        speed: { score: speed, comment: '抽查' },
      },
    })
    // Supervisor weeks 80, 90, 85, 95 → mean 87.5; self 92; 0.75 × 87.5 + 0.25 × 92 = 88.625 → 88.63.
    const score = scoreSheet(cs, {
      raters: [
        sheet('supervisor', 50, 30),
        sheet('supervisor', 55, 35),
        sheet('supervisor', 50, 35),
        sheet('supervisor', 58, 37),
        sheet('self', 55, 37),
      ],
    })
    expect(score.raters).toEqual([
      { rater: 'supervisor', sheets: 4, weight: 0.75, effectiveWeight: 0.75, subtotal: 87.5 },
      { rater: 'self', sheets: 1, weight: 0.25, effectiveWeight: 0.25, subtotal: 92 },
    ])
    expect(score.total).toBe(88.63)
    expect(score.coefficient).toBe(1.2)
    expect(score.dimensions[0]?.indicators[0]?.explanation['zh-CN']).toBe(
      '多人评分加权：主管（4 份平均） 53.25 × 75% + 自评 55 × 25% = 53.69 分',
    )
    expect(score.explanation['zh-CN']).toMatch(/^评分人加权：主管（4 份平均） 75% \+ 自评 25%。/)
  })

  it('rescales rater weights over the raters present and says so', () => {
    const cs = template([dim('d', 'D', [ind('a', 'A', 100, { shape: 'discretionary', min: 0, max: 100 })])], {
      scoring: { ...defaultScoring, raterWeights: { supervisor: 0.75, self: 0.25 } },
    })
    const score = scoreSheet(cs, {
      raters: [{ rater: 'supervisor', indicators: { a: { score: 70, comment: 'x' } } }],
    })
    expect(score.total).toBe(70)
    expect(score.explanation['zh-CN']).toContain('权重按到场评分人重新折算')
  })

  it('peer review averages every peer before weighting (003 团队成员互评)', () => {
    const t = template(
      [dim('d', 'D', [ind('collab', '内部协作', 100, { shape: 'discretionary', min: 0, max: 100 })])],
      {
        scoring: { ...defaultScoring, raterWeights: { supervisor: 0.5, peer: 0.5 } },
      },
    )
    const peer = (s: number) => ({
      rater: 'peer' as const,
      indicators: { collab: { score: s, comment: '互评' } },
    })
    const score = scoreSheet(t, {
      raters: [
        peer(70),
        peer(80),
        peer(95),
        { rater: 'supervisor', indicators: { collab: { score: 90, comment: 'ok' } } },
      ],
    })
    // peers mean 81.67 (rounded); 0.5 × 90 + 0.5 × 81.67 = 85.835 → 85.84.
    expect(score.total).toBe(85.84)
  })

  it('blends sampled-customer scores (averaged) with the supervisor, 000-style sampling', () => {
    const t = template(
      [dim('d', 'D', [ind('sat', '客户满意度', 100, { shape: 'discretionary', min: 0, max: 100 })])],
      {
        scoring: { ...defaultScoring, raterWeights: { supervisor: 0.6, sampling: 0.4 } },
      },
    )
    const customer = (s: number) => ({
      rater: 'sampling' as const,
      raterId: `c${s}`,
      indicators: { sat: { score: s, comment: '回访' } },
    })
    const score = scoreSheet(t, {
      raters: [
        customer(100),
        customer(80),
        customer(90),
        { rater: 'supervisor', indicators: { sat: { score: 85, comment: '抽查' } } },
      ],
    })
    // Customers mean 90; 0.6 × 85 + 0.4 × 90 = 87.
    expect(score.total).toBe(87)
    expect(score.raters.find((r) => r.rater === 'sampling')).toMatchObject({ sheets: 3, subtotal: 90 })
  })

  it('T9 bonus outside the budget: 有重大贡献额外加5-10分, held by the template bonus cap (002)', () => {
    const t9 = template(
      [
        dim('perf', '业绩', [
          ind('sales', '销售任务', 15, {
            shape: 'bands',
            basis: 'actual',
            bands: [
              { min: 100_000, points: 15 },
              { min: 80_000, points: 12 },
            ],
          }),
          ind('pv', '浏览量', 85, {
            shape: 'deduct_per_shortfall',
            threshold: 10_000,
            unit: 100,
            pointsPerUnit: 2,
            partialUnit: 'counts',
          }),
        ]),
      ],
      {
        adjustments: [bonusItem('contribution', '有重大贡献', { shape: 'bonus_range', min: 5, max: 10 }, 10)],
        scoring: { ...defaultScoring, bonusCap: 8 },
      },
    )
    const score = scoreSheet(t9, {
      indicators: { sales: { actual: 85_000 }, pv: { actual: 9_950 } },
      adjustments: { contribution: { score: 10, comment: '拿下大客户' } },
    })
    // 12 + (85 − 2) = 95, bonus 10 held to the 8 cap → 103 (the total may exceed 100 by the bonus).
    expect(score.base).toBe(95)
    expect(score.bonus).toBe(8)
    expect(score.total).toBe(103)
    expect(score.explanation['zh-CN']).toContain('加分 +8（合计 10，上限 8），扣分 −0。')
  })

  it('T14 bonus +3 per time capped at 10 and a deduction item subtract outside the budget (002)', () => {
    const t = template([dim('d', 'D', [ind('a', 'A', 100, { shape: 'discretionary', min: 0, max: 100 })])], {
      adjustments: [
        bonusItem('customers', '个人客户开发贡献', { shape: 'bonus_per_occurrence', perOccurrence: 3 }, 10),
        {
          ...bonusItem('discipline', '违纪', { shape: 'deduct_per_occurrence', perOccurrence: 1.5 }, 6),
          kind: 'deduction',
        },
      ],
    })
    const score = scoreSheet(t, {
      indicators: { a: { score: 80, comment: '良' } },
      adjustments: { customers: { occurrences: 4 }, discipline: { occurrences: 5 } },
    })
    // 80 + min(12, 10) − min(7.5, 6) = 84.
    expect(score.adjustments.map((a) => a.points)).toEqual([10, -6])
    expect(score.total).toBe(84)
    expect(score.adjustments[1]?.explanation['zh-CN']).toBe(
      '扣分项「违纪」：5 次 × 每次 1.5 分 = 7.5 分，上限 6 分 → −6 分',
    )
  })

  it('normalises to the 100-point scale when budgets sum to 85 (002 T9 visible rows) and says so', () => {
    const t = template([
      dim('a', 'A', [ind('x', 'X', 50, { shape: 'discretionary', min: 0, max: 50 })]),
      dim('b', 'B', [ind('y', 'Y', 35, { shape: 'discretionary', min: 0, max: 35 })]),
    ])
    const score = scoreSheet(t, {
      indicators: { x: { score: 40, comment: 'a' }, y: { score: 28, comment: 'b' } },
    })
    expect(score.subtotal).toBe(68)
    expect(score.base).toBe(80)
    expect(score.explanation['zh-CN']).toContain('折算为百分制：68 × 100 / 85 = 80 分')
    const raw = scoreSheet(
      { ...t, scoring: { ...defaultScoring, scale: 'raw_points' } },
      {
        indicators: { x: { score: 40, comment: 'a' }, y: { score: 28, comment: 'b' } },
      },
    )
    expect(raw.total).toBe(68)
  })

  it('a dimension veto zeroes its dimension; a total veto zeroes the sheet and the bonus (一票否决)', () => {
    const t = template(
      [
        dim('conduct', '纪律', [
          ind('fraud', '弄虚作假', 0, { shape: 'veto', scope: 'dimension' }),
          ind('att', '出勤', 20, perIncident),
        ]),
        dim('work', '工作', [
          ind('safety', '重大事故', 0, { shape: 'veto', scope: 'total' }),
          ind('q', '质量', 80, { shape: 'discretionary', min: 0, max: 80 }),
        ]),
      ],
      { adjustments: [bonusItem('b', '表扬', { shape: 'bonus_per_occurrence', perOccurrence: 5 }, 5)] },
    )
    const inputs = (fraud: boolean, safety: boolean) => ({
      indicators: {
        fraud: { violated: fraud },
        att: { occurrences: 1 },
        safety: { violated: safety },
        q: { score: 70, comment: '好' },
      },
      adjustments: { b: { occurrences: 1 } },
    })
    expect(scoreSheet(t, inputs(false, false)).total).toBe(93)
    const dimVeto = scoreSheet(t, inputs(true, false))
    expect(dimVeto.dimensions[0]).toMatchObject({ points: 0, vetoed: true })
    expect(dimVeto.total).toBe(75)
    const totalVeto = scoreSheet(t, inputs(false, true))
    expect(totalVeto).toMatchObject({ total: 0, vetoed: 'total' })
    expect(totalVeto.grade?.label['zh-CN']).toBe('不合格')
    expect(totalVeto.coefficient).toBe(0.5)
    expect(totalVeto.explanation['zh-CN']).toContain('发生一票否决事项，总分为 0 分。')
  })

  it('scores missing inputs by their rule and lists them: deductions full, a judged item holds the sheet', () => {
    // Nothing recorded against a deduction is nothing off (issue 16); the attitude score must be entered.
    const score = scoreSheet(t11, { indicators: { network: { occurrences: 0 } } })
    expect(score.missing).toEqual(['hardware', 'mail', 'catalogue', 'attitude'])
    expect(score.held).toEqual(['attitude'])
    expect(score.total).toBe(90)
    expect(score.explanation.en).toContain(
      'These items have no data and must be entered before the sheet can be computed: 工作态度.',
    )
    expect(score.explanation.en).toContain(
      'Items without data were scored by their missing-data rule (see each item): 硬件维护, 邮件安全, 其他相关.',
    )
  })

  it('a total never exceeds its budget plus the capped bonuses, and never drops below 0', () => {
    const t = template(
      [
        dim('a', 'A', [
          ind('x', 'X', 40, perIncident),
          ind(
            'y',
            'Y',
            30,
            { shape: 'ratio_to_target', capRatio: 1 },
            { target: { kind: 'fixed', value: 100 } },
          ),
        ]),
        dim('b', 'B', [ind('z', 'Z', 30, { shape: 'discretionary', min: 0, max: 30 })]),
      ],
      {
        adjustments: [
          bonusItem('b1', 'B1', { shape: 'bonus_per_occurrence', perOccurrence: 3 }, 10),
          bonusItem('b2', 'B2', { shape: 'bonus_range', min: 5, max: 10 }, 10),
          {
            ...bonusItem('d1', 'D1', { shape: 'deduct_per_occurrence', perOccurrence: 10 }, 50),
            kind: 'deduction',
          },
        ],
        scoring: { ...defaultScoring, bonusCap: 15 },
      },
    )
    fc.assert(
      fc.property(
        fc.nat(30),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: -10, max: 50, noNaN: true }),
        fc.nat(10),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.nat(10),
        (n, actual, s, bonusTimes, bonusScore, deductions) => {
          const score = scoreSheet(
            t,
            {
              indicators: { x: { occurrences: n }, y: { actual }, z: { score: s, comment: 'c' } },
              adjustments: {
                b1: { occurrences: bonusTimes },
                b2: { score: bonusScore },
                d1: { occurrences: deductions },
              },
            },
            { explain: false },
          )
          expect(score.total).toBeLessThanOrEqual(100 + 15)
          expect(score.total).toBeGreaterThanOrEqual(0)
          expect(score.base).toBeLessThanOrEqual(100)
          for (const d of score.dimensions) expect(d.points).toBeLessThanOrEqual(d.maxPoints)
        },
      ),
    )
  })
})

// Inputs that give every indicator its best case, by rule shape (used to score the whole library).
function bestInput(rule: Rule): IndicatorInput {
  switch (rule.shape) {
    case 'levels':
      return { level: [...rule.levels].sort((a, b) => b.points - a.points)[0]?.code }
    case 'discretionary':
    case 'bonus_range':
      return { score: rule.max, comment: '满分' }
    case 'pass_fail':
      return { passed: true }
    case 'veto':
      return { violated: false }
    case 'weighted_deductions':
      return { counts: {} }
    case 'deduct_per_occurrence':
    case 'count_ladder':
      return { occurrences: 0 }
    case 'bonus_per_occurrence':
      return { occurrences: 1 }
    case 'formula':
      return {
        actual: 1e9,
        target: 1,
        occurrences: 0,
        variables: Object.fromEntries((rule.variables ?? []).map((v) => [v, 1])),
      }
    default:
      return { actual: 1e9, target: 1 }
  }
}

describe('the built-in template library', () => {
  it('scores every built-in template: nothing entered → 0 with every indicator listed missing', () => {
    for (const t of builtinTemplates) {
      const score = scoreSheet(t, {})
      const indicators = t.dimensions.flatMap((d) => d.indicators)
      // A bonus range left empty means no bonus, not missing data; every other shape needs its input.
      const optional = indicators.filter((i) => i.rule.shape === 'bonus_range').length
      expect(score.missing.length, t.code).toBe(indicators.length - optional)
      expect(score.total, t.code).toBeGreaterThanOrEqual(0)
      expect(score.explanation['zh-CN'], t.code).toContain('得分保留两位小数')
    }
  })

  it('scores every built-in template at its best within its budget plus its capped bonuses', () => {
    for (const t of builtinTemplates) {
      const indicators = Object.fromEntries(
        t.dimensions.flatMap((d) => d.indicators.map((i) => [i.key, bestInput(i.rule)])),
      )
      const adjustments = Object.fromEntries(
        t.adjustments.map((a) => [a.key, a.kind === 'bonus' ? bestInput(a.rule) : {}]),
      )
      expect(
        validateSheetInputs(t, { indicators, adjustments }).filter((i) => i.field === 'key'),
        t.code,
      ).toEqual([])
      const score = scoreSheet(t, { indicators, adjustments })
      const budget = t.dimensions.reduce((sum, d) => sum + d.maxPoints, 0)
      const bonusRoom = t.adjustments
        .filter((a) => a.kind === 'bonus')
        .reduce((sum, a) => sum + (a.cap ?? 1000), 0)
      const ceiling = (t.scoring.scale === 'hundred' ? 100 : budget) * 1.2 + bonusRoom
      expect(score.total, t.code).toBeGreaterThan(0)
      expect(score.total, t.code).toBeLessThanOrEqual(ceiling)
      expect(score.grade, t.code).toBeDefined()
    }
  })
})

describe('validateSheetInputs', () => {
  it('lists every problem: missing fields, discretionary without comment, unknown keys and levels', () => {
    const t = template([
      dim('d', 'D', [
        ind('uv', '网站独立访客', 30, {
          shape: 'levels',
          levels: [
            { code: 'A', label: 'A', points: 30 },
            { code: 'B', label: 'B', points: 15 },
          ],
        }),
        ind('attitude', '工作态度', 10, { shape: 'discretionary', min: 0, max: 10 }),
        ind('turnover', '员工流失', 10, {
          shape: 'weighted_deductions',
          categories: [{ key: 'over_1_year', label: '一年以上', pointsEach: 2 }],
        }),
        ind('net', '网络调试', 50, perIncident),
      ]),
    ])
    const issues = validateSheetInputs(t, {
      indicators: {
        uv: { level: 'D' },
        attitude: { score: 12 },
        turnover: { counts: { over_10_years: 1 } },
        nett: { occurrences: 1 },
      },
    })
    expect(issues.map((i) => i.path)).toEqual([
      'indicators.nett',
      'indicators.uv.level',
      'indicators.attitude.score',
      'indicators.attitude.comment',
      'indicators.turnover.counts.over_10_years',
      'indicators.net.occurrences',
    ])
    expect(issues[1]?.message['zh-CN']).toBe('指标「网站独立访客」（uv）的 level：没有这个等级（可用：A、B）')
    expect(issues[3]?.message.en).toBe(
      '工作态度 (attitude), comment: missing a comment (a discretionary score needs its reason)',
    )
    expect(issues[2]?.value).toBe(12)
  })

  it('names a rater whose weight is set but whose sheet is absent (000 75/25)', () => {
    const t = template([dim('d', 'D', [ind('a', 'A', 100, { shape: 'discretionary', min: 0, max: 100 })])], {
      scoring: { ...defaultScoring, raterWeights: { supervisor: 0.75, self: 0.25 } },
    })
    const issues = validateSheetInputs(t, {
      raters: [{ rater: 'supervisor', indicators: { a: { score: 80, comment: 'ok' } } }],
    })
    expect(issues).toHaveLength(1)
    expect(issues[0]?.message['zh-CN']).toBe('缺少评分人「self」的评分（权重 0.25）')
  })

  it('accepts complete inputs', () => {
    const inputs: Record<string, IndicatorInput> = {
      network: { occurrences: 2 },
      hardware: { occurrences: 0 },
      mail: { occurrences: 1 },
      catalogue: { actual: 3 },
      attitude: { score: 8, comment: '好' },
    }
    expect(validateSheetInputs(t11, { indicators: inputs })).toEqual([])
  })
})

function bonusItem(key: string, name: string, rule: Rule, cap?: number): AdjustmentItem {
  return {
    key,
    name,
    kind: 'bonus',
    rule,
    cap,
    assessor: { rater: 'supervisor' },
    dataSource: { kind: 'manual' },
  }
}
