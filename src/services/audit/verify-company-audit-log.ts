import { type AuditChainCheck, findAuditRowSummary, verifyAuditChain } from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'

/** Checks a company's audit hash chain; when broken, also the first row that fails, to name it. */
export async function verifyCompanyAuditLog(
  deps: { db: Db },
  companyId: number,
): Promise<{ check: AuditChainCheck; brokenRow: Awaited<ReturnType<typeof findAuditRowSummary>> }> {
  const check = await verifyAuditChain(deps.db, companyId)
  const brokenRow = check.ok ? undefined : await findAuditRowSummary(deps.db, check.brokenRowId)
  return { check, brokenRow }
}
