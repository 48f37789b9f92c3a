import type { Db } from '../../db/database.ts'
import { enqueueWebhook, findWebhook, insertNotifications } from '../../db/notification-repository.ts'
import { webhookPayload } from './webhook-payload.ts'

export type NotificationMessage = {
  kind: string
  title: string
  body: string
  entity: string
  entityId: string | number
}

/**
 * Sends a message in-app to the users and, when the company configured a group robot, queues one
 * webhook delivery for the outbox worker. Runs inside the caller's transaction; never waits for the network.
 */
export async function notifyUsers(
  db: Db,
  companyId: number,
  userIds: readonly number[],
  message: NotificationMessage,
  now: Date,
): Promise<void> {
  if (userIds.length === 0) return
  const ids = await insertNotifications(db, companyId, userIds, message, now)
  const webhook = await findWebhook(db, companyId)
  if (webhook?.enabled) {
    await enqueueWebhook(db, {
      companyId,
      notificationId: ids[0] ?? null,
      url: webhook.url,
      payload: webhookPayload(webhook.flavour, message),
      now,
    })
  }
}
