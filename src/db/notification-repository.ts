import { sql } from 'kysely'
import type { Db } from './database.ts'
import type { WebhookFlavour } from './workflow-tables.ts'

// Notifications: in-app rows per user, and an outbox of webhook deliveries for a worker to send.

export type NotificationRecord = {
  id: number
  kind: string
  title: string
  body: string
  entity: string
  entityId: string
  readAt: Date | null
  createdAt: Date
}

export async function insertNotifications(
  db: Db,
  companyId: number,
  userIds: readonly number[],
  message: { kind: string; title: string; body: string; entity: string; entityId: string | number },
  now: Date,
): Promise<number[]> {
  if (userIds.length === 0) return []
  const rows = await db
    .insertInto('notifications')
    .values(
      [...new Set(userIds)].map((userId) => ({
        company_id: companyId,
        user_id: userId,
        kind: message.kind,
        title: message.title,
        body: message.body,
        entity: message.entity,
        entity_id: String(message.entityId),
        created_at: now,
      })),
    )
    .returning('id')
    .execute()
  return rows.map((r) => r.id)
}

export async function listNotifications(
  db: Db,
  companyId: number,
  userId: number,
  options: { unreadOnly?: boolean; limit?: number } = {},
): Promise<{ items: NotificationRecord[]; unread: number }> {
  let q = db
    .selectFrom('notifications')
    .select(['id', 'kind', 'title', 'body', 'entity', 'entity_id', 'read_at', 'created_at'])
    .where('company_id', '=', companyId)
    .where('user_id', '=', userId)
  if (options.unreadOnly) q = q.where('read_at', 'is', null)
  const rows = await q
    .orderBy('id', 'desc')
    .limit(options.limit ?? 50)
    .execute()
  const unread = await db
    .selectFrom('notifications')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('company_id', '=', companyId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return {
    unread: Number(unread.n),
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      entity: r.entity,
      entityId: r.entity_id,
      readAt: r.read_at === null ? null : new Date(r.read_at),
      createdAt: new Date(r.created_at),
    })),
  }
}

/** Marks the user's notifications read (the listed ids, or all); returns how many changed. */
export async function markNotificationsRead(
  db: Db,
  companyId: number,
  userId: number,
  ids: readonly number[] | 'all',
  now: Date,
): Promise<number> {
  let q = db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('company_id', '=', companyId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
  if (ids !== 'all') {
    if (ids.length === 0) return 0
    q = q.where('id', 'in', [...ids])
  }
  const result = await q.executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export async function findWebhook(db: Db, companyId: number) {
  return db
    .selectFrom('notification_webhooks')
    .selectAll()
    .where('company_id', '=', companyId)
    .executeTakeFirst()
}

export async function saveWebhook(
  db: Db,
  companyId: number,
  values: { flavour: WebhookFlavour; url: string; enabled: boolean } | null,
): Promise<void> {
  if (values === null) {
    await db.deleteFrom('notification_webhooks').where('company_id', '=', companyId).execute()
    return
  }
  await db
    .insertInto('notification_webhooks')
    .values({ company_id: companyId, ...values })
    .onConflict((oc) => oc.column('company_id').doUpdateSet(values))
    .execute()
}

/** The hosts besides the platforms' own that the company's robot may reach (companies.settings.webhookAllowedHosts). */
export async function findWebhookAllowedHosts(db: Db, companyId: number): Promise<string[]> {
  const row = await db
    .selectFrom('companies')
    .select(sql<unknown>`settings -> 'webhookAllowedHosts'`.as('hosts'))
    .where('id', '=', companyId)
    .executeTakeFirst()
  return Array.isArray(row?.hosts) ? row.hosts.filter((h): h is string => typeof h === 'string') : []
}

export async function saveWebhookAllowedHosts(db: Db, companyId: number, hosts: string[]): Promise<void> {
  await db
    .updateTable('companies')
    .set({
      settings: sql`jsonb_set(coalesce(settings, '{}'::jsonb), '{webhookAllowedHosts}', ${JSON.stringify(hosts)}::jsonb)`,
    })
    .where('id', '=', companyId)
    .execute()
}

export async function enqueueWebhook(
  db: Db,
  values: { companyId: number; notificationId: number | null; url: string; payload: unknown; now: Date },
): Promise<void> {
  await db
    .insertInto('notification_outbox')
    .values({
      company_id: values.companyId,
      notification_id: values.notificationId,
      url: values.url,
      payload: JSON.stringify(values.payload),
      status: 'pending',
      next_attempt_at: values.now,
      created_at: values.now,
      last_error: null,
      sent_at: null,
    })
    .execute()
}

export type OutboxItem = { id: number; companyId: number; url: string; payload: unknown; attempts: number }

/** Claims due deliveries: rows locked with skip locked, so two workers never send the same row. */
export async function claimDueDeliveries(db: Db, now: Date, limit: number): Promise<OutboxItem[]> {
  const rows = await db
    .selectFrom('notification_outbox')
    .select(['id', 'company_id as companyId', 'url', 'payload', 'attempts'])
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute()
  return rows
}

export async function recordDelivery(
  db: Db,
  id: number,
  outcome: { sent: true; now: Date } | { sent: false; error: string; nextAttemptAt: Date | null },
): Promise<void> {
  if (outcome.sent) {
    await db
      .updateTable('notification_outbox')
      .set({ status: 'sent', sent_at: outcome.now, attempts: sql<number>`attempts + 1`, last_error: null })
      .where('id', '=', id)
      .execute()
    return
  }
  await db
    .updateTable('notification_outbox')
    .set({
      status: outcome.nextAttemptAt === null ? 'failed' : 'pending',
      attempts: sql<number>`attempts + 1`,
      last_error: outcome.error.slice(0, 500),
      ...(outcome.nextAttemptAt ? { next_attempt_at: outcome.nextAttemptAt } : {}),
    })
    .where('id', '=', id)
    .execute()
}

/** Holds claimed deliveries back until `until`, so another worker pass does not send them while this one does. */
export async function postponeDeliveries(db: Db, ids: readonly number[], until: Date): Promise<void> {
  if (ids.length === 0) return
  await db
    .updateTable('notification_outbox')
    .set({ next_attempt_at: until })
    .where('id', 'in', [...ids])
    .execute()
}
