import type { Db } from '../../db/database.ts'
import { findLiveSession, type SessionWithUser } from '../../db/session-repository.ts'
import { hashSessionToken } from './session-token.ts'

/** The live session a cookie token names, with its user, or undefined when unknown or expired. */
export async function resolveSession(db: Db, token: string, now: Date): Promise<SessionWithUser | undefined> {
  if (!/^[\w-]{20,100}$/.test(token)) return undefined
  return findLiveSession(db, hashSessionToken(token), now)
}
