import { z } from 'zod'
import { errorIssueSchema, errorResponseSchema } from './errors.ts'
import {
  textEncodingSchema as encodingSchema,
  factKindSchema,
  importIssueSchema,
  importOptionsSchema,
  bilingualTextSchema as labelSchema,
  metricGroupingSchema,
  metricPeriodSchema,
} from './ingest.ts'

// The import wizard, import history, attribution and metrics-explorer endpoints as the API speaks them
// (shared by the routes and, as types, by the web app).

/** How the wizard asks to read an upload: every field optional, detection fills the rest. */
export const uploadReadOptionsSchema = z
  .object({
    kind: factKindSchema.optional(),
    preset: z.string().min(1).max(100).optional(),
    encoding: encodingSchema.optional(),
    savedMapping: z.string().min(1).max(100).optional(),
    shop: z.string().trim().min(1).max(200).optional().meta({
      description: 'The shop of rows without a shop column (decides what the import would replace)',
    }),
    source: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: 'The source the import is recorded under (decides what it would replace)' }),
  })
  .meta({ id: 'UploadReadOptions' })
export type UploadReadOptions = z.infer<typeof uploadReadOptionsSchema>

export const uploadQuerySchema = uploadReadOptionsSchema
  .extend({
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .meta({ description: 'The file name as the user has it (the platform names carry the period)' }),
  })
  .meta({ id: 'UploadQuery' })

export const uploadIdParamSchema = z.object({
  id: z
    .string()
    .uuid()
    .meta({ param: { name: 'id', in: 'path' } }),
})

/** Live rows of one earlier import (and shop) that an import replaces, or would replace. */
export const replacedRowsSchema = z
  .object({
    importId: z.number().int(),
    fileName: z.string(),
    importedAt: z.string(),
    shop: z.string().nullable().meta({ description: 'null for a kind without a shop column' }),
    rows: z.number().int(),
  })
  .meta({ id: 'ReplacedRows' })
export type ReplacedRows = z.infer<typeof replacedRowsSchema>

export const importWarningSchema = z
  .object({
    rule: z.enum(['cancellation_prefix', 'status', 'adjustment_prefix']),
    rows: z.number().int(),
    of: z.number().int(),
    message: z.object({ 'zh-CN': z.string(), 'zh-TW': z.string(), en: z.string() }),
  })
  .meta({ id: 'ImportWarning' })
export type ImportWarningBody = z.infer<typeof importWarningSchema>

export const uploadAnalysisSchema = z
  .object({
    fileName: z.string(),
    sizeBytes: z.number().int(),
    format: z.enum(['csv', 'xlsx']),
    encoding: z.string().nullable(),
    preset: z.object({ name: z.string(), label: labelSchema, kind: factKindSchema }).nullable(),
    headerRow: z.number().int().nullable(),
    headersFound: z.array(z.string()),
    columns: z.array(
      z.object({
        target: z.string(),
        label: labelSchema,
        type: z.string(),
        required: z.boolean(),
        header: z.string().nullable(),
        expected: z.array(z.string()),
        source: z.enum(['column', 'period', 'constant', 'missing']),
      }),
    ),
    preview: z.array(
      z.object({
        row: z.number().int(),
        cells: z.record(
          z.string(),
          z.object({ value: z.string().nullable(), raw: z.string(), problem: z.string().optional() }),
        ),
      }),
    ),
    problem: z.object({ message: z.string(), issues: z.array(errorIssueSchema) }).nullable(),
    replaces: z
      .object({
        source: z.string(),
        periodStart: z.string().nullable(),
        periodEnd: z.string().nullable(),
        shops: z.array(z.string()).nullable(),
        fileRows: z.number().int(),
        rows: z.number().int(),
        imports: z.array(replacedRowsSchema),
      })
      .nullable()
      .meta({
        description:
          'What importing the file would replace: live rows of earlier imports of the same source and shops in its period',
      }),
  })
  .meta({ id: 'UploadAnalysis' })
export type UploadAnalysis = z.infer<typeof uploadAnalysisSchema>

export const uploadSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    sizeBytes: z.number().int(),
    analysis: uploadAnalysisSchema,
  })
  .meta({ id: 'Upload' })
export type Upload = z.infer<typeof uploadSchema>

/** A 400 about an upload (a header no preset knows): the error and the upload, so overrides can be tried. */
export const uploadProblemSchema = errorResponseSchema
  .extend({ upload: uploadSchema.optional() })
  .meta({ id: 'UploadProblem' })

export const uploadImportOptionsSchema = importOptionsSchema.meta({ id: 'UploadImportOptions' })

export const jobIdParamSchema = z.object({
  id: z
    .string()
    .uuid()
    .meta({ param: { name: 'id', in: 'path' } }),
})

export const importJobSchema = z
  .object({
    id: z.string(),
    mode: z.enum(['validate', 'import']),
    uploadId: z.string(),
    fileName: z.string(),
    status: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
    progress: z.object({
      phase: z.enum(['checking', 'reading', 'validating', 'saving', 'done']),
      bytesRead: z.number().int(),
      totalBytes: z.number().int(),
      rows: z.number().int().optional(),
      percent: z.number().int(),
    }),
    result: z
      .object({
        status: z.enum(['imported', 'unchanged', 'valid']),
        importId: z.number().int(),
        kind: z.string(),
        preset: z.string(),
        source: z.string(),
        rows: z.number().int(),
        replacedRows: z.number().int(),
        replaced: z.array(replacedRowsSchema),
        periodStart: z.string().nullable(),
        periodEnd: z.string().nullable(),
        sha256: z.string(),
        /** Rules that kept every row out of the figures (e.g. all rows are cancellations), in words. */
        warnings: z.array(importWarningSchema).optional(),
      })
      .nullable(),
    error: z
      .object({
        code: z.string(),
        message: z.string(),
        issues: z.array(errorIssueSchema),
        errors: z.array(importIssueSchema),
        errorCount: z.number().int(),
      })
      .nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ImportJob' })
export type ImportJob = z.infer<typeof importJobSchema>

/** A job that failed or was cancelled while the request waited (wait=true): the error and the job. */
export const importJobFailureSchema = errorResponseSchema
  .extend({ job: importJobSchema.optional() })
  .meta({ id: 'ImportJobFailure' })

export const importHistoryItemSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    preset: z.string(),
    source: z.string(),
    fileName: z.string(),
    sha256: z.string(),
    sizeBytes: z.number().int(),
    rows: z.number().int(),
    replacedRows: z.number().int(),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    status: z.enum(['completed', 'undone', 'failed']),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    undoneAt: z.string().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'ImportHistoryItem' })
export type ImportHistoryItem = z.infer<typeof importHistoryItemSchema>

export const importPresetSchema = z
  .object({ name: z.string(), label: labelSchema, kind: z.string(), signature: z.array(z.string()) })
  .meta({ id: 'ImportPreset' })
export type ImportPreset = z.infer<typeof importPresetSchema>

export const importMappingSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: z.string(),
    mapping: z.record(z.string(), z.string()),
    headerRow: z.number().int().nullable(),
  })
  .meta({ id: 'ImportMapping' })

export const attributionItemSchema = z
  .object({
    id: z.number().int(),
    sourceKind: z.enum(['agent_nick', 'host', 'account', 'employee_no', 'shop']),
    sourceName: z.string(),
    employeeId: z.number().int().nullable(),
    employeeName: z.string().nullable(),
    departmentId: z.number().int().nullable(),
    departmentName: z.string().nullable(),
    shop: z.string().nullable(),
  })
  .meta({ id: 'Attribution' })
export type AttributionItem = z.infer<typeof attributionItemSchema>

export const unmappedNameSchema = z
  .object({
    sourceKind: z.enum(['agent_nick', 'host', 'account', 'employee_no', 'shop']),
    sourceName: z.string(),
    rows: z.number().int(),
    kinds: z.array(z.string()),
    lastDay: z.string().nullable(),
  })
  .meta({ id: 'UnmappedName' })
export type UnmappedName = z.infer<typeof unmappedNameSchema>

export const metricDefinitionSchema = z
  .object({
    key: z.string(),
    label: labelSchema,
    formula: labelSchema,
    unit: z.string(),
    facts: z.array(z.string()),
    note: z.string().optional(),
  })
  .meta({ id: 'MetricDefinition' })
export type MetricDefinitionItem = z.infer<typeof metricDefinitionSchema>

export const metricSeriesQuerySchema = z.object({
  by: metricGroupingSchema.default('shop'),
  period: metricPeriodSchema.meta({
    description: 'the last period: 2011-11-05, 2011-W45, 2011-11, 2011-Q4 or 2011',
  }),
  count: z.coerce.number().int().min(1).max(36).default(12),
})

export const metricSeriesSchema = z
  .object({
    metric: z.string(),
    label: labelSchema,
    formula: labelSchema,
    unit: z.string(),
    by: metricGroupingSchema,
    periods: z.array(z.string()),
    series: z.array(
      z.object({
        group: z.string(),
        label: z.string(),
        values: z.array(z.string().nullable()),
        reasons: z.array(z.string().nullable()),
      }),
    ),
    reason: z.string().optional(),
  })
  .meta({ id: 'MetricSeries' })
export type MetricSeries = z.infer<typeof metricSeriesSchema>

export const factKindInfoSchema = z
  .object({
    name: factKindSchema,
    label: labelSchema,
    columns: z.array(
      z.object({ name: z.string(), label: labelSchema, type: z.string(), required: z.boolean() }),
    ),
  })
  .meta({ id: 'FactKindInfo' })
export type FactKindInfo = z.infer<typeof factKindInfoSchema>
