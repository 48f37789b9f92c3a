import { dateInZone } from '../../core/calendar/date-in-zone.ts'
import type { Db } from '../../db/database.ts'
import { findLiveSession, type SessionWithUser } from '../../db/session-repository.ts'

export type { SessionWithUser }

import { hashSessionToken } from './session-token.ts'

/**
 * The live session a cookie token names, with its user, or undefined when unknown, expired, of a disabled
 * login, or of an employee whose leave date has come (today or earlier in the company's time zone).
 */
export async function resolveSession(db: Db, token: string, now: Date): Promise<SessionWithUser | undefined> {
  if (!/^[\w-]{20,100}$/.test(token)) return undefined
  const session = await findLiveSession(db, hashSessionToken(token), now)
  if (session?.leaveDate && session.leaveDate <= dateInZone(now, session.timeZone)) return undefined
  return session
}
