import type { Db } from '../../db/database.ts'
import { deleteSession } from '../../db/session-repository.ts'
import { hashSessionToken } from './session-token.ts'

/** Ends a session: the row is deleted, so the cookie is worthless even if kept. */
export async function logOut(db: Db, token: string): Promise<void> {
  await deleteSession(db, hashSessionToken(token))
}
