import { z } from 'zod'
import { isoDateSchema } from './organisation.ts'

// Results (考核结果) and their consequences (结果应用) as the API speaks them: a cycle's results, the rules
// behind the lists (dismissal review, promotion candidates, improvement plans, salary-adjustment suggestions),
// the lists themselves and the improvement/training plans (改进/培训计划).

const id = z.number().int().positive()
const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `最多 ${max} 个字符`)
const i18nText = z.object({ 'zh-CN': z.string(), en: z.string() })

export const cycleResultSchema = z
  .object({
    sheetId: id,
    employeeId: id,
    employeeNo: z.string(),
    employeeName: z.string(),
    departmentName: z.string().nullable(),
    positionName: z.string().nullable(),
    reviewerName: z.string().nullable(),
    state: z.string(),
    total: z.number().nullable(),
    grade: z.string().nullable(),
    coefficient: z.number().nullable(),
  })
  .meta({ id: 'CycleResult' })
export type CycleResult = z.infer<typeof cycleResultSchema>

export const cycleResultsSchema = z
  .object({
    cycleId: id,
    cycleName: z.string(),
    kind: z.enum(['monthly', 'quarterly', 'annual']),
    period: z.object({ start: z.string(), end: z.string() }),
    items: z.array(cycleResultSchema),
  })
  .meta({ id: 'CycleResults' })

/** The salary-adjustment suggestion for an annual grade: a raise of `percent`, nothing, or a review. */
export const salaryRuleSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('raise'),
    percent: z.number().min(-100).max(100).meta({ description: 'e.g. 8 for +8%' }),
  }),
  z.strictObject({ action: z.literal('none') }),
  z.strictObject({ action: z.literal('review') }),
])

export const consequenceSettingsSchema = z
  .strictObject({
    dismissal: z
      .strictObject({
        threshold: z.number().min(0).max(1000),
        consecutive: z.number().int().min(1).max(24),
      })
      .default({ threshold: 65, consecutive: 2 })
      .meta({ description: 'Seed 000: two months in a row below 65 → dismissal review (辞退评审)' }),
    promotion: z
      .strictObject({
        grades: z.array(text(20)).min(1).max(10),
        consecutive: z.number().int().min(1).max(24),
      })
      .default({ grades: ['excellent'], consecutive: 3 })
      .meta({
        description: 'Seed 001: repeated 优秀 → promotion priority (three in a row: a marked default)',
      }),
    improvement: z
      .strictObject({
        dimensionBelow: z
          .number()
          .gt(0)
          .max(1)
          .meta({ description: 'A dimension scoring below this share of its maximum (0.6 = 60%)' }),
      })
      .default({ dimensionBelow: 0.6 }),
    salary: z
      .record(z.string().max(20), salaryRuleSchema)
      .default({
        excellent: { action: 'raise', percent: 8 },
        good: { action: 'raise', percent: 4 },
        pass: { action: 'none' },
        fail: { action: 'review' },
      })
      .meta({ description: 'Per annual grade code: 优秀 +x%, 良好 +y%, 合格 0, 不合格 review' }),
  })
  .meta({ id: 'ConsequenceSettings' })
export type ConsequenceSettings = z.infer<typeof consequenceSettingsSchema>

const personFields = {
  employeeId: id,
  employeeNo: z.string(),
  employeeName: z.string(),
  departmentName: z.string().nullable(),
  positionName: z.string().nullable(),
}

export const consequenceRunSchema = z
  .object({
    ...personFields,
    /** The cycles of the run, oldest first. */
    periods: z.array(
      z.object({ cycleId: id, period: z.string(), total: z.number(), grade: z.string().nullable() }),
    ),
    explanation: i18nText,
  })
  .meta({ id: 'ConsequenceRun' })

export const improvementCandidateSchema = z
  .object({
    ...personFields,
    cycleId: id,
    sheetId: id,
    dimension: z.string(),
    dimensionKey: z.string(),
    points: z.number(),
    maxPoints: z.number(),
    share: z.number(),
    /** An open plan already exists for this employee and dimension. */
    planId: id.nullable(),
  })
  .meta({ id: 'ImprovementCandidate' })

export const salarySuggestionSchema = z
  .object({
    ...personFields,
    cycleId: id,
    total: z.number(),
    grade: z.string().nullable(),
    action: z.enum(['raise', 'none', 'review']),
    percent: z.number().nullable(),
    explanation: i18nText,
  })
  .meta({ id: 'SalarySuggestion' })

export const consequenceListsSchema = z
  .object({
    year: z.number().int(),
    settings: consequenceSettingsSchema,
    dismissalReview: z.array(consequenceRunSchema),
    promotionCandidates: z.array(consequenceRunSchema),
    improvementCandidates: z.array(improvementCandidateSchema),
    salaryAdjustments: z.array(salarySuggestionSchema),
  })
  .meta({ id: 'ConsequenceLists' })
export type ConsequenceLists = z.infer<typeof consequenceListsSchema>

export const planStatusSchema = z.enum(['open', 'done', 'cancelled'])

export const improvementPlanInputSchema = z
  .strictObject({
    employeeId: id,
    kind: z.enum(['improvement', 'training']).default('improvement'),
    cycleId: id.optional(),
    dimension: z.string().trim().max(200).optional(),
    goal: text(4000),
    ownerEmployeeId: id.meta({ description: 'Who is responsible for the plan (usually the supervisor)' }),
    dueDate: isoDateSchema,
    outcome: z.string().trim().max(4000).optional(),
    status: planStatusSchema.default('open'),
  })
  .meta({ id: 'ImprovementPlanInput' })
export type ImprovementPlanInput = z.infer<typeof improvementPlanInputSchema>

export const improvementPlanPatchSchema = z
  .strictObject({
    goal: text(4000).optional(),
    ownerEmployeeId: id.optional(),
    dueDate: isoDateSchema.optional(),
    outcome: z.string().trim().max(4000).nullable().optional(),
    status: planStatusSchema.optional(),
  })
  .meta({ id: 'ImprovementPlanPatch' })
export type ImprovementPlanPatch = z.infer<typeof improvementPlanPatchSchema>

export const improvementPlanSchema = z
  .object({
    id,
    ...personFields,
    kind: z.enum(['improvement', 'training']),
    cycleId: id.nullable(),
    dimension: z.string().nullable(),
    goal: z.string(),
    ownerEmployeeId: id,
    ownerName: z.string(),
    dueDate: z.string(),
    outcome: z.string().nullable(),
    status: planStatusSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ImprovementPlan' })
export type ImprovementPlan = z.infer<typeof improvementPlanSchema>

export const exportKindSchema = z.enum(['sheets', 'results', 'pay', 'consequences', 'bonuses'])
export type ExportKind = z.infer<typeof exportKindSchema>
export const exportFormatSchema = z.enum(['xlsx', 'csv'])
export type ExportFormat = z.infer<typeof exportFormatSchema>
