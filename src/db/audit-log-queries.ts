import { sql } from 'kysely'
import type { Db } from './database.ts'

// Reading the audit log a page at a time, for the audit page.

export type AuditPageFilter = { entity?: string; entityId?: string; limit: number; offset: number }

/** One company's audit rows, newest first, with the actor's display name, and how many match in all. */
export async function findAuditRows(db: Db, companyId: number, filter: AuditPageFilter) {
  let q = db.selectFrom('audit_log as a').where('a.company_id', '=', companyId)
  if (filter.entity) q = q.where('a.entity', '=', filter.entity)
  if (filter.entityId) q = q.where('a.entity_id', '=', filter.entityId)
  const [rows, count] = await Promise.all([
    q
      .leftJoin('users as u', 'u.id', 'a.actor_user_id')
      .select([
        'a.id',
        'a.actor_user_id',
        'u.display_name',
        'a.action',
        'a.entity',
        'a.entity_id',
        'a.before',
        'a.after',
        'a.reason',
        'a.created_at',
      ])
      .orderBy('a.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({
      id: r.id,
      actorUserId: r.actor_user_id,
      actorName: r.display_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      reason: r.reason,
      createdAt: new Date(r.created_at),
    })),
  }
}
