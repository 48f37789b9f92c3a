import { z } from 'zod'
import { sheetParties } from '../core/workflow/sheet-workflow.ts'
import { appealSummarySchema } from './appeals.ts'
import { cycleKindSchema, jobSchema, sheetStateSchema } from './workflow.ts'

// Appraisal cycles (考核周期) as the API answers them: the cycle, the HR board and the calibration view.

const id = z.number().int().positive()
const timestamp = z.string().meta({ format: 'date-time' })
const date = z.string().meta({ format: 'date', example: '2025-03-31' })

export const cycleStatusSchema = z.enum(['opening', 'open', 'closed', 'failed']).meta({ id: 'CycleStatus' })
export type CycleStatus = z.infer<typeof cycleStatusSchema>

export const gradeQuotaSchema = z
  .strictObject({ grade: z.string(), maxShare: z.number() })
  .meta({ id: 'GradeQuota' })
export type GradeQuota = z.infer<typeof gradeQuotaSchema>

export const quotaModeSchema = z.enum(['advisory', 'enforced']).meta({ id: 'QuotaMode' })

/** HR lets a department pass over the cycle's enforced quotas, with a reason (强制分布例外). */
export const quotaExceptionInputSchema = z
  .strictObject({
    /** null: the sheets without a department. */
    departmentId: id.nullable(),
    reason: z.string().trim().min(1, '请说明原因').max(2000, '最多 2000 个字符'),
  })
  .meta({ id: 'QuotaExceptionInput' })
export type QuotaExceptionInput = z.infer<typeof quotaExceptionInputSchema>

export const quotaExceptionSchema = z
  .strictObject({
    departmentId: id.nullable(),
    reason: z.string(),
    recordedBy: z.string(),
    recordedAt: timestamp,
  })
  .meta({ id: 'QuotaException' })
export type QuotaException = z.infer<typeof quotaExceptionSchema>

/** A cycle's settings as stored: what opening set and PATCH …/settings changed since. */
export const cycleSettingsViewSchema = z
  .strictObject({
    appealWindowDays: z.number().int().optional(),
    investigationDays: z.number().int().optional(),
    stageOffsets: z.record(z.string(), z.number().int()).optional(),
    /** Quarterly/annual: the monthly (or quarterly) cycles combined, with weights, and this cycle's own weight. */
    rollup: z
      .strictObject({
        sources: z.array(z.strictObject({ cycleId: id, weight: z.number() })),
        ownWeight: z.number(),
      })
      .optional(),
    /** Forced distribution (强制分布): at most this share of each group may hold the grade. */
    gradeQuotas: z.array(gradeQuotaSchema).optional(),
    /** advisory (the default) reports the quotas; enforced holds sign-off and pay approval of a department over them. */
    quotaMode: quotaModeSchema.optional(),
    /** Departments HR let pass over the quotas, each with the reason. */
    quotaExceptions: z.array(quotaExceptionSchema).optional(),
  })
  .meta({ id: 'CycleSettingsView' })
export type CycleSettings = z.infer<typeof cycleSettingsViewSchema>

export const cycleParticipantsSchema = z
  .strictObject({
    departmentIds: z.array(id).optional(),
    positionIds: z.array(id).optional(),
    employeeIds: z.array(id).optional(),
  })
  .meta({ id: 'CycleParticipants' })

/** One cycle with its settings and stage deadlines (stage key → YYYY-MM-DD). */
export const cycleSchema = z
  .strictObject({
    id,
    name: z.string(),
    kind: cycleKindSchema,
    periodStart: date,
    periodEnd: date,
    status: cycleStatusSchema,
    participants: cycleParticipantsSchema,
    settings: cycleSettingsViewSchema,
    deadlines: z.record(z.string(), date),
    templateId: id.nullable(),
    jobId: id.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'Cycle' })
export type Cycle = z.infer<typeof cycleSchema>

/** A cycle in the list, with its sheet count. */
export const cycleListItemSchema = cycleSchema
  .extend({ sheets: z.number().int() })
  .meta({ id: 'CycleListItem' })
export type CycleListItem = z.infer<typeof cycleListItemSchema>

export const cycleListSchema = z.strictObject({ items: z.array(cycleListItemSchema) })

/** The statutory holiday arrangement does not cover every date of the cycle (a warning, not a refusal). */
export const calendarCoverageWarningSchema = z
  .strictObject({
    code: z.literal('calendar_not_covered'),
    lastYear: z.number().describe('The last year the statutory holiday arrangement covers'),
    years: z.array(z.number()),
    dates: z.array(z.string()).describe('The period or deadline dates after that year'),
    message: z.string(),
  })
  .meta({ id: 'CalendarCoverageWarning' })
export type CalendarCoverageWarning = z.infer<typeof calendarCoverageWarningSchema>

/** Opening answers at once: the cycle, the job that creates its sheets, and any calendar warnings. */
export const openedCycleSchema = z
  .strictObject({ cycle: cycleSchema, jobId: id, warnings: z.array(calendarCoverageWarningSchema) })
  .meta({ id: 'OpenedCycle' })
export type OpenedCycle = z.infer<typeof openedCycleSchema>

// The HR board --------------------------------------------------------------------------------------------

/** A step a sheet owes past its stage deadline, and who owes it. */
export const overdueStepSchema = z
  .strictObject({
    sheetId: id,
    employeeName: z.string(),
    departmentName: z.string().nullable(),
    reviewerName: z.string().nullable(),
    state: sheetStateSchema,
    owedBy: z.enum(sheetParties),
    step: z.enum([
      'targets',
      'selfReview',
      'supervisorReview',
      'feedback',
      'sign',
      'appealWindow',
      'investigation',
    ]),
    stepName: z.string().meta({ description: 'The step in Chinese, e.g. 自评' }),
    dueDate: date,
  })
  .meta({ id: 'OverdueStep' })
export type OverdueStep = z.infer<typeof overdueStepSchema>

export const jobSummarySchema = jobSchema
  .pick({ id: true, kind: true, status: true, done: true, total: true, error: true, result: true })
  .meta({ id: 'JobSummary' })

/** A sheet held by missing data: who, and the items to enter before it can be computed. */
export const heldSheetSchema = z
  .strictObject({
    sheetId: id,
    employeeName: z.string(),
    departmentName: z.string().nullable(),
    items: z.array(z.strictObject({ key: z.string(), name: z.string() })),
  })
  .meta({ id: 'HeldSheet' })
export type HeldSheet = z.infer<typeof heldSheetSchema>

/** How far computing got: sheets computed of all, those still to compute, and the last compute job. */
export const cycleComputationSchema = z
  .strictObject({
    computed: z.number().int(),
    total: z.number().int(),
    uncomputedCount: z.number().int(),
    /** The first 500 sheets whose supervisor review is in and that are not computed yet. */
    uncomputed: z.array(
      z.strictObject({
        sheetId: id,
        employeeName: z.string(),
        departmentName: z.string().nullable(),
        reviewerName: z.string().nullable(),
      }),
    ),
    lastJob: jobSummarySchema.nullable(),
    /** Sheets the last compute held because items declared required (缺少数据) have no data, by person and item. */
    held: z.array(heldSheetSchema),
  })
  .meta({ id: 'CycleComputation' })
export type CycleComputation = z.infer<typeof cycleComputationSchema>

/** Someone moved department or manager (调动) since the cycle opened; the sheet stays where it was opened. */
export const cycleMoveSchema = z
  .strictObject({
    sheetId: id,
    employeeId: id,
    employeeName: z.string(),
    fromDepartmentName: z.string().nullable(),
    toDepartmentName: z.string().nullable(),
    departmentMoved: z.boolean(),
    fromManagerName: z.string().nullable(),
    toManagerName: z.string().nullable(),
    managerMoved: z.boolean(),
  })
  .meta({ id: 'CycleMove' })
export type CycleMove = z.infer<typeof cycleMoveSchema>

const countByState = z.record(z.string(), z.number().int()).meta({ description: 'Sheet state → count' })

/** HR's cycle board: sheets by stage and department, overdue steps, open appeals, computing progress, moves. */
export const cycleBoardSchema = z
  .strictObject({
    cycle: cycleSchema,
    today: date,
    total: z.number().int(),
    byState: countByState,
    departments: z.array(
      z.strictObject({
        departmentId: id.nullable(),
        departmentName: z.string().nullable(),
        byState: countByState,
        total: z.number().int(),
      }),
    ),
    overdue: z.array(overdueStepSchema),
    openAppeals: z.array(appealSummarySchema),
    computation: cycleComputationSchema,
    moves: z.array(cycleMoveSchema),
  })
  .meta({ id: 'CycleBoard' })
export type CycleBoard = z.infer<typeof cycleBoardSchema>

// Calibration (绩效校准) --------------------------------------------------------------------------------------

export const distributionSchema = z
  .strictObject({
    count: z.number().int(),
    mean: z.number().nullable(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    grades: z.record(z.string(), z.number().int()).meta({ description: 'Grade (— for none) → count' }),
    histogram: z.array(z.strictObject({ from: z.number(), to: z.number(), count: z.number().int() })),
  })
  .meta({ id: 'ScoreDistribution' })
export type Distribution = z.infer<typeof distributionSchema>

export const calibrationSheetSchema = z
  .strictObject({
    sheetId: id,
    employeeName: z.string(),
    departmentId: id.nullable(),
    departmentName: z.string().nullable(),
    state: sheetStateSchema,
    version: z.number().int(),
    total: z.number(),
    grade: z.string().nullable(),
    calibrated: z.boolean(),
    calibratable: z.boolean(),
  })
  .meta({ id: 'CalibrationSheet' })
export type CalibrationSheet = z.infer<typeof calibrationSheetSchema>

/** A group holding more of a grade than the cycle's quota allows (强制分布). */
export const quotaViolationSchema = z
  .strictObject({
    scope: z.enum(['company', 'department']),
    departmentId: id.nullable(),
    grade: z.string(),
    count: z.number().int(),
    groupSize: z.number().int(),
    allowed: z.number().int(),
    maxShare: z.number(),
    sheetIds: z.array(id),
    message: z.string(),
    /** Enforced quotas, a department over them and no exception recorded: its sign-off and pay approval wait. */
    held: z.boolean(),
  })
  .meta({ id: 'QuotaViolation' })
export type QuotaViolation = z.infer<typeof quotaViolationSchema>

/** The calibration view: distribution by department and grade-quota violations. */
export const cycleCalibrationSchema = z
  .strictObject({
    cycleId: id,
    quotas: z.array(gradeQuotaSchema),
    quotaMode: quotaModeSchema,
    quotaExceptions: z.array(quotaExceptionSchema),
    company: distributionSchema,
    departments: z.array(
      distributionSchema.extend({ departmentId: id.nullable(), departmentName: z.string().nullable() }),
    ),
    violations: z.array(quotaViolationSchema),
    sheets: z.array(calibrationSheetSchema),
  })
  .meta({ id: 'CycleCalibration' })
export type CycleCalibration = z.infer<typeof cycleCalibrationSchema>
