import { z } from 'zod'

// The audit log (审计日志) as the API answers it: a page of rows and the hash-chain check.

/** The languages an audit row's sentence and field labels are written in (zh-CN unless asked). */
export const auditLanguageSchema = z.enum(['zh-CN', 'zh-TW', 'en'])
export type AuditLanguageCode = z.infer<typeof auditLanguageSchema>

export const auditQuerySchema = z.object({
  lang: auditLanguageSchema.default('zh-CN'),
  entity: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})
export type AuditQuery = z.infer<typeof auditQuerySchema>

/** One field an audited change altered: a readable label and the values before and after as short text. */
export const auditFieldChangeSchema = z
  .strictObject({
    field: z.string().meta({ description: 'The stored key (nested keys joined by a dot); not for display' }),
    label: z.string().meta({ description: 'The field’s name in the asked language, e.g. 等级' }),
    before: z.string().meta({ description: 'The value before, as text; — for none' }),
    after: z.string().meta({ description: 'The value after, as text; — for none' }),
  })
  .meta({ id: 'AuditFieldChange' })
export type AuditFieldChange = z.infer<typeof auditFieldChangeSchema>

/** One audit row: who, when, what (as a sentence), before → after (as changed fields), why, and the raw record. */
export const auditRowSchema = z
  .strictObject({
    id: z.number().int(),
    actorUserId: z.number().int().nullable(),
    actorName: z.string().nullable(),
    sentence: z.string().meta({
      description:
        'The row as a sentence in the asked language, e.g. 杨丽 批准了 2026年11月 奖金池（¥30,000）',
    }),
    changes: z.array(auditFieldChangeSchema),
    action: z.string().meta({ description: 'The action code, e.g. bonus_pool.approve (the raw record)' }),
    entity: z.string(),
    entityId: z.string(),
    before: z.unknown().meta({ description: 'The raw record before (shown only behind a toggle)' }),
    after: z.unknown().meta({ description: 'The raw record after (shown only behind a toggle)' }),
    reason: z.string().nullable(),
    createdAt: z.string().meta({ format: 'date-time' }),
  })
  .meta({ id: 'AuditRow' })
export type AuditRow = z.infer<typeof auditRowSchema>

export const auditPageSchema = z
  .strictObject({
    items: z.array(auditRowSchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'AuditPage' })
export type AuditPage = z.infer<typeof auditPageSchema>

/** The hash chain recomputed in id order: whole, or the first row that does not match. */
export const auditChainCheckSchema = z
  .discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), rows: z.number().int() }),
    z.strictObject({
      ok: z.literal(false),
      rows: z.number().int(),
      brokenRowId: z.number().int(),
      reason: z.enum(['prev_hash_mismatch', 'hash_mismatch']),
    }),
  ])
  .meta({ id: 'AuditChainCheck' })
export type AuditChainCheck = z.infer<typeof auditChainCheckSchema>
