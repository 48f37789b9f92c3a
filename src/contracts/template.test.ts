import { describe, expect, it } from 'vitest'
import { builtinTemplates } from '../core/library/builtin-templates.ts'
import {
  baseTimesScorePayScheme,
  customerServicePayScheme,
  storeManagerPayScheme,
  thresholdGatedPayScheme,
} from '../core/pay/pay-scheme.ts'
import { defaultScoring } from '../core/results/default-scoring.ts'
import type { Template } from '../core/templates/template.ts'
import { paySchemeSchema, sheetInputsSchema, templateSchema } from './template.ts'

// Uses every optional field once, so a field the schema forgets is refused by its strict objects.
const full: Template = {
  code: 'full',
  name: '全字段',
  description: 'd',
  source: { seed: '002', table: 'T9', notes: ['n'] },
  positions: ['店长'],
  period: 'monthly',
  dimensions: [
    {
      key: 'd',
      name: 'D',
      maxPoints: 100,
      indicators: [
        {
          key: 'f',
          name: 'F',
          definition: 'x',
          unit: '次',
          direction: 'lower_better',
          type: 'kci',
          maxPoints: 100,
          target: { kind: 'derived', metric: 'uv', from: 'previous_period_daily_average', factor: 1.1 },
          rule: { shape: 'formula', expression: 'max', variables: ['v'], floorPoints: 0, capPoints: 120 },
          assessor: { rater: 'department', department: '财务部' },
          dataSource: { kind: 'metric', metric: 'uv', attribution: 'shop', splitBy: 'inquiries' },
        },
      ],
    },
  ],
  adjustments: [
    {
      key: 'b',
      name: 'B',
      kind: 'bonus',
      rule: { shape: 'bonus_per_occurrence', perOccurrence: 3, cap: 10 },
      cap: 10,
      assessor: { rater: 'supervisor' },
      dataSource: { kind: 'manual' },
    },
  ],
  scoring: { ...defaultScoring, raterWeights: { supervisor: 0.75, self: 0.25 }, bonusCap: 10 },
}

describe('templateSchema', () => {
  it('accepts every built-in template of the library', () => {
    expect(builtinTemplates.length).toBeGreaterThan(0)
    for (const template of builtinTemplates) {
      const parsed = templateSchema.safeParse(template)
      expect(parsed.success, `${template.code}: ${parsed.error?.message}`).toBe(true)
    }
  })

  it('accepts a template using every optional field', () => {
    expect(templateSchema.parse(full)).toEqual(full)
  })

  it('refuses unknown fields, unknown rule shapes and non-finite numbers, naming the path', () => {
    const extra = templateSchema.safeParse({ ...full, owner: 'x' })
    expect(extra.success).toBe(false)
    const badRule = structuredClone(full) as unknown as { dimensions: { indicators: { rule: unknown }[] }[] }
    badRule.dimensions[0]!.indicators[0]!.rule = { shape: 'lottery' }
    const parsed = templateSchema.safeParse(badRule)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.path).toEqual(['dimensions', 0, 'indicators', 0, 'rule', 'shape'])
    const inf = structuredClone(full)
    inf.dimensions[0]!.maxPoints = Number.POSITIVE_INFINITY
    expect(templateSchema.safeParse(inf).success).toBe(false)
  })
})

describe('paySchemeSchema and sheetInputsSchema', () => {
  it('accepts the seed pay presets and refuses a non-decimal amount', () => {
    for (const scheme of [
      customerServicePayScheme(),
      storeManagerPayScheme({
        teamShare: { kind: 'rate', rate: '0.01' },
        taskCompletion: { kind: 'completion_rate', input: 'c' },
      }),
      thresholdGatedPayScheme({ performancePay: 3000 }),
      baseTimesScorePayScheme({ base: '2000' }),
    ]) {
      expect(paySchemeSchema.parse(scheme)).toEqual(scheme)
    }
    const bad = customerServicePayScheme({ base: '五百' })
    expect(paySchemeSchema.safeParse(bad).success).toBe(false)
  })

  it('accepts per-rater sheet inputs and refuses unknown input fields', () => {
    const inputs = {
      indicators: { uv: { actual: 350 } },
      raters: [{ rater: 'self', indicators: { attitude: { score: 8, comment: '好' } } }],
      adjustments: { b: { occurrences: 2 } },
    }
    expect(sheetInputsSchema.parse(inputs)).toEqual(inputs)
    expect(sheetInputsSchema.safeParse({ indicators: { uv: { actaul: 1 } } }).success).toBe(false)
  })
})
