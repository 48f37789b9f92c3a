import { verifyAuditChain } from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'

/** Recomputes the company's audit hash chain and reports the first broken row (the audit page's check). */
export async function checkAuditChain(deps: { db: Db }, companyId: number) {
  return verifyAuditChain(deps.db, companyId)
}
