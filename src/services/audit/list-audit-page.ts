import type { AuditQuery } from '../../contracts/audit.ts'
import {
  describeAuditChanges,
  describeAuditEntry,
  describeAuditReason,
} from '../../core/audit/describe-audit-entry.ts'
import { findAuditRows } from '../../db/audit-log-queries.ts'
import type { Db } from '../../db/database.ts'

/**
 * A page of the company's audit rows, newest first, optionally of one entity, with the total count: each row as
 * a sentence and its changed fields in the asked language, the raw record beside them.
 */
export async function listAuditPage(deps: { db: Db }, companyId: number, query: AuditQuery) {
  const { rows, total } = await findAuditRows(deps.db, companyId, {
    entity: query.entity,
    entityId: query.entityId,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  })
  const items = rows.map(({ subjectName, cycleName, ...row }) => ({
    id: row.id,
    actorUserId: row.actorUserId,
    actorName: row.actorName,
    sentence: describeAuditEntry({ ...row, subjectName, cycleName }, query.lang).sentence,
    changes: describeAuditChanges(row.before, row.after, query.lang),
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    reason: describeAuditReason(row.reason, query.lang),
    createdAt: row.createdAt,
  }))
  return { page: query.page, pageSize: query.pageSize, total, items }
}
