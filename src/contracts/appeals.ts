import { z } from 'zod'
import { indicatorInputSchema } from './workflow.ts'

// Appeals (申诉) as the API answers them: the queue row, the appeal as a sheet lists it, and the appeal itself.
// The appeal detail, which carries its sheet, is in appeal-detail.ts (the sheet contract reuses these pieces).

const id = z.number().int().positive()
const timestamp = z.string().meta({ format: 'date-time' })
const date = z.string().meta({ format: 'date', example: '2025-03-10' })

export const appealStatusSchema = z.enum(['filed', 'investigating', 'ruled']).meta({ id: 'AppealStatus' })
export type AppealStatus = z.infer<typeof appealStatusSchema>

export const appealRulingKindSchema = z
  .enum(['upheld', 'partly_upheld', 'rejected'])
  .meta({ id: 'AppealRulingKind' })
export type AppealRulingKind = z.infer<typeof appealRulingKindSchema>

/** A piece of evidence: a link, or a file uploaded to the sheet. */
export const appealEvidenceSchema = z
  .union([z.strictObject({ url: z.string(), title: z.string().optional() }), z.strictObject({ fileId: id })])
  .meta({ id: 'AppealEvidence' })
export type AppealEvidence = z.infer<typeof appealEvidenceSchema>

/** An indicator disputed; for imported data, the rows disputed (import id and row numbers, or free references). */
export const disputedItemSchema = z
  .strictObject({
    indicatorKey: z.string(),
    rows: z
      .array(
        z.strictObject({
          importId: id.optional(),
          rowNumbers: z.array(z.number().int()).optional(),
          reference: z.string().optional(),
        }),
      )
      .optional(),
    note: z.string().optional(),
  })
  .meta({ id: 'DisputedItem' })
export type DisputedItem = z.infer<typeof disputedItemSchema>

/** HR's investigation note (调查记录). */
export const appealNoteEntrySchema = z
  .strictObject({ at: timestamp, byUserId: id, text: z.string() })
  .meta({ id: 'AppealNoteEntry' })
export type AppealNoteEntry = z.infer<typeof appealNoteEntrySchema>

const indicatorInputs = z.record(z.string(), indicatorInputSchema)

/** The inputs a ruling changed (upheld or partly upheld); the sheet was recomputed with them. */
export const changedInputsSchema = z
  .strictObject({
    shared: indicatorInputs.optional(),
    supervisor: indicatorInputs.optional(),
    adjustments: indicatorInputs.optional(),
  })
  .meta({ id: 'ChangedInputs' })
export type ChangedInputs = z.infer<typeof changedInputsSchema>

/** One row of the appeals queue (申诉队列). */
export const appealSummarySchema = z
  .strictObject({
    id,
    sheetId: id,
    status: appealStatusSchema,
    employeeName: z.string(),
    cycleName: z.string(),
    handlerUserId: id.nullable(),
    handlerName: z.string().nullable(),
    investigationDue: date.nullable(),
    filedAt: timestamp,
    ruling: appealRulingKindSchema.nullable(),
  })
  .meta({ id: 'AppealSummary' })
export type AppealSummary = z.infer<typeof appealSummarySchema>

export const appealSummaryListSchema = z.strictObject({ items: z.array(appealSummarySchema) })

/** An appeal as its sheet lists it (GET /api/sheets/{id} → appeals). */
export const sheetAppealSchema = z
  .strictObject({
    id,
    status: appealStatusSchema,
    reasons: z.string(),
    requestedOutcome: z.string(),
    disputed: z.array(disputedItemSchema),
    evidence: z.array(appealEvidenceSchema),
    investigationDue: date.nullable(),
    ruling: appealRulingKindSchema.nullable(),
    rulingNote: z.string().nullable(),
    filedAt: timestamp,
    ruledAt: timestamp.nullable(),
  })
  .meta({ id: 'SheetAppeal' })
export type SheetAppeal = z.infer<typeof sheetAppealSchema>

/** The appeal without its sheet: who handles it, HR's notes (HR and admin only) and the ruling. */
export const appealFieldsSchema = z.strictObject({
  id,
  status: appealStatusSchema,
  reasons: z.string(),
  requestedOutcome: z.string(),
  evidence: z.array(appealEvidenceSchema),
  disputed: z.array(disputedItemSchema),
  handler: z.strictObject({ id, name: z.string() }).nullable(),
  investigationDue: date.nullable(),
  notes: z.array(appealNoteEntrySchema).optional().meta({ description: 'HR and admin only' }),
  ruling: appealRulingKindSchema.nullable(),
  rulingNote: z.string().nullable(),
  changedInputs: changedInputsSchema.nullable(),
  filedAt: timestamp,
  ruledAt: timestamp.nullable(),
  version: id,
})

/** An HR user who may take up an appeal. */
export const appealHandlerSchema = z.strictObject({ id, name: z.string() }).meta({ id: 'AppealHandler' })
export type AppealHandler = z.infer<typeof appealHandlerSchema>
