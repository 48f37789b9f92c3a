import type { AuditQuery } from '../../contracts/audit.ts'
import { findAuditRows } from '../../db/audit-log-queries.ts'
import type { Db } from '../../db/database.ts'

/** A page of the company's audit rows, newest first, optionally of one entity, with the total count. */
export async function listAuditPage(deps: { db: Db }, companyId: number, query: AuditQuery) {
  const { rows, total } = await findAuditRows(deps.db, companyId, {
    entity: query.entity,
    entityId: query.entityId,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  })
  return { page: query.page, pageSize: query.pageSize, total, items: rows }
}
