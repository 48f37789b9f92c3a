import { z } from 'zod'
import type { PayScheme } from '../core/pay/pay-scheme.ts'
import type { IndicatorInput as CoreIndicatorInput } from '../core/scoring/score-indicator.ts'
import type { SheetInputs as CoreSheetInputs } from '../core/scoring/score-sheet.ts'
import type { Template as CoreTemplate } from '../core/templates/template.ts'
import { coefficientSchema, measureSchema, weightSchema } from './bounds.ts'

// Zod schemas mirroring the core template model, pay schemes and sheet inputs, so the API, the CLI and the web
// validate at the boundary with one definition. Strict objects: unknown fields are refused. The compile-time
// checks at the bottom fail the build if a schema and its core type drift apart.

const finite = z.number().refine(Number.isFinite, 'must be a finite number')
const key = z.string().trim().min(1).max(100)

export const localizedTextSchema = z
  .strictObject({ 'zh-CN': z.string(), 'zh-TW': z.string().optional(), en: z.string().optional() })
  .meta({ id: 'LocalizedText' })

export const assessorSchema = z
  .strictObject({
    rater: z.enum(['supervisor', 'self', 'peer', 'hr', 'department', 'position', 'person', 'system']),
    department: z.string().optional(),
    /** rater 'position': the position whose holder scores the row. */
    position: z.string().optional(),
    /** rater 'person': the employee number (工号) of the person who scores the row. */
    employeeNo: z.string().optional(),
  })
  .meta({ id: 'Assessor' })

export const dataSourceSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('manual') }),
    z.strictObject({
      kind: z.literal('metric'),
      metric: z.string().min(1),
      attribution: z.enum(['employee', 'team', 'shop']),
      splitBy: z.string().optional(),
    }),
    z.strictObject({ kind: z.literal('sampling') }),
    // Leavers of the sheet's department by tenure band, from hire and leave dates (002 T9 员工流失).
    z.strictObject({ kind: z.literal('organisation'), fact: z.literal('leavers_by_tenure') }),
  ])
  .meta({ id: 'DataSource' })

export const targetSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({ kind: z.literal('fixed'), value: measureSchema }),
    z.strictObject({ kind: z.literal('per_employee'), default: measureSchema.optional() }),
    z.strictObject({
      kind: z.literal('derived'),
      metric: z.string().min(1),
      from: z.enum([
        'previous_period_daily_average',
        'previous_period_total',
        'same_period_last_year',
        'last_periods_average',
      ]),
      periods: z.number().int().min(2).max(24).optional(),
      perDay: z.boolean().optional(),
      factor: finite,
    }),
  ])
  .meta({ id: 'Target' })

const bandBoundsShape = {
  min: finite.optional(),
  minInclusive: z.boolean().optional(),
  max: finite.optional(),
  maxInclusive: z.boolean().optional(),
}

export const bandSchema = z
  .strictObject({ ...bandBoundsShape, points: finite, label: z.string().optional() })
  .meta({
    id: 'Band',
    description: 'A numeric band; minInclusive defaults to true and maxInclusive to false',
  })

export const levelSchema = z
  .strictObject({ code: key, label: z.string(), description: z.string().optional(), points: finite })
  .meta({ id: 'Level' })

const scaleSchema = z.enum(['points', 'fraction_of_max'])

export const ruleSchema = z
  .discriminatedUnion('shape', [
    z.strictObject({
      shape: z.literal('bands'),
      basis: z.enum(['actual', 'completion_rate']),
      bands: z.array(bandSchema).min(1),
      scale: scaleSchema.optional(),
    }),
    z.strictObject({
      shape: z.literal('ratio_to_target'),
      capRatio: finite,
      floorRatio: finite.optional(),
      zeroBelowRatio: finite.optional(),
    }),
    z.strictObject({
      shape: z.literal('deduct_per_occurrence'),
      perOccurrence: finite,
      freeOccurrences: finite.optional(),
      floor: finite.optional(),
    }),
    z.strictObject({
      shape: z.literal('deduct_per_shortfall'),
      threshold: finite,
      unit: finite,
      pointsPerUnit: finite,
      partialUnit: z.enum(['counts', 'ignored']),
      floor: finite.optional(),
    }),
    z.strictObject({
      shape: z.literal('weighted_deductions'),
      categories: z.array(z.strictObject({ key, label: z.string(), pointsEach: finite })).min(1),
      floor: finite.optional(),
    }),
    z.strictObject({
      shape: z.literal('bonus_per_occurrence'),
      perOccurrence: finite,
      cap: finite.optional(),
    }),
    z.strictObject({ shape: z.literal('bonus_range'), min: finite, max: finite }),
    z.strictObject({
      shape: z.literal('levels'),
      levels: z.array(levelSchema).min(1),
      thresholds: z.array(z.strictObject({ level: key, band: z.strictObject(bandBoundsShape) })).optional(),
    }),
    z.strictObject({
      shape: z.literal('count_ladder'),
      steps: z.array(z.strictObject({ count: finite, points: finite })).min(1),
      beyond: finite,
      scale: scaleSchema.optional(),
    }),
    z.strictObject({
      shape: z.literal('pass_fail'),
      condition: z.strictObject({ op: z.enum(['>=', '>', '<=', '<', '==']), value: finite }).optional(),
    }),
    z.strictObject({ shape: z.literal('veto'), scope: z.enum(['dimension', 'total']) }),
    z.strictObject({ shape: z.literal('discretionary'), min: finite, max: finite }),
    z.strictObject({
      shape: z.literal('formula'),
      expression: z.string().min(1).max(2000),
      variables: z.array(z.string().min(1)).optional(),
      floorPoints: finite.optional(),
      capPoints: finite.optional(),
    }),
  ])
  .meta({ id: 'Rule' })

/** What an absent input means: hold the sheet, 0 points, full marks, or leave the indicator out. */
export const whenMissingSchema = z.enum(['block', 'zero', 'full', 'exclude']).meta({ id: 'WhenMissing' })

export const indicatorSchema = z
  .strictObject({
    key,
    name: z.string().min(1),
    definition: z.string().optional(),
    unit: z.string().optional(),
    direction: z.enum(['higher_better', 'lower_better']),
    type: z.enum(['kpi', 'kci']),
    maxPoints: finite,
    target: targetSchema,
    rule: ruleSchema,
    assessor: assessorSchema,
    dataSource: dataSourceSchema,
    whenMissing: whenMissingSchema.optional(),
  })
  .meta({ id: 'Indicator' })

export const dimensionSchema = z
  .strictObject({ key, name: z.string().min(1), maxPoints: finite, indicators: z.array(indicatorSchema) })
  .meta({ id: 'Dimension' })

export const adjustmentItemSchema = z
  .strictObject({
    key,
    name: z.string().min(1),
    kind: z.enum(['bonus', 'deduction']),
    rule: ruleSchema,
    cap: finite.optional(),
    assessor: assessorSchema,
    dataSource: dataSourceSchema,
    whenMissing: whenMissingSchema.optional(),
  })
  .meta({ id: 'AdjustmentItem' })

const weight = weightSchema.optional()

export const gradeBandSchema = z
  .strictObject({ grade: key, label: localizedTextSchema, min: finite, minInclusive: z.boolean() })
  .meta({ id: 'GradeBand' })

export const coefficientBandSchema = z
  .strictObject({ min: finite, minInclusive: z.boolean(), coefficient: coefficientSchema })
  .meta({ id: 'CoefficientBand' })

export const templateScoringSchema = z
  .strictObject({
    scale: z.enum(['hundred', 'raw_points']),
    raterWeights: z.strictObject({
      supervisor: weight,
      self: weight,
      peer: weight,
      sampling: weight,
      hr: weight,
    }),
    grades: z.array(gradeBandSchema),
    coefficients: z.array(coefficientBandSchema),
    bonusCap: finite.optional(),
    /** The rater settings: what an empty review (e.g. no self review) means — hold the sheet, or leave it out. */
    raters: z.strictObject({ whenMissing: z.enum(['block', 'exclude']) }).optional(),
  })
  .meta({ id: 'TemplateScoring' })

export const templateSchema = z
  .strictObject({
    code: key,
    name: z.string().min(1),
    description: z.string().optional(),
    source: z
      .strictObject({ seed: z.string(), table: z.string().optional(), notes: z.array(z.string()).optional() })
      .optional(),
    positions: z.array(z.string()).optional(),
    period: z.enum(['monthly', 'quarterly', 'annual']),
    dimensions: z.array(dimensionSchema).min(1),
    adjustments: z.array(adjustmentItemSchema),
    scoring: templateScoringSchema,
  })
  .meta({ id: 'Template' })

// ---- sheet inputs -----------------------------------------------------------------------------------

export const indicatorInputSchema = z
  .strictObject({
    actual: measureSchema.optional(),
    target: measureSchema.optional(),
    occurrences: measureSchema.optional(),
    counts: z.record(z.string(), measureSchema).optional(),
    level: z.string().optional(),
    score: measureSchema.optional(),
    comment: z.string().max(2000).optional(),
    passed: z.boolean().optional(),
    violated: z.boolean().optional(),
    variables: z.record(z.string(), measureSchema).optional(),
  })
  .meta({ id: 'IndicatorInput' })

export const sheetInputsSchema = z
  .strictObject({
    indicators: z.record(z.string(), indicatorInputSchema).optional(),
    raters: z
      .array(
        z.strictObject({
          rater: z.enum(['supervisor', 'self', 'peer', 'sampling', 'hr']),
          raterId: z.string().optional(),
          indicators: z.record(z.string(), indicatorInputSchema),
        }),
      )
      .readonly()
      .optional(),
    adjustments: z.record(z.string(), indicatorInputSchema).optional(),
  })
  .meta({ id: 'SheetInputs' })

// ---- pay schemes ------------------------------------------------------------------------------------

const amount = z
  .union([finite, z.string().regex(/^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/, 'must be a decimal number')])
  .meta({ description: 'A decimal amount as a string ("1800.00") or a number' })
const payLabel = z.strictObject({ 'zh-CN': z.string().min(1), en: z.string().min(1) })
const lineBase = { code: key, label: payLabel }

export const payLineSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('base_times_coefficient'),
      ...lineBase,
      base: amount,
      coefficient: z.enum(['performance', 'task_completion']),
    }),
    z.strictObject({ kind: z.literal('rate_times_input'), ...lineBase, rate: amount, input: key }),
    z.strictObject({ kind: z.literal('per_unit'), ...lineBase, amountEach: amount, input: key }),
    z.strictObject({ kind: z.literal('fixed'), ...lineBase, amount }),
    z.strictObject({
      kind: z.literal('threshold_gated'),
      ...lineBase,
      amount,
      fullAt: finite,
      zeroBelow: finite,
    }),
    z.strictObject({
      kind: z.literal('base_times_score'),
      ...lineBase,
      base: amount,
      scoreAs: z.enum(['percent', 'points']),
    }),
    z.strictObject({ kind: z.literal('rewards_penalties'), ...lineBase }),
    z.strictObject({
      kind: z.literal('formula'),
      ...lineBase,
      expression: z.string().min(1).max(2000),
      variables: z.array(z.string().min(1)),
    }),
  ])
  .meta({ id: 'PayLine' })

export const payScheme = z
  .strictObject({
    code: key,
    name: payLabel,
    lines: z.array(payLineSchema).min(1),
    coefficients: z.array(coefficientBandSchema).optional(),
    taskCompletion: z
      .discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('score_band') }),
        z.strictObject({ kind: z.literal('completion_rate'), input: key, cap: finite.optional() }),
      ])
      .optional(),
  })
  .meta({ id: 'PayScheme' })
/** Same schema under the house naming (`xSchema`). */
export const paySchemeSchema = payScheme

// ---- compile-time equality with the core types ------------------------------------------------------

// Each schema's type and its core type must be assignable both ways (a field added, dropped or retyped on one
// side breaks the build).
type Interchangeable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const templateMatches: Interchangeable<z.infer<typeof templateSchema>, CoreTemplate> = true
const payMatches: Interchangeable<z.infer<typeof payScheme>, PayScheme> = true
const inputMatches: Interchangeable<z.infer<typeof indicatorInputSchema>, CoreIndicatorInput> = true
const sheetMatches: Interchangeable<z.infer<typeof sheetInputsSchema>, CoreSheetInputs> = true
void [templateMatches, payMatches, inputMatches, sheetMatches]

export type TemplateInput = z.infer<typeof templateSchema>
export type PaySchemeInput = z.infer<typeof payScheme>

// The template model under its own names, for the web editor and anyone else that may not import core.
export type Template = z.infer<typeof templateSchema>
export type Dimension = z.infer<typeof dimensionSchema>
export type Indicator = z.infer<typeof indicatorSchema>
export type AdjustmentItem = z.infer<typeof adjustmentItemSchema>
export type Rule = z.infer<typeof ruleSchema>
export type RuleShape = Rule['shape']
export type Band = z.infer<typeof bandSchema>
export type Level = z.infer<typeof levelSchema>
export type Assessor = z.infer<typeof assessorSchema>
export type DataSource = z.infer<typeof dataSourceSchema>
export type Target = z.infer<typeof targetSchema>
export type WhenMissing = z.infer<typeof whenMissingSchema>
export type LocalizedText = z.infer<typeof localizedTextSchema>
export type GradeBand = z.infer<typeof gradeBandSchema>
export type CoefficientBand = z.infer<typeof coefficientBandSchema>
export type TemplateScoring = z.infer<typeof templateScoringSchema>
export type RaterWeights = TemplateScoring['raterWeights']
export type IndicatorInput = z.infer<typeof indicatorInputSchema>
export type SheetInputs = z.infer<typeof sheetInputsSchema>
