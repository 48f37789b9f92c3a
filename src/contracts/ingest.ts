import { z } from 'zod'
import { factKindNames } from '../core/ingest/fact-kinds.ts'
import { metricCatalogue } from '../core/metrics/catalogue.ts'
import { isoDateSchema } from './organisation.ts'

// Shop data import and metrics as the API speaks them: import options and results, the import log,
// saved column mappings, attributions of source names, and metric queries and values.

export const factKindSchema = z.enum(factKindNames).meta({ id: 'FactKind' })

/** A text in both languages the catalogue speaks. */
export const bilingualTextSchema = z.object({ zh: z.string(), en: z.string() })

/** The encodings a user may force on an upload when detection guesses wrong. */
export const textEncodingSchema = z.enum(['utf-8', 'gbk', 'gb18030', 'utf-16le', 'utf-16be'])

/** Whom a metric is computed for. */
export const metricGroupingSchema = z.enum(['employee', 'team', 'shop', 'company'])

/** A metric period as people write it. */
export const metricPeriodSchema = z
  .string()
  .regex(
    /^\d{4}(-\d{1,2}(-\d{1,2})?|-?Q[1-4]|-?W\d{1,2})?$/i,
    'use 2011-11-05, 2011-W45, 2011-11, 2011-Q4 or 2011',
  )

/**
 * A mapping's key: a fact column name (snake_case). `__proto__`, `constructor` and `prototype` are refused by name
 * rather than dropped silently by the object they would land in.
 */
const mappingKeySchema = z
  .string()
  .max(100)
  .refine((k) => /^[a-z][a-z0-9_]*$/.test(k) && k !== 'constructor' && k !== 'prototype', {
    error: (issue) =>
      `映射的键 "${String(issue.input).slice(0, 100)}" 不是数据列名（应为小写字母、数字和下划线）`,
  })
const mappingSchema = z.record(mappingKeySchema, z.string().min(1).max(200))

/** Options sent with an uploaded export (the file itself travels as multipart). */
export const importOptionsSchema = z
  .object({
    kind: factKindSchema.optional(),
    preset: z.string().min(1).max(100).optional(),
    savedMapping: z.string().min(1).max(100).optional(),
    mapping: mappingSchema.optional(),
    shop: z.string().trim().min(1).max(200).optional(),
    source: z.string().trim().min(1).max(200).optional(),
    encoding: textEncodingSchema.optional(),
    periodStart: isoDateSchema.optional(),
    periodEnd: isoDateSchema.optional(),
  })
  .refine((o) => !o.mapping || o.kind, { message: 'a column mapping needs the fact kind', path: ['kind'] })
  .meta({ id: 'ImportOptions' })
export type ImportOptions = z.infer<typeof importOptionsSchema>

export const importResultSchema = z
  .object({
    status: z.enum(['imported', 'unchanged']),
    importId: z.number().int(),
    kind: factKindSchema,
    preset: z.string(),
    source: z.string(),
    rows: z.number().int(),
    replacedRows: z.number().int(),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    sha256: z.string(),
  })
  .meta({ id: 'ImportResult' })
export type ImportResult = z.infer<typeof importResultSchema>

/** One problem found in a file: row as the spreadsheet shows it, column header, the value and why. */
export const importIssueSchema = z
  .object({ row: z.number().int(), column: z.string(), value: z.string(), message: z.string() })
  .meta({ id: 'ImportIssue' })

export const importProgressSchema = z
  .object({
    phase: z.enum(['checking', 'reading', 'validating', 'saving', 'done']),
    bytesRead: z.number().int(),
    totalBytes: z.number().int(),
    rows: z.number().int().optional(),
  })
  .meta({ id: 'ImportProgress' })

export const importRecordSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    preset: z.string(),
    source: z.string(),
    fileName: z.string(),
    sha256: z.string(),
    sizeBytes: z.number().int(),
    rows: z.number().int(),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    status: z.enum(['completed', 'undone', 'failed']),
    createdByUserId: z.number().int().nullable(),
    replacedRows: z.number().int(),
    createdAt: z.string(),
    undoneAt: z.string().nullable(),
  })
  .meta({ id: 'ImportRecord' })
export type ImportRecord = z.infer<typeof importRecordSchema>

export const saveImportMappingSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    kind: factKindSchema,
    mapping: mappingSchema,
    headerRow: z.number().int().min(1).nullable().optional(),
  })
  .meta({ id: 'SaveImportMapping' })
export type SaveImportMapping = z.infer<typeof saveImportMappingSchema>

export const attributionInputSchema = z
  .object({
    sourceKind: z.enum(['agent_nick', 'host', 'account', 'employee_no', 'shop']),
    sourceName: z.string().trim().min(1).max(200),
    employeeId: z.number().int().positive().nullable(),
    departmentId: z.number().int().positive().nullable(),
    shop: z.string().trim().min(1).max(200).nullable(),
  })
  .meta({ id: 'AttributionInput' })
export type AttributionInput = z.infer<typeof attributionInputSchema>

export const metricKeySchema = z
  .enum(metricCatalogue.map((m) => m.key) as [string, ...string[]])
  .meta({ id: 'MetricKey' })

export const metricQuerySchema = z
  .object({
    metric: metricKeySchema,
    by: metricGroupingSchema.default('shop'),
    period: metricPeriodSchema,
  })
  .meta({ id: 'MetricQuery' })
export type MetricQuery = z.infer<typeof metricQuerySchema>

export const metricValueSchema = z
  .object({
    group: z.string(),
    label: z.string(),
    value: z
      .string()
      .nullable()
      .meta({ description: 'decimal string; null when it cannot be computed (see reason)' }),
    reason: z.string().optional(),
    numerator: z.string().nullable(),
    denominator: z.string().nullable().optional(),
    imports: z.array(z.number().int()),
  })
  .meta({ id: 'MetricValue' })

export const metricResultSchema = z
  .object({
    metric: z.string(),
    label: bilingualTextSchema,
    formula: bilingualTextSchema,
    unit: z.string(),
    by: metricGroupingSchema,
    period: z.object({ kind: z.string(), label: z.string(), start: z.string(), end: z.string() }),
    values: z.array(metricValueSchema),
    reason: z.string().optional(),
  })
  .meta({ id: 'MetricResult' })
export type MetricResult = z.infer<typeof metricResultSchema>
