import { readAuditChainEnds } from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'
import { type AuditHeadFile, auditHeadFormat, signAuditHead } from './audit-head-file.ts'
import type { AuditKey } from './load-audit-key.ts'

/** Signs where the audit chain of every company (or of one) ends now: the file `jixiao audit head` writes. */
export async function exportAuditHead(
  deps: { db: Db; now: () => Date },
  key: AuditKey,
  companyId?: number,
): Promise<AuditHeadFile> {
  const at = deps.now().toISOString()
  const ends = await readAuditChainEnds(deps.db, companyId)
  return {
    format: auditHeadFormat,
    keyId: key.id,
    createdAt: at,
    heads: ends.map((end) => {
      const head = { ...end, at }
      return { ...head, signature: signAuditHead(key, head) }
    }),
  }
}
