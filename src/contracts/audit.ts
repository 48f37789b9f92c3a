import { z } from 'zod'

// The audit log (审计日志) as the API answers it: a page of rows and the hash-chain check.

export const auditQuerySchema = z.object({
  entity: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})
export type AuditQuery = z.infer<typeof auditQuerySchema>

/** One audit row: who, when, what, before → after, why. */
export const auditRowSchema = z
  .strictObject({
    id: z.number().int(),
    actorUserId: z.number().int().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
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
