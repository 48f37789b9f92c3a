import { z } from 'zod'
import { sheetActions, sheetStates } from '../core/workflow/sheet-workflow.ts'
import { countSchema, measureSchema } from './bounds.ts'
import { isoDateSchema } from './organisation.ts'

/** The sheet states in workflow order, for pages that list or count by state. */
export { sheetStates }

// The appraisal workflow as the API speaks it: cycles, sheets and their steps, appeals, calendar, notifications.

const id = z.number().int().positive()
const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `最多 ${max} 个字符`)
const version = z
  .number()
  .int()
  .positive()
  .meta({ description: 'The sheet version you read (optimistic concurrency)' })

export const indicatorInputSchema = z
  .strictObject({
    actual: measureSchema.optional(),
    target: measureSchema.optional(),
    occurrences: countSchema.optional(),
    counts: z.record(z.string(), countSchema).optional(),
    level: z.string().max(20).optional(),
    score: measureSchema.optional(),
    comment: z.string().max(2000).optional(),
    passed: z.boolean().optional(),
    violated: z.boolean().optional(),
    variables: z.record(z.string(), measureSchema).optional(),
  })
  .meta({ id: 'IndicatorInput' })

const indicatorInputs = z.record(z.string().max(100), indicatorInputSchema)

export const reviewInputSchema = z
  .strictObject({ indicators: indicatorInputs.default({}), comment: z.string().max(4000).optional() })
  .meta({ id: 'ReviewInput' })
export type ReviewInput = z.infer<typeof reviewInputSchema>

// Cycles -----------------------------------------------------------------------------------------

export const cycleKindSchema = z.enum(['monthly', 'quarterly', 'annual'])
export type CycleKind = z.infer<typeof cycleKindSchema>

export const cycleSettingsSchema = z
  .strictObject({
    appealWindowDays: z.number().int().min(0).max(60).optional(),
    investigationDays: z.number().int().min(1).max(60).optional(),
    stageOffsets: z
      .strictObject({
        targets: z.number().int().min(0).max(60),
        selfReview: z.number().int().min(0).max(60),
        supervisorReview: z.number().int().min(0).max(60),
        feedback: z.number().int().min(0).max(60),
        sign: z.number().int().min(0).max(60),
      })
      .optional(),
    rollup: z
      .strictObject({
        sources: z
          .array(z.strictObject({ cycleId: id, weight: z.number().min(0).max(1) }))
          .min(1)
          .max(12),
        ownWeight: z.number().min(0).max(1),
      })
      .refine(
        (r) => Math.abs(r.sources.reduce((s, x) => s + x.weight, 0) + r.ownWeight - 1) < 1e-9,
        '各月度权重与本期权重之和必须为 1',
      )
      .optional(),
    gradeQuotas: z
      .array(z.strictObject({ grade: text(20), maxShare: z.number().gt(0).max(1) }))
      .max(10)
      .optional(),
    /** advisory: quotas are reported; enforced: they hold sign-off and pay approval of a department over them. */
    quotaMode: z.enum(['advisory', 'enforced']).optional(),
  })
  .meta({ id: 'CycleSettings' })
export type CycleSettingsInput = z.infer<typeof cycleSettingsSchema>

export const cycleInputSchema = z
  .strictObject({
    name: text(100),
    kind: cycleKindSchema,
    periodStart: isoDateSchema,
    periodEnd: isoDateSchema,
    participants: z
      .strictObject({
        departmentIds: z.array(id).max(500).optional(),
        positionIds: z.array(id).max(500).optional(),
        employeeIds: z.array(id).max(20000).optional(),
      })
      .default({}),
    templateId: id
      .optional()
      .meta({ description: 'One template for every participant (default: each position’s own)' }),
    settings: cycleSettingsSchema.default({}),
  })
  .refine((c) => c.periodEnd >= c.periodStart, { message: '结束日期不能早于开始日期', path: ['periodEnd'] })
  .meta({ id: 'CycleInput' })
export type CycleInput = z.infer<typeof cycleInputSchema>

/** A background job (opening or computing a cycle); `result.interrupted` when a restart ended it. */
export const jobSchema = z
  .strictObject({
    id,
    kind: z.string(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    done: z.number(),
    total: z.number(),
    error: z.string().nullable(),
    params: z.record(z.string(), z.unknown()),
    result: z.record(z.string(), z.unknown()).nullable(),
    createdAt: z.string().meta({ format: 'date-time' }),
    updatedAt: z.string().meta({ format: 'date-time' }),
  })
  .meta({ id: 'Job' })
export type Job = z.infer<typeof jobSchema>

// Sheet steps ------------------------------------------------------------------------------------

export const sheetStateSchema = z.enum(sheetStates)
export const sheetActionSchema = z.enum(sheetActions)

export const targetsInputSchema = z
  .strictObject({
    expectedVersion: version,
    indicators: z.record(
      z.string().max(100),
      z.strictObject({
        target: measureSchema.optional(),
        weight: z.number().min(0).max(1000).optional(),
        note: z.string().max(1000).optional(),
      }),
    ),
  })
  .meta({ id: 'TargetsInput' })

export const versionInputSchema = z
  .strictObject({ expectedVersion: version, reason: z.string().trim().max(2000).optional() })
  .meta({ id: 'VersionInput' })

export const reasonInputSchema = z
  .strictObject({ expectedVersion: version, reason: text(2000) })
  .meta({ id: 'ReasonInput' })

export const reviewSaveSchema = z
  .strictObject({ expectedVersion: version, review: reviewInputSchema, submit: z.boolean().default(false) })
  .meta({ id: 'ReviewSave' })

export const linkSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  title: z.string().max(200).optional(),
})

export const entryInputSchema = z
  .strictObject({
    kind: z.enum(['work_record', 'observation']),
    date: isoDateSchema,
    body: text(10000),
    links: z.array(linkSchema).max(20).default([]),
    fileIds: z.array(id).max(20).default([]),
  })
  .meta({ id: 'SheetEntryInput' })
export type EntryInput = z.infer<typeof entryInputSchema>

/** Largest attachment stored with a sheet (2 MB), checked before anything is written. */
export const maxAttachmentBytes = 2 * 1024 * 1024

export const fileInputSchema = z
  .strictObject({
    name: text(200),
    contentType: z.string().max(100).default('application/octet-stream'),
    /** The file's bytes, base64; at most 2 MB once decoded. */
    dataBase64: z.string(),
  })
  .meta({ id: 'SheetFileInput' })

export const peerAssignmentSchema = z
  .strictObject({ expectedVersion: version, reviewerEmployeeIds: z.array(id).max(20) })
  .meta({ id: 'PeerAssignment' })

export const peerReviewInputSchema = z
  .strictObject({ indicators: indicatorInputs, comment: z.string().max(4000).optional() })
  .meta({ id: 'PeerReviewInput' })

export const sheetDataInputSchema = z
  .strictObject({
    expectedVersion: version,
    indicators: indicatorInputs.optional(),
    adjustments: indicatorInputs.optional(),
    sampling: z
      .strictObject({ indicators: indicatorInputs, source: z.string().max(500).optional() })
      .nullable()
      .optional()
      .meta({ description: 'The aggregated sampling component (抽查), scored as the sampling rater' }),
    positionSegments: z
      .strictObject({
        ownDays: z.int().min(0).max(366),
        earlier: z
          .array(
            z.strictObject({
              position: z.string().trim().min(1).max(100),
              days: z.int().min(1).max(366),
              total: z.number().min(0).max(1000),
            }),
          )
          .max(12),
      })
      .nullable()
      .optional()
      .meta({
        description:
          'A position change or a start/leave within the period (调岗/入离职): days in the current position and the earlier positions’ days and totals; the total is weighted by days (null removes it)',
      }),
    reason: z.string().max(2000).optional(),
  })
  .meta({ id: 'SheetDataInput' })

export const calibrationInputSchema = z
  .strictObject({ expectedVersion: version, total: z.number().min(0).max(1000), reason: text(2000) })
  .meta({ id: 'CalibrationInput' })

export const feedbackInputSchema = z
  .strictObject({
    expectedVersion: version,
    date: isoDateSchema,
    notes: text(10000),
    improvements: z.array(text(1000)).max(20).default([]),
  })
  .meta({ id: 'FeedbackInput' })

export const delegateInputSchema = z
  .strictObject({ expectedVersion: version, reviewerEmployeeId: id, reason: text(2000) })
  .meta({ id: 'DelegateInput' })

// Appeals ----------------------------------------------------------------------------------------

export const appealInputSchema = z
  .strictObject({
    expectedVersion: version,
    reasons: z.string().trim().min(1, '申诉必须写明理由（reasons are required）').max(10000),
    requestedOutcome: text(4000),
    evidence: z
      .array(z.union([linkSchema, z.strictObject({ fileId: id })]))
      .max(20)
      .default([]),
    disputed: z
      .array(
        z.strictObject({
          indicatorKey: text(100),
          rows: z
            .array(
              z.strictObject({
                importId: id.optional(),
                rowNumbers: z.array(z.number().int().positive()).max(1000).optional(),
                reference: z.string().max(500).optional(),
              }),
            )
            .max(50)
            .optional(),
          note: z.string().max(2000).optional(),
        }),
      )
      .max(50)
      .default([]),
  })
  .meta({ id: 'AppealInput' })
export type AppealInput = z.infer<typeof appealInputSchema>

export const appealTakeUpSchema = z
  .strictObject({
    handlerUserId: id.optional(),
    investigationDays: z.number().int().min(1).max(60).optional(),
    note: z.string().max(4000).optional(),
  })
  .meta({ id: 'AppealTakeUp' })

export const appealNoteSchema = z.strictObject({ note: text(4000) }).meta({ id: 'AppealNote' })

export const appealRulingSchema = z
  .strictObject({
    ruling: z.enum(['upheld', 'partly_upheld', 'rejected']),
    note: text(4000),
    /** Changed inputs for the disputed indicators; required unless rejected. Recomputes the sheet. */
    changedInputs: z
      .strictObject({
        shared: indicatorInputs.optional(),
        supervisor: indicatorInputs.optional(),
        adjustments: indicatorInputs.optional(),
      })
      .optional(),
  })
  .meta({ id: 'AppealRuling' })
export type AppealRulingInput = z.infer<typeof appealRulingSchema>

// Calendar and notifications ---------------------------------------------------------------------

export const calendarChangeSchema = z
  .strictObject({
    set: z
      .array(z.strictObject({ date: isoDateSchema, kind: z.enum(['holiday', 'workday']), name: text(50) }))
      .max(400)
      .default([]),
    remove: z.array(isoDateSchema).max(400).default([]),
    reason: z.string().max(2000).optional(),
  })
  .meta({ id: 'CalendarChange' })

export const webhookInputSchema = z
  .strictObject({
    flavour: z.enum(['dingtalk', 'feishu', 'wecom']),
    url: z.url({ protocol: /^https?$/ }).max(2000),
    enabled: z.boolean().default(true),
  })
  .nullable()
  .meta({ id: 'WebhookInput' })

export const markReadSchema = z
  .strictObject({ ids: z.union([z.array(id).max(1000), z.literal('all')]) })
  .meta({ id: 'MarkRead' })
