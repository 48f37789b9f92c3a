import { hash as digest } from 'node:crypto'
import { sql } from 'kysely'
import type { Db } from './database.ts'

// The append-only audit log: each row is chained to the previous one of its company by a SHA-256 hash,
// so editing or deleting a past row is detectable by verifyAuditChain.

export type AuditEntry = {
  companyId: number
  actorUserId: number | null
  action: string
  entity: string
  entityId: string | number
  before?: unknown
  after?: unknown
  reason?: string | null
}

export type AuditRow = {
  id: number
  companyId: number
  actorUserId: number | null
  action: string
  entity: string
  entityId: string
  before: unknown
  after: unknown
  reason: string | null
  createdAt: Date
  prevHash: string
  hash: string
}

export const genesisHash = 'GENESIS'

/** JSON with object keys sorted at every level, so equal content always hashes equally (as jsonb does not keep key order). */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++)
      out += i === 0 ? canonicalJson(value[i]) : `,${canonicalJson(value[i])}`
    return `${out}]`
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
  // Rows are mostly written with their keys in order already: sort (by UTF-16 code units) only when not.
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1]! > keys[i]!) {
      keys.sort()
      break
    }
  }
  let out = '{'
  for (const key of keys) {
    const item = record[key]
    if (item === undefined) continue
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`
  }
  return `${out}}`
}

type HashedContent = Omit<AuditRow, 'id' | 'hash' | 'prevHash'>

function hashRow(prevHash: string, content: HashedContent): string {
  return hashBody(prevHash, canonicalBody(content))
}

/** The row's keys in sorted order: canonicalJson of the body is written with them, without sorting per row. */
const bodyKeys = [
  'action',
  'actorUserId',
  'after',
  'before',
  'companyId',
  'createdAt',
  'entity',
  'entityId',
  'reason',
] as const

/** canonicalJson of the row's content with createdAt as ISO text (the hashed text; the same text it always was). */
function canonicalBody(content: HashedContent): string {
  let out = '{'
  for (const key of bodyKeys) {
    const value = key === 'createdAt' ? content.createdAt.toISOString() : content[key]
    if (value === undefined) continue
    out += `${out.length === 1 ? '' : ','}"${key}":${canonicalJson(value)}`
  }
  return `${out}}`
}

function hashBody(prevHash: string, body: string): string {
  // One-shot hash of the same UTF-8 bytes (a third of the cost of a Hash object per row).
  return digest('sha256', `${prevHash}\n${body}`, 'hex')
}

// A value as it will come back out of jsonb (plain JSON, undefined dropped) and the JSON text to store.
function asStoredJson(value: unknown): { value: unknown; text: string | null } {
  if (value === undefined) return { value: null, text: null }
  const text = JSON.stringify(value)
  const stored: unknown = JSON.parse(text)
  // Writing the parsed value again gives the same text, so the text is stored as is (one pass, not two).
  return stored === null ? { value: null, text: null } : { value: stored, text }
}

/**
 * Appends one audit row. Concurrent appends for one company are serialised by locking the company row,
 * so call it inside the transaction that makes the change (it opens its own transaction otherwise).
 */
export async function appendAudit(db: Db, entry: AuditEntry, now: Date = new Date()): Promise<AuditRow> {
  if (!db.isTransaction) return db.transaction().execute((trx) => appendAudit(trx, entry, now))
  // Millisecond precision survives the timestamptz round trip on both engines.
  const createdAt = new Date(Math.floor(now.getTime()))
  const before = asStoredJson(entry.before)
  const after = asStoredJson(entry.after)
  const content: HashedContent = {
    companyId: entry.companyId,
    actorUserId: entry.actorUserId,
    action: entry.action,
    entity: entry.entity,
    entityId: String(entry.entityId),
    before: before.value,
    after: after.value,
    reason: entry.reason ?? null,
    createdAt,
  }
  // The hashed text does not depend on the chain: built before the queries, while writes the caller
  // queued ahead of them are still running.
  const body = canonicalBody(content)
  // "for no key update": appends queue here, while inserts that merely reference the company (key share) do not,
  // so a transaction that inserted a row first and appends afterwards cannot deadlock with another one (issue 12).
  await sql`select id from companies where id = ${entry.companyId} for no key update`.execute(db)
  const last = await readAuditChainHead(db, entry.companyId)
  const prevHash = last?.hash ?? genesisHash
  const hash = hashBody(prevHash, body)
  const row = await db
    .insertInto('audit_log')
    .values({
      company_id: content.companyId,
      actor_user_id: content.actorUserId,
      action: content.action,
      entity: content.entity,
      entity_id: content.entityId,
      before: before.text,
      after: after.text,
      reason: content.reason,
      // database.ts wraps Timestamp in Generated<>, which hides Date from Kysely's types; the cast is the workaround.
      created_at: sql<never>`${createdAt.toISOString()}::timestamptz`,
      prev_hash: prevHash,
      hash,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: row.id, ...content, prevHash, hash }
}

/**
 * Appends many rows in order in one statement (a roster import of 10,000 people writes one per person): the
 * chain is hashed here and the rows go in as one JSON parameter. Call it inside the transaction of the change.
 * Answers the hash the chain now ends with, for rows the caller chains on and writes itself (hashAuditChain), and
 * the ids of the rows written, in the order given (rows that follow may refer to them); given no rows it only
 * locks the chain and answers its end.
 */
export async function appendAuditBatch(
  db: Db,
  companyId: number,
  entries: readonly AuditEntry[],
  now: Date = new Date(),
): Promise<{ hash: string; ids: number[] }> {
  if (!db.isTransaction)
    return db.transaction().execute((trx) => appendAuditBatch(trx, companyId, entries, now))
  if (entries.some((e) => e.companyId !== companyId))
    throw new Error('appendAuditBatch: one company per batch')
  const createdAt = auditTime(now)
  await sql`select id from companies where id = ${companyId} for no key update`.execute(db)
  const last = await readAuditChainHead(db, companyId)
  const chained = hashAuditChain(last?.hash ?? genesisHash, entries, createdAt)
  if (chained.length === 0) return { hash: last?.hash ?? genesisHash, ids: [] }
  const records = entries.map((entry, i) => ({
    i,
    actor_user_id: entry.actorUserId,
    action: entry.action,
    entity: entry.entity,
    entity_id: String(entry.entityId),
    before: chained[i]!.before,
    after: chained[i]!.after,
    reason: entry.reason ?? null,
    prev_hash: chained[i]!.prevHash,
    hash: chained[i]!.hash,
  }))
  // Rows are numbered in the order given (ids follow it), so the chain reads back in order.
  const written = await sql<{ id: number }>`
    insert into audit_log (company_id, actor_user_id, action, entity, entity_id, before, after, reason, created_at, prev_hash, hash)
    select ${companyId}, r.actor_user_id, r.action, r.entity, r.entity_id, nullif(r.before, 'null'::jsonb),
      nullif(r.after, 'null'::jsonb), r.reason, ${createdAt.toISOString()}::timestamptz, r.prev_hash, r.hash
    from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(i int, actor_user_id int, action text,
      entity text, entity_id text, before jsonb, after jsonb, reason text, prev_hash text, hash text)
    order by r.i
    returning id`.execute(db)
  return {
    hash: chained[chained.length - 1]!.hash,
    ids: written.rows.map((r) => r.id).sort((a, b) => a - b),
  }
}

/**
 * The newest audit row of a company (undefined before its first). Appends to a company's chain are serialised by
 * its row lock, so within a company a later row always has a greater id: the head changes whenever anything
 * audited changes, which makes it a cheap "has anything changed since" mark (the roster's previewed plan).
 */
export async function readAuditChainHead(
  db: Db,
  companyId: number,
): Promise<{ id: number; hash: string } | undefined> {
  return db
    .selectFrom('audit_log')
    .select(['id', 'hash'])
    .where('company_id', '=', companyId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** The time an audit row records: millisecond precision survives the timestamptz round trip on both engines. */
export function auditTime(now: Date): Date {
  return new Date(Math.floor(now.getTime()))
}

/**
 * Hashes entries of one company in order onto a chain ending with `prevHash`, as appendAuditBatch writes them:
 * for a caller that writes the rows itself in the same transaction, straight after an appendAuditBatch (which
 * locked the chain and answered its end), with before/after stored as the same JSON and created at `createdAt`.
 */
export function hashAuditChain(
  prevHash: string,
  entries: readonly AuditEntry[],
  createdAt: Date,
): { before: unknown; after: unknown; prevHash: string; hash: string }[] {
  return entries.map((entry) => {
    const before = asStoredValue(entry.before)
    const after = asStoredValue(entry.after)
    const hash = hashRow(prevHash, {
      companyId: entry.companyId,
      actorUserId: entry.actorUserId,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      before,
      after,
      reason: entry.reason ?? null,
      createdAt,
    })
    const row = { before, after, prevHash, hash }
    prevHash = hash
    return row
  })
}

/**
 * A value as it will come back out of jsonb. A flat record of text, booleans, finite numbers and nulls (a person's
 * fields) already is one, so the JSON round trip is skipped for it: 10,000 of them in an import.
 */
function asStoredValue(value: unknown): unknown {
  if (value === undefined || value === null) return null
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    let flat = true
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key]
      if (item !== null && typeof item !== 'string' && typeof item !== 'boolean' && !Number.isFinite(item)) {
        flat = false
        break
      }
    }
    if (flat) return value
  }
  return asStoredJson(value).value
}

export type AuditChainCheck =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenRowId: number; reason: 'prev_hash_mismatch' | 'hash_mismatch' }

/** Recomputes the chain of one company in id order and reports the first row that does not match. */
export async function verifyAuditChain(
  db: Db,
  companyId: number,
  batchSize = 1000,
): Promise<AuditChainCheck> {
  let prevHash = genesisHash
  let afterId = 0
  let rows = 0
  for (;;) {
    const batch = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('company_id', '=', companyId)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(batchSize)
      .execute()
    for (const r of batch) {
      rows++
      if (r.prev_hash !== prevHash)
        return { ok: false, rows, brokenRowId: r.id, reason: 'prev_hash_mismatch' }
      const expected = hashRow(prevHash, {
        companyId: r.company_id,
        actorUserId: r.actor_user_id,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
        reason: r.reason,
        createdAt: new Date(r.created_at),
      })
      if (expected !== r.hash) return { ok: false, rows, brokenRowId: r.id, reason: 'hash_mismatch' }
      prevHash = r.hash
      afterId = r.id
    }
    if (batch.length < batchSize) return { ok: true, rows }
  }
}

/** The newest audit rows of one company, optionally for one entity. */
export async function listAudit(
  db: Db,
  companyId: number,
  filter: { entity?: string; entityId?: string | number; limit?: number } = {},
): Promise<AuditRow[]> {
  let q = db.selectFrom('audit_log').selectAll().where('company_id', '=', companyId)
  if (filter.entity) q = q.where('entity', '=', filter.entity)
  if (filter.entityId !== undefined) q = q.where('entity_id', '=', String(filter.entityId))
  const rows = await q
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 100)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    companyId: r.company_id,
    actorUserId: r.actor_user_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
    reason: r.reason,
    createdAt: new Date(r.created_at),
    prevHash: r.prev_hash,
    hash: r.hash,
  }))
}

/** Where a company's chain ends: its row count, newest row and that row's hash (what `jixiao audit head` signs). */
export type AuditChainEnd = { companyId: number; rows: number; lastId: number | null; lastHash: string }

/** The end of the chain of every company (or of one), in company order; a company without rows ends at GENESIS. */
export async function readAuditChainEnds(db: Db, companyId?: number): Promise<AuditChainEnd[]> {
  let q = db
    .selectFrom('companies as c')
    .leftJoin('audit_log as a', 'a.company_id', 'c.id')
    .select((eb) => ['c.id', eb.fn.count<number>('a.id').as('rows'), eb.fn.max('a.id').as('last_id')])
    .groupBy('c.id')
    .orderBy('c.id')
  if (companyId !== undefined) q = q.where('c.id', '=', companyId)
  const ends: AuditChainEnd[] = []
  for (const r of await q.execute()) {
    const lastId = r.last_id === null ? null : Number(r.last_id)
    const last =
      lastId === null
        ? undefined
        : await db.selectFrom('audit_log').select('hash').where('id', '=', lastId).executeTakeFirst()
    ends.push({ companyId: r.id, rows: Number(r.rows), lastId, lastHash: last?.hash ?? genesisHash })
  }
  return ends
}

/** What remains of a company's chain up to row `lastId`: how many rows, and that row's hash if it is still there. */
export async function readAuditChainUpTo(
  db: Db,
  companyId: number,
  lastId: number,
): Promise<{ rows: number; lastHash: string | null }> {
  const counted = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('rows'))
    .where('company_id', '=', companyId)
    .where('id', '<=', lastId)
    .executeTakeFirstOrThrow()
  const last = await db
    .selectFrom('audit_log')
    .select('hash')
    .where('company_id', '=', companyId)
    .where('id', '=', lastId)
    .executeTakeFirst()
  return { rows: Number(counted.rows), lastHash: last?.hash ?? null }
}

/** One row's who, what and when, to name a broken row in a message. */
export async function findAuditRowSummary(db: Db, id: number) {
  return db
    .selectFrom('audit_log')
    .select(['id', 'action', 'entity', 'entity_id', 'actor_user_id', 'reason', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst()
}

/**
 * Lets the current transaction delete the audit rows of companies it deletes as a whole (the trigger of
 * migration 0021 refuses every other UPDATE or DELETE). The demo reset and `jixiao company delete` remove companies.
 */
export async function allowAuditRemovalOfDeletedCompanies(trx: Db): Promise<void> {
  if (!trx.isTransaction) throw new Error('allowAuditRemovalOfDeletedCompanies needs a transaction')
  await sql`select set_config('jixiao.audit_removal', 'deleted_company', true)`.execute(trx)
}
