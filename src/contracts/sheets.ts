import { z } from 'zod'
import type { Explanation as CoreExplanation } from '../core/scoring/explain-format.ts'
import type { AdjustmentScore } from '../core/scoring/score-adjustment.ts'
import type { IndicatorScore as CoreIndicatorScore } from '../core/scoring/score-indicator.ts'
import type { SheetScore as CoreSheetScore } from '../core/scoring/score-sheet.ts'
import type { RuleShape } from '../core/templates/template.ts'
import { sheetParties } from '../core/workflow/sheet-workflow.ts'
import type { StageKey } from '../core/workflow/stage-deadlines.ts'
import { type DisputedItem, type SheetAppeal, sheetAppealSchema } from './appeals.ts'
import {
  type dataSourceSchema,
  gradeBandSchema,
  type indicatorSchema,
  type ruleSchema,
  templateSchema,
  whenMissingSchema,
} from './template.ts'
import { cycleKindSchema, indicatorInputSchema, sheetActionSchema, sheetStateSchema } from './workflow.ts'

// What the appraisal-sheet routes answer (考核表): "my appraisal", "my team", my overdue steps and peer reviews,
// and one sheet as the caller may see it — every workflow step answers with that sheet. Dates are YYYY-MM-DD,
// times ISO 8601; totals and coefficients are JSON numbers.

const id = z.number().int().positive()
const day = z.string().meta({ format: 'date', description: 'YYYY-MM-DD' })
const time = z.string().meta({ format: 'date-time' })
const explanationSchema = z
  .strictObject({ 'zh-CN': z.string(), en: z.string() })
  .meta({ id: 'Explanation', description: 'Why, in zh-CN and English' })
const nameSchema = z.strictObject({ zh: z.string(), en: z.string() })

export const sheetPartySchema = z.enum(sheetParties).meta({ id: 'SheetParty' })
export const stageKeySchema = z.enum(['targets', 'selfReview', 'supervisorReview', 'feedback', 'sign'])
/** The stage due dates of a cycle, by stage. */
export const stageDeadlinesSchema = z.partialRecord(stageKeySchema, day).meta({ id: 'StageDeadlines' })

// Lists ------------------------------------------------------------------------------------------

export const sheetSummarySchema = z
  .strictObject({
    id,
    cycleId: id,
    cycleName: z.string(),
    cycleKind: cycleKindSchema,
    periodStart: day,
    periodEnd: day,
    employeeId: id,
    employeeNo: z.string(),
    employeeName: z.string(),
    departmentId: id.nullable(),
    departmentName: z.string().nullable(),
    reviewerEmployeeId: id.nullable(),
    reviewerName: z.string().nullable(),
    state: sheetStateSchema,
    version: z.number().int(),
    total: z.number().nullable(),
    grade: z.string().nullable(),
    ownerConfirmed: z.boolean(),
    reviewerConfirmed: z.boolean(),
    appealDeadline: day.nullable(),
    deadlines: stageDeadlinesSchema,
    updatedAt: time,
  })
  .meta({ id: 'SheetSummary', description: 'One row of my sheets or the team queue' })

export const sheetListSchema = z
  .strictObject({ items: z.array(sheetSummarySchema) })
  .meta({ id: 'SheetList' })

export const teamQueueItemSchema = sheetSummarySchema
  .extend({ waitingOnMe: z.boolean().meta({ description: 'The next step is the caller’s' }) })
  .meta({ id: 'TeamQueueItem' })

export const teamQueueSchema = z
  .strictObject({
    toReview: z.array(teamQueueItemSchema),
    readOnly: z.array(sheetSummarySchema),
    readOnlyTotal: z.number().int(),
    archived: z.array(sheetSummarySchema),
    archivedTotal: z.number().int(),
    cycles: z.array(z.strictObject({ id, name: z.string() })),
    limit: z.number().int(),
    readOnlyOffset: z.number().int(),
    archivedOffset: z.number().int(),
  })
  .meta({ id: 'TeamQueue' })

export const overdueItemSchema = z
  .strictObject({
    kind: z.enum(['sheet', 'appeal']),
    id,
    sheetId: id,
    employeeName: z.string(),
    cycleName: z.string(),
    state: z.string(),
    step: z.enum([...stageKeySchema.options, 'appealWindow', 'investigation']),
    stepName: z.string(),
    dueDate: day,
    daysOverdue: z.number().int(),
  })
  .meta({ id: 'OverdueItem' })

export const overdueListSchema = z
  .strictObject({ items: z.array(overdueItemSchema) })
  .meta({ id: 'OverdueList' })

const indicatorInputs = z.record(z.string(), indicatorInputSchema)

const ruleShapeSchema = z.enum([
  'bands',
  'ratio_to_target',
  'deduct_per_occurrence',
  'deduct_per_shortfall',
  'weighted_deductions',
  'bonus_per_occurrence',
  'bonus_range',
  'levels',
  'count_ladder',
  'pass_fail',
  'veto',
  'discretionary',
  'formula',
])

export const peerReviewTaskSchema = z
  .strictObject({
    id,
    sheetId: id,
    employeeName: z.string(),
    cycleName: z.string(),
    sheetState: sheetStateSchema,
    submittedAt: time.nullable(),
    indicators: indicatorInputs,
    comment: z.string().nullable(),
    /** 'peer' (同事互评) or 'assessor': the rows this person scores as their named assessor (指标考核人). */
    kind: z.enum(['peer', 'assessor']),
    toScore: z.array(
      z.strictObject({ key: z.string(), name: z.string(), maxPoints: z.number(), rule: ruleShapeSchema }),
    ),
  })
  .meta({ id: 'PeerReviewTask' })

export const peerReviewTaskListSchema = z
  .strictObject({ items: z.array(peerReviewTaskSchema) })
  .meta({ id: 'PeerReviewTasks' })

export const peerReviewSavedSchema = z.strictObject({ id, submittedAt: time }).meta({ id: 'PeerReviewSaved' })

// The stored score -------------------------------------------------------------------------------

export const indicatorScoreSchema = z
  .strictObject({
    key: z.string(),
    points: z.number(),
    maxPoints: z.number(),
    actual: z.number().optional(),
    target: z.number().optional(),
    ruleShape: ruleShapeSchema,
    explanation: explanationSchema,
    vetoed: z.enum(['dimension', 'total']).optional(),
    missing: z.boolean().optional(),
    invalid: z.literal(true).optional(),
    whenMissing: whenMissingSchema.optional(),
    held: z.literal(true).optional(),
    excluded: z.literal(true).optional(),
  })
  .meta({ id: 'IndicatorScore' })

export const adjustmentScoreSchema = z
  .strictObject({
    key: z.string(),
    name: z.string(),
    kind: z.enum(['bonus', 'deduction']),
    points: z.number(),
    raw: z.number(),
    cap: z.number().optional(),
    explanation: explanationSchema,
    vetoed: z.literal('total').optional(),
    missing: z.boolean().optional(),
    whenMissing: whenMissingSchema.optional(),
    held: z.literal(true).optional(),
  })
  .meta({ id: 'AdjustmentScore' })

/** Where a metric-bound indicator's actual came from (the imports an appeal can point at). */
export const metricSourceSchema = z
  .strictObject({
    metric: z.string(),
    grouping: z.enum(['employee', 'team', 'shop', 'company']),
    value: z.number().nullable(),
    imports: z.array(id),
    reason: z.string().optional(),
    split: z
      .strictObject({
        by: z.string(),
        shared: z.number().nullable(),
        share: z.number().nullable(),
        explanation: explanationSchema,
      })
      .optional(),
    used: z.boolean(),
  })
  .meta({ id: 'MetricSource' })

/** An indicator fed by the weekly samples (每周抽查): how many, their mean, and whether they became the supervisor's score. */
export const samplingSourceSchema = z
  .strictObject({
    samples: z.number().int(),
    weeks: z.array(z.string()).meta({ description: 'The period’s ISO weeks (YYYY-Www)' }),
    weeksSampled: z.array(z.string()),
    meanScore: z.number().nullable().meta({ description: 'Mean sample score on the 100 scale' }),
    points: z.number().nullable().meta({ description: 'The mean on the indicator’s scale' }),
    used: z.boolean(),
    typed: z.strictObject({ score: z.number(), reason: z.string().optional(), kept: z.boolean() }).optional(),
    explanation: explanationSchema,
  })
  .meta({ id: 'SamplingSource' })

/**
 * The turnover row's input read from the organisation (002 T9): the period, the leavers counted per tenure band and
 * who they were (band null: under 6 months, listed but not counted); `used` is false when HR's counts won.
 */
export const leaverSourceSchema = z
  .strictObject({
    periodStart: z.string(),
    periodEnd: z.string(),
    counts: z.strictObject({
      over_6_months: z.number().int(),
      over_1_year: z.number().int(),
      over_2_years: z.number().int(),
    }),
    leavers: z.array(
      z.strictObject({
        name: z.string(),
        leaveDate: z.string(),
        tenureMonths: z.number().int(),
        band: z.enum(['over_6_months', 'over_1_year', 'over_2_years']).nullable(),
      }),
    ),
    used: z.boolean(),
  })
  .meta({ id: 'LeaverSource' })
export type LeaverSource = z.infer<typeof leaverSourceSchema>

export const sheetScoreSchema = z
  .strictObject({
    templateCode: z.string(),
    scale: z.enum(['hundred', 'raw_points']),
    dimensions: z.array(
      z.strictObject({
        key: z.string(),
        name: z.string(),
        points: z.number(),
        maxPoints: z.number(),
        vetoed: z.boolean(),
        indicators: z.array(indicatorScoreSchema),
      }),
    ),
    subtotal: z.number(),
    base: z.number(),
    adjustments: z.array(adjustmentScoreSchema),
    bonus: z.number(),
    deduction: z.number(),
    total: z.number(),
    vetoed: z.literal('total').optional(),
    raters: z.array(
      z.strictObject({
        rater: z.enum(['supervisor', 'self', 'peer', 'sampling', 'hr']),
        sheets: z.number().int(),
        weight: z.number(),
        effectiveWeight: z.number(),
        subtotal: z.number(),
      }),
    ),
    grade: gradeBandSchema.optional(),
    coefficient: z.number(),
    missing: z.array(z.string()),
    held: z.array(z.string()).optional(),
    explanation: explanationSchema,
    inputIssues: z
      .array(
        z.strictObject({
          path: z.string(),
          key: z.string().optional(),
          field: z.string(),
          value: z.unknown().optional(),
          message: explanationSchema,
        }),
      )
      .optional()
      .meta({ description: 'Problems with the inputs found before scoring' }),
    metricSources: z.record(z.string(), metricSourceSchema).optional(),
    samplingSources: z.record(z.string(), samplingSourceSchema).optional(),
    leaverSources: z.record(z.string(), leaverSourceSchema).optional(),
    rollup: z
      .strictObject({
        total: z.number(),
        parts: z.array(
          z.strictObject({
            label: z.string(),
            weight: z.number(),
            effectiveWeight: z.number(),
            total: z.number().optional(),
          }),
        ),
        renormalised: z.boolean(),
        explanation: explanationSchema,
      })
      .optional()
      .meta({ description: 'Quarterly/annual: the earlier cycles’ totals combined with this one' }),
    proration: z
      .strictObject({
        total: z.number(),
        coverage: z.number(),
        segments: z.array(
          z.strictObject({ position: z.string(), days: z.number(), total: z.number(), weight: z.number() }),
        ),
        explanation: explanationSchema,
      })
      .optional()
      .meta({ description: 'A position change or start/leave within the period: totals weighted by days' }),
  })
  .meta({ id: 'SheetScore', description: 'The stored score of a computed sheet, with its explanations' })

// One sheet --------------------------------------------------------------------------------------

export const reviewInputsSchema = z
  .strictObject({ indicators: indicatorInputs.optional(), comment: z.string().optional() })
  .meta({ id: 'ReviewInputs' })

/** A target derived from history, frozen on the sheet when the cycle opened: the value (null = missing) and its derivation. */
export const frozenDerivedTargetSchema = z
  .strictObject({
    value: z.number().nullable(),
    metric: z.string(),
    from: z.enum([
      'previous_period_daily_average',
      'previous_period_total',
      'same_period_last_year',
      'last_periods_average',
    ]),
    factor: z.number(),
    figures: z.array(z.strictObject({ label: z.string(), value: z.number().nullable() })),
    explanation: z.strictObject({ 'zh-CN': z.string(), 'zh-TW': z.string(), en: z.string() }),
  })
  .meta({ id: 'FrozenDerivedTarget' })

export const agreedTargetsSchema = z
  .strictObject({
    indicators: z
      .record(
        z.string(),
        z.strictObject({
          target: z.number().optional(),
          weight: z.number().optional(),
          note: z.string().optional(),
        }),
      )
      .optional(),
    derived: z.record(z.string(), frozenDerivedTargetSchema).optional(),
  })
  .meta({ id: 'AgreedTargets' })

export const sharedInputsSchema = z
  .strictObject({
    indicators: indicatorInputs.optional(),
    adjustments: indicatorInputs.optional(),
    positionSegments: z
      .strictObject({
        ownDays: z.number().int(),
        periodDays: z.number().int(),
        earlier: z.array(z.strictObject({ position: z.string(), days: z.number().int(), total: z.number() })),
      })
      .optional(),
  })
  .meta({ id: 'SharedInputs' })

/** The employee reads peer reviews without who wrote them; everyone else with the reviewer. */
export const peerReviewSchema = z
  .strictObject({
    id: id.optional(),
    peerReviewerEmployeeId: id.optional(),
    peerReviewerName: z.string().optional(),
    /** 'assessor': a row's named assessor (shown to HR and the reviewer, not to the employee). */
    kind: z.enum(['peer', 'assessor']).optional(),
    submittedAt: time.nullable().optional(),
    indicators: indicatorInputs,
    comment: z.string().nullable(),
  })
  .meta({ id: 'SheetPeerReview' })

const linkSchema = z.strictObject({ url: z.string(), title: z.string().optional() })

export const sheetEntrySchema = z
  .strictObject({
    id,
    kind: z.enum(['work_record', 'observation']),
    date: day,
    body: z.string(),
    links: z.array(linkSchema),
    fileIds: z.array(id),
    authorName: z.string().nullable(),
    createdAt: time,
  })
  .meta({ id: 'SheetEntry' })

export const sheetFileSchema = z
  .strictObject({
    id,
    name: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    createdAt: time,
  })
  .meta({ id: 'SheetFile' })

export const sheetEventSchema = z
  .strictObject({
    action: z.string(),
    from: z.string(),
    to: z.string(),
    party: z.string(),
    actorName: z.string().nullable(),
    reason: z.string().nullable(),
    at: time,
  })
  .meta({ id: 'SheetEvent' })

export const calibrationSchema = z
  .strictObject({
    from: z.number().nullable(),
    to: z.number(),
    reason: z.string(),
    byUserId: id.nullable(),
    at: time,
  })
  .meta({ id: 'Calibration', description: 'HR’s adjustment of the total before sign-off (校准)' })

export const feedbackSchema = z
  .strictObject({ date: day, notes: z.string(), improvements: z.array(z.string()), byUserId: id.nullable() })
  .meta({ id: 'Feedback', description: 'The feedback meeting (绩效面谈)' })

export const scoreHistoryItemSchema = z
  .strictObject({
    id,
    total: z.number().nullable(),
    grade: z.string().nullable(),
    reason: z.string(),
    score: sheetScoreSchema.nullable(),
    replacedAt: time,
  })
  .meta({
    id: 'SheetScoreHistoryItem',
    description: 'A score replaced by a recomputation, calibration or ruling',
  })

export const sheetDetailSchema = z
  .strictObject({
    id,
    version: z.number().int(),
    state: sheetStateSchema,
    stateName: nameSchema,
    party: sheetPartySchema,
    allowedActions: z.array(sheetActionSchema),
    cycle: z.strictObject({
      id,
      name: z.string(),
      kind: cycleKindSchema,
      periodStart: day,
      periodEnd: day,
      deadlines: stageDeadlinesSchema,
      appealWindowDays: z.number().int().nullable(),
    }),
    employee: z.strictObject({ id, name: z.string(), employeeNo: z.string() }),
    department: z.strictObject({ id, name: z.string() }).nullable(),
    reviewer: z.strictObject({ id, name: z.string() }).nullable(),
    template: z.strictObject({
      id,
      name: z.string(),
      version: z.number().int(),
      templateVersionId: id,
      definition: templateSchema,
      metricLabels: z
        .record(z.string(), nameSchema)
        .meta({ description: 'The names of the metrics the definition’s data sources read, by metric key' }),
    }),
    targets: agreedTargetsSchema,
    ownerConfirmedAt: time.nullable(),
    reviewerConfirmedAt: time.nullable(),
    selfReview: reviewInputsSchema,
    supervisorReview: reviewInputsSchema.nullable(),
    sharedInputs: sharedInputsSchema,
    sampling: reviewInputsSchema.extend({ source: z.string().optional() }).nullable(),
    peerReviews: z.array(peerReviewSchema),
    score: sheetScoreSchema.nullable(),
    total: z.number().nullable(),
    grade: z.string().nullable(),
    coefficient: z.number().nullable(),
    calibration: calibrationSchema.nullable(),
    feedback: feedbackSchema.nullable(),
    signedAt: time.nullable(),
    appealDeadline: day.nullable(),
    finalizedAt: time.nullable(),
    entries: z.array(sheetEntrySchema),
    files: z.array(sheetFileSchema),
    events: z.array(sheetEventSchema),
    appeals: z.array(sheetAppealSchema),
    scoreHistory: z.array(scoreHistoryItemSchema),
  })
  .meta({
    id: 'SheetDetail',
    description: 'One sheet as the caller may see it, with the actions they may take now',
  })

export type SheetParty = z.infer<typeof sheetPartySchema>
export type SheetState = z.infer<typeof sheetStateSchema>
export type SheetAction = z.infer<typeof sheetActionSchema>
export type StageDeadlines = z.infer<typeof stageDeadlinesSchema>
export type SheetSummary = z.infer<typeof sheetSummarySchema>
export type TeamQueueItem = z.infer<typeof teamQueueItemSchema>
export type TeamQueue = z.infer<typeof teamQueueSchema>
export type OverdueItem = z.infer<typeof overdueItemSchema>
export type PeerReviewTask = z.infer<typeof peerReviewTaskSchema>
export type PeerReviewSaved = z.infer<typeof peerReviewSavedSchema>
export type SheetScore = z.infer<typeof sheetScoreSchema>
export type MetricSource = z.infer<typeof metricSourceSchema>
export type SamplingSource = z.infer<typeof samplingSourceSchema>
export type ReviewInputs = z.infer<typeof reviewInputsSchema>
export type AgreedTargets = z.infer<typeof agreedTargetsSchema>
export type PeerReview = z.infer<typeof peerReviewSchema>
export type SheetEntry = z.infer<typeof sheetEntrySchema>
export type SheetFile = z.infer<typeof sheetFileSchema>
export type SheetEvent = z.infer<typeof sheetEventSchema>
export type Feedback = z.infer<typeof feedbackSchema>
export type SheetDetail = z.infer<typeof sheetDetailSchema>
/** The template parts a sheet page reads, under the contract's names. */
export type Template = z.infer<typeof templateSchema>
export type Indicator = z.infer<typeof indicatorSchema>
export type DataSource = z.infer<typeof dataSourceSchema>
export type Rule = z.infer<typeof ruleSchema>
export type IndicatorInput = z.infer<typeof indicatorInputSchema>
export type IndicatorScore = z.infer<typeof indicatorScoreSchema>
export type Explanation = z.infer<typeof explanationSchema>
/** Who owes the next step of a sheet (core's rule, shared with the web's stage labels). */
export { owedSteps } from '../core/workflow/stage-deadlines.ts'
export type { DisputedItem, SheetAppeal }

// ---- compile-time equality with the core types ------------------------------------------------------

// The stored score is what core's scoreSheet returns, plus what the compute step adds (issues, sources,
// roll-up, proration); a field added, dropped or retyped in core breaks the build.
type Interchangeable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type CoreScore = Omit<
  SheetScore,
  'inputIssues' | 'metricSources' | 'samplingSources' | 'leaverSources' | 'rollup' | 'proration'
>
const scoreMatches: Interchangeable<CoreScore, CoreSheetScore> = true
const indicatorMatches: Interchangeable<IndicatorScore, CoreIndicatorScore> = true
const adjustmentMatches: Interchangeable<z.infer<typeof adjustmentScoreSchema>, AdjustmentScore> = true
const explanationMatches: Interchangeable<Explanation, CoreExplanation> = true
const shapeMatches: Interchangeable<z.infer<typeof ruleShapeSchema>, RuleShape> = true
const stageMatches: Interchangeable<z.infer<typeof stageKeySchema>, StageKey> = true
void [scoreMatches, indicatorMatches, adjustmentMatches, explanationMatches, shapeMatches, stageMatches]
