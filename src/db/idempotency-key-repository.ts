import { sql } from 'kysely'
import type { Db } from './database.ts'

// Idempotency keys (migration 0020): claimed before a request runs, completed with its first answer.

export type IdempotencyScope = {
  companyId: number
  userId: number
  method: string
  path: string
  key: string
}

export type IdempotencyRecord = {
  requestHash: string
  state: 'in_flight' | 'done'
  responseStatus: number | null
  responseType: string | null
  responseBody: string | null
  createdAt: Date
}

function whereScope(db: Db, scope: IdempotencyScope) {
  return db
    .selectFrom('idempotency_keys')
    .where('company_id', '=', scope.companyId)
    .where('user_id', '=', scope.userId)
    .where('method', '=', scope.method)
    .where('path', '=', scope.path)
    .where('key', '=', scope.key)
}

/** Claims the key for this request: true when this request is the first (the row is new and in flight). */
export async function claimIdempotencyKey(
  db: Db,
  scope: IdempotencyScope,
  requestHash: string,
): Promise<boolean> {
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({
      company_id: scope.companyId,
      user_id: scope.userId,
      method: scope.method,
      path: scope.path,
      key: scope.key,
      request_hash: requestHash,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('key')
    .executeTakeFirst()
  return inserted !== undefined
}

/** The key's row, if any. */
export async function findIdempotencyKey(
  db: Db,
  scope: IdempotencyScope,
): Promise<IdempotencyRecord | undefined> {
  const row = await whereScope(db, scope)
    .select(['request_hash', 'state', 'response_status', 'response_type', 'response_body', 'created_at'])
    .executeTakeFirst()
  if (!row) return undefined
  return {
    requestHash: row.request_hash,
    state: row.state,
    responseStatus: row.response_status,
    responseType: row.response_type,
    responseBody: row.response_body,
    createdAt: new Date(row.created_at),
  }
}

/** Keeps the first answer of the request that claimed the key. */
export async function completeIdempotencyKey(
  db: Db,
  scope: IdempotencyScope,
  response: { status: number; type: string | null; body: string },
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({
      state: 'done',
      response_status: response.status,
      response_type: response.type,
      response_body: response.body,
      completed_at: sql<never>`now()`,
    })
    .where('company_id', '=', scope.companyId)
    .where('user_id', '=', scope.userId)
    .where('method', '=', scope.method)
    .where('path', '=', scope.path)
    .where('key', '=', scope.key)
    .execute()
}

/** Frees a key whose request failed (or was abandoned) so that a retry runs again. */
export async function releaseIdempotencyKey(
  db: Db,
  scope: IdempotencyScope,
  onlyInFlightBefore?: Date,
): Promise<void> {
  let query = db
    .deleteFrom('idempotency_keys')
    .where('company_id', '=', scope.companyId)
    .where('user_id', '=', scope.userId)
    .where('method', '=', scope.method)
    .where('path', '=', scope.path)
    .where('key', '=', scope.key)
  if (onlyInFlightBefore)
    query = query.where('state', '=', 'in_flight').where('created_at', '<', onlyInFlightBefore)
  await query.execute()
}

/** Removes keys older than the given time (they are kept a day). */
export async function deleteIdempotencyKeysBefore(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('created_at', '<', before).execute()
}
