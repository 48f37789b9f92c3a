import { sql } from 'kysely'
import type { Db } from './database.ts'
import type { UserWithCompany } from './user-repository.ts'

// Login sessions. The table holds only a hash of each session id, so a leaked table cannot be replayed.

export type NewSession = {
  idHash: string
  companyId: number
  userId: number
  csrfToken: string
  expiresAt: Date
}

export async function insertSession(db: Db, session: NewSession): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.idHash,
      company_id: session.companyId,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
    })
    .execute()
}

export type SessionWithUser = {
  idHash: string
  csrfToken: string
  expiresAt: Date
  user: Omit<UserWithCompany, 'passwordHash'> & {
    /** A new or reset login must change its password before anything else (issue 13). */
    mustChangePassword: boolean
  }
  /** The leave date of the user's employee: from that date (company time zone) the session no longer counts. */
  leaveDate: string | null
  timeZone: string
}

/**
 * How long this process reuses a session it has read (ms). Every API request loads its session; a few
 * seconds of reuse saves that query for a client's bursts while a session deleted elsewhere (another
 * server process) stops working within this time. Logout in this process drops the entry at once.
 */
export const sessionCacheTtlMs = 5000
const sessionCacheMax = 10_000

type CachedSession = { at: number; session: Promise<SessionWithUser | undefined> }
const sessionCaches = new WeakMap<Db, Map<string, CachedSession>>()

function sessionCacheOf(db: Db): Map<string, CachedSession> {
  let cache = sessionCaches.get(db)
  if (!cache) {
    cache = new Map()
    sessionCaches.set(db, cache)
  }
  return cache
}

/**
 * The unexpired session with this id hash and its user, or undefined. One query (session, user and
 * company joined), reused for `sessionCacheTtlMs` by this process; concurrent requests of one session
 * share the query in flight. A session past its expiry is never returned, cached or not.
 */
export async function findLiveSession(
  db: Db,
  idHash: string,
  now: Date,
): Promise<SessionWithUser | undefined> {
  const cache = sessionCacheOf(db)
  const clock = performance.now()
  const hit = cache.get(idHash)
  if (hit && clock - hit.at < sessionCacheTtlMs) {
    const session = await hit.session
    return session && session.expiresAt > now ? session : undefined
  }
  // Entries sit in the order they were read: drop stale ones from the front, and the oldest when full.
  cache.delete(idHash)
  for (const [key, entry] of cache) {
    if (cache.size < sessionCacheMax && clock - entry.at < sessionCacheTtlMs) break
    cache.delete(key)
  }
  const session = readLiveSession(db, idHash, now)
  cache.set(idHash, { at: clock, session })
  // A failed read is not kept: the next request asks the database again.
  session.catch(() => {
    if (cache.get(idHash)?.session === session) cache.delete(idHash)
  })
  return session
}

async function readLiveSession(db: Db, idHash: string, now: Date): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', (j) =>
      j.onRef('u.id', '=', 's.user_id').onRef('u.company_id', '=', 's.company_id'),
    )
    .innerJoin('companies as c', 'c.id', 's.company_id')
    .leftJoin('employees as e', (j) =>
      j.onRef('e.id', '=', 'u.employee_id').onRef('e.company_id', '=', 'u.company_id'),
    )
    .select([
      's.id as idHash',
      's.csrf_token as csrfToken',
      's.expires_at as expiresAt',
      'u.id as userId',
      'u.company_id as companyId',
      'c.name as companyName',
      'c.code as companyCode',
      sql<boolean>`coalesce((c.settings->>'demo')::boolean, false)`.as('companyIsDemo'),
      'u.username as username',
      'u.role as role',
      'u.employee_id as employeeId',
      'u.display_name as displayName',
      'u.locale as locale',
      'u.must_change_password as mustChangePassword',
      'e.leave_date as leaveDate',
      'c.time_zone as timeZone',
    ])
    .where('s.id', '=', idHash)
    .where('s.expires_at', '>', now)
    // A disabled login's sessions are deleted when it is disabled; this also stops any left behind.
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    idHash: row.idHash,
    csrfToken: row.csrfToken,
    expiresAt: new Date(row.expiresAt),
    user: {
      id: row.userId,
      companyId: row.companyId,
      companyName: row.companyName,
      companyCode: row.companyCode,
      companyIsDemo: row.companyIsDemo,
      username: row.username,
      role: row.role,
      employeeId: row.employeeId,
      displayName: row.displayName,
      locale: row.locale,
      mustChangePassword: row.mustChangePassword,
    },
    leaveDate: row.leaveDate,
    timeZone: row.timeZone || 'Asia/Shanghai',
  }
}

/** Deletes the session and drops it from this process's cache (logout takes effect at once). */
export async function deleteSession(db: Db, idHash: string): Promise<void> {
  sessionCacheOf(db).delete(idHash)
  await db.deleteFrom('sessions').where('id', '=', idHash).execute()
}

/** Removes sessions past their expiry; returns how many. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const cache = sessionCacheOf(db)
  for (const [key, entry] of cache) {
    const session = await entry.session.catch(() => undefined)
    if (!session || session.expiresAt <= now) cache.delete(key)
  }
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Drops one user's sessions (but `keepIdHash`) from this process's cache, e.g. after a transaction ended them. */
export async function forgetCachedSessionsOfUser(
  db: Db,
  companyId: number,
  userId: number,
  keepIdHash?: string,
): Promise<void> {
  const cache = sessionCacheOf(db)
  for (const [key, entry] of cache) {
    const session = await entry.session.catch(() => undefined)
    if (key !== keepIdHash && session?.user.id === userId && session.user.companyId === companyId)
      cache.delete(key)
  }
}

/**
 * Ends every session of one user except `keepIdHash` (password change, disabled login). Run inside a
 * transaction, call forgetCachedSessionsOfUser on the outer Db after it commits; other server processes stop
 * honouring the sessions within `sessionCacheTtlMs`.
 */
export async function deleteSessionsOfUser(
  db: Db,
  companyId: number,
  userId: number,
  keepIdHash?: string,
): Promise<number> {
  await forgetCachedSessionsOfUser(db, companyId, userId, keepIdHash)
  let query = db.deleteFrom('sessions').where('user_id', '=', userId).where('company_id', '=', companyId)
  if (keepIdHash !== undefined) query = query.where('id', '<>', keepIdHash)
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}
