import { listNotifications as listRows } from '../../db/notification-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { NotificationDeps } from './notification-deps.ts'

/** The signed-in user's in-app notifications, newest first, with the unread count. */
export async function listNotifications(
  deps: NotificationDeps,
  actor: Actor,
  options: { unreadOnly?: boolean } = {},
) {
  return listRows(deps.db, actor.companyId, actor.userId, options)
}
