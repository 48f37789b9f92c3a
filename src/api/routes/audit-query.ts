import { sql } from 'kysely'
import type { Db } from '../../db/database.ts'

// A page of one company's audit rows for the audit route, with the actor's display name and the total count.
export async function listAuditPage(
  db: Db,
  companyId: number,
  query: { entity?: string; entityId?: string; page: number; pageSize: number },
) {
  let q = db.selectFrom('audit_log as a').where('a.company_id', '=', companyId)
  if (query.entity) q = q.where('a.entity', '=', query.entity)
  if (query.entityId) q = q.where('a.entity_id', '=', query.entityId)
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
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return {
    page: query.page,
    pageSize: query.pageSize,
    total: Number(count.n),
    items: rows.map((r) => ({
      id: r.id,
      actorUserId: r.actor_user_id,
      actorName: r.display_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      reason: r.reason,
      createdAt: new Date(r.created_at as unknown as Date),
    })),
  }
}
