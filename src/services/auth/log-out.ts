import type { Db } from '../../db/database.ts'
import { deleteSession, deleteSessionsOfUser } from '../../db/session-repository.ts'
import { hashSessionToken } from './session-token.ts'

/** Ends a session: the row is deleted, so the cookie is worthless even if kept. */
export async function logOut(db: Db, token: string): Promise<void> {
  await deleteSession(db, hashSessionToken(token))
}

/** Ends every session of the user, on every device ("sign out everywhere"); answers how many ended. */
export async function logOutEverywhere(db: Db, user: { companyId: number; id: number }): Promise<number> {
  return deleteSessionsOfUser(db, user.companyId, user.id)
}
