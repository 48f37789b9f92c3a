import { markNotificationsRead as markRows } from '../../db/notification-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { NotificationDeps } from './notification-deps.ts'

/** Marks the signed-in user's notifications read (only their own: others' ids are ignored). */
export async function markNotificationsRead(deps: NotificationDeps, actor: Actor, ids: number[] | 'all') {
  return { marked: await markRows(deps.db, actor.companyId, actor.userId, ids, deps.now()) }
}
