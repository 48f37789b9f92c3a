import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { canonicalJson } from '../../db/audit-log-repository.ts'
import type { AuditKey } from './load-audit-key.ts'

// The audit head file: where each company's audit chain ended at a moment, signed with HMAC-SHA256 by a key
// kept outside the database. An operator keeps the file elsewhere; `jixiao audit verify --head FILE` then
// tells whether rows were deleted or the chain rewritten since.

export const auditHeadFormat = 'jixiao-audit-head/1'

export const signedAuditHeadSchema = z.object({
  companyId: z.number().int().positive(),
  rows: z.number().int().min(0),
  lastId: z.number().int().positive().nullable(),
  lastHash: z.string().min(1).max(200),
  at: z.iso.datetime(),
  signature: z.string().regex(/^[0-9a-f]{64}$/, 'hex HMAC-SHA256'),
})

export const auditHeadFileSchema = z.object({
  format: z.literal(auditHeadFormat),
  keyId: z.string().max(64),
  createdAt: z.iso.datetime(),
  heads: z.array(signedAuditHeadSchema).max(100_000),
})

export type SignedAuditHead = z.infer<typeof signedAuditHeadSchema>
export type AuditHeadFile = z.infer<typeof auditHeadFileSchema>

/** The HMAC of everything a head says, so that no field can be changed without the key. */
export function signAuditHead(key: AuditKey, head: Omit<SignedAuditHead, 'signature'>): string {
  const payload = canonicalJson({
    format: auditHeadFormat,
    companyId: head.companyId,
    rows: head.rows,
    lastId: head.lastId,
    lastHash: head.lastHash,
    at: head.at,
  })
  return createHmac('sha256', key.secret).update(payload).digest('hex')
}

export function isSignedBy(key: AuditKey, head: SignedAuditHead): boolean {
  const expected = Buffer.from(signAuditHead(key, head), 'hex')
  const given = Buffer.from(head.signature, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}
