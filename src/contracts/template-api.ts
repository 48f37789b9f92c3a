import { z } from 'zod'
import type { PayResult } from '../core/pay/compute-pay.ts'
import { sheetScoreSchema } from './sheets.ts'
import { templateSchema } from './template.ts'

// Request and response shapes of the template routes; the template itself is `templateSchema`.

export const templateSummarySchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    status: z.enum(['active', 'archived']),
    origin: z.enum(['builtin', 'custom']),
    latestVersion: z.number().int(),
    updatedAt: z.string(),
    positions: z.array(z.string()),
  })
  .meta({ id: 'TemplateSummary' })

export const templateListSchema = z
  .object({ items: z.array(templateSummarySchema) })
  .meta({ id: 'TemplateList' })

export const templateDetailSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    status: z.enum(['active', 'archived']),
    origin: z.enum(['builtin', 'custom']),
    latestVersion: z.number().int(),
    version: z.number().int(),
    definition: templateSchema,
    metricLabels: z.record(z.string(), z.strictObject({ zh: z.string(), en: z.string() })).meta({
      description: 'The names of the metrics the definition reads, by metric key (shown instead of the key)',
    }),
    versions: z.array(
      z.object({ version: z.number().int(), note: z.string().nullable(), createdAt: z.string() }),
    ),
  })
  .meta({ id: 'TemplateDetail' })

export const templateListQuerySchema = z.object({
  includeArchived: z
    .enum(['true', 'false'])
    .optional()
    .meta({ param: { name: 'includeArchived', in: 'query' } }),
})

export const templateVersionQuerySchema = z.object({
  version: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .meta({ param: { name: 'version', in: 'query' } }),
})

const note = z.string().trim().max(500).nullable().optional()

/** The definition is checked whole by the engine's validator, not field by field here, so every problem is listed at once. */
const anyDefinition = z.unknown().meta({ description: 'A Template (see the Template schema)' })

export const templateCreateSchema = z
  .strictObject({ definition: anyDefinition, note })
  .meta({ id: 'TemplateCreate' })
export const templateSaveSchema = z
  .strictObject({ definition: anyDefinition, expectedVersion: z.number().int().positive(), note })
  .meta({ id: 'TemplateSave' })
export const templateCopySchema = z
  .strictObject({ code: z.string().trim().min(1).max(100), name: z.string().trim().min(1).max(200) })
  .meta({ id: 'TemplateCopy' })

export const templateSavedSchema = z
  .object({ id: z.number().int(), version: z.number().int() })
  .meta({ id: 'TemplateSaved' })

export const templateIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  messageEn: z.string().optional(),
})
export const templateValidateSchema = z
  .strictObject({ definition: anyDefinition })
  .meta({ id: 'TemplateValidate' })
export const templateValidationSchema = z
  .object({ issues: z.array(templateIssueSchema) })
  .meta({ id: 'TemplateValidation' })

export const templatePreviewSchema = z
  .strictObject({
    definition: anyDefinition,
    inputs: z.record(z.string(), z.unknown()).meta({ description: 'SheetInputs of the scoring engine' }),
    pay: z
      .strictObject({
        schemeCode: z.string().max(100).optional(),
        values: z.record(z.string().max(100), z.union([z.number(), z.string().max(40)])).optional(),
        rewardsPenalties: z
          .array(
            z.strictObject({
              code: z.string().max(100).optional(),
              label: z.string().min(1).max(200),
              amount: z.union([z.number(), z.string().max(40)]),
            }),
          )
          .max(50)
          .optional(),
      })
      .optional()
      .meta({
        description:
          'Pay to preview: a built-in pay scheme (default: the one linked to the template) and its named inputs',
      }),
  })
  .meta({ id: 'TemplatePreview' })
const payText = z.object({ 'zh-CN': z.string(), en: z.string() })

export const payPreviewResultSchema = z
  .object({
    schemeCode: z.string(),
    lines: z.array(z.object({ code: z.string(), label: payText, amount: z.string(), rule: payText })),
    total: z.string().meta({ description: 'Sum of the lines, each rounded to the fen' }),
    coefficient: z.number().meta({ description: 'The performance coefficient (绩效系数) of the score' }),
    taskCoefficient: z.number(),
  })
  .meta({ id: 'PayPreviewResult' })

export const payPreviewSchema = z
  .object({
    schemeCode: z.string(),
    schemeName: payText,
    inputs: z.array(z.string()).meta({ description: 'The named inputs the scheme reads besides the score' }),
    result: payPreviewResultSchema.nullable(),
    issues: z.array(templateIssueSchema),
  })
  .meta({
    id: 'PayPreview',
    description:
      'The pay the score gives under the chosen scheme: lines (amount to the fen and the rule), total, or the missing inputs',
  })

export const templatePreviewResultSchema = z
  .object({
    issues: z.array(templateIssueSchema),
    score: sheetScoreSchema.nullable().meta({ description: 'null when the template is invalid' }),
    pay: payPreviewSchema.nullable(),
    paySchemes: z.array(z.object({ code: z.string(), name: payText })),
  })
  .meta({ id: 'TemplatePreviewResult' })

export type TemplateSummary = z.infer<typeof templateSummarySchema>
export type TemplateStatus = TemplateSummary['status']
export type TemplateOrigin = TemplateSummary['origin']
export type TemplateDetail = z.infer<typeof templateDetailSchema>
export type TemplateSaved = z.infer<typeof templateSavedSchema>
export type TemplateIssue = z.infer<typeof templateIssueSchema>
/** The pay part of a preview request. */
export type TemplatePreviewPay = NonNullable<z.infer<typeof templatePreviewSchema>['pay']>
export type PayPreview = z.infer<typeof payPreviewSchema>
export type TemplatePreviewResult = z.infer<typeof templatePreviewResultSchema>

// The pay result is what core's computePay returns; a field added, dropped or retyped there breaks the build.
type Interchangeable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const payResultMatches: Interchangeable<z.infer<typeof payPreviewResultSchema>, PayResult> = true
void payResultMatches
