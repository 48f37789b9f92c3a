import { createHash } from 'node:crypto'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeTestDatabase } from '../../api/testing/close-test-database.ts'
import {
  appendAudit,
  canonicalJson,
  genesisHash,
  listAudit,
  verifyAuditChain,
} from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { tamperWithAuditLog } from '../../db/testing/tamper-with-audit-log.ts'
import type { AuditHeadFile } from './audit-head-file.ts'
import { checkAuditHead } from './check-audit-head.ts'
import { exportAuditHead } from './export-audit-head.ts'
import { type AuditKey, loadAuditKey } from './load-audit-key.ts'

// Issue 12: deleting the newest audit rows, all rows of a company, or rewriting the whole chain left a chain that
// verifies `ok`. Each case below verifies ok alone (as before) and fails against a signed head kept elsewhere.
describe.each(await testEngines())('audit head on %s', (engine) => {
  let handle: TestDatabase
  let keyDir: string
  let key: AuditKey
  let companyId: number
  let head: AuditHeadFile
  const now = () => new Date('2026-12-06T10:00:00Z')

  const append = (n: number, company = companyId) =>
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        appendAudit(handle.db, {
          companyId: company,
          actorUserId: null,
          action: 'pay.adjust',
          entity: 'pay_line',
          entityId: i,
          after: { amount: `${i}.00` },
          reason: '调整',
        }),
      ),
    )
  const check = async (file = head, k = key) => {
    const [result] = await checkAuditHead(handle.db, k, file, companyId)
    return result!
  }

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    keyDir = await mkdtemp(join(tmpdir(), 'jixiao-audit-key-'))
    key = loadAuditKey({ dataDir: keyDir }, { create: true })
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
    await rm(keyDir, { recursive: true, force: true })
  })

  const freshCompany = async (name: string) => {
    const row = await handle.db
      .insertInto('companies')
      .values({ name })
      .returning('id')
      .executeTakeFirstOrThrow()
    companyId = row.id
    await append(6)
    head = await exportAuditHead({ db: handle.db, now }, key, companyId)
  }

  it('creates its key file owner-only on first use and reads the same key again', async () => {
    expect((await stat(join(keyDir, 'audit-head.key'))).mode & 0o777).toBe(0o600)
    expect(loadAuditKey({ dataDir: keyDir }, { create: false }).id).toBe(key.id)
    expect(() => loadAuditKey({ dataDir: join(keyDir, 'none') }, { create: false })).toThrow(/no audit key/)
    expect(() => loadAuditKey({ key: 'short', dataDir: keyDir }, { create: false })).toThrow(/at least 32/)
  })

  it('matches an intact log, also after more rows were appended', async () => {
    await freshCompany('完整公司')
    expect(head.heads).toEqual([
      expect.objectContaining({ companyId, rows: 6, at: '2026-12-06T10:00:00.000Z' }),
    ])
    expect(await check()).toMatchObject({ ok: true, rowsAtHead: 6 })
    await append(2)
    expect(await check()).toMatchObject({ ok: true, rowsAtHead: 6, chain: { ok: true, rows: 8 } })
  })

  it('fails when the newest rows were deleted after the head', async () => {
    await freshCompany('删尾公司')
    const [newest] = await listAudit(handle.db, companyId, { limit: 2 })
    await tamperWithAuditLog(handle.db, (trx) =>
      trx
        .deleteFrom('audit_log')
        .where('id', '>=', newest!.id - 1)
        .execute(),
    )
    expect(await verifyAuditChain(handle.db, companyId)).toEqual({ ok: true, rows: 4 })
    expect(await check()).toMatchObject({ ok: false, failure: 'rows_deleted' })
    expect((await check()).message).toMatch(/rows were deleted after the head.*4 of its 6 rows remain/)
    // Appending new rows in their place does not hide the cut.
    await append(3)
    expect(await check()).toMatchObject({ ok: false, failure: 'rows_deleted' })
  })

  it('fails when every row of the company was deleted', async () => {
    await freshCompany('删光公司')
    await tamperWithAuditLog(handle.db, (trx) =>
      trx.deleteFrom('audit_log').where('company_id', '=', companyId).execute(),
    )
    expect(await verifyAuditChain(handle.db, companyId)).toEqual({ ok: true, rows: 0 })
    expect(await check()).toMatchObject({ ok: false, failure: 'rows_deleted' })
  })

  it('fails when the chain was rewritten with recomputed hashes', async () => {
    await freshCompany('重写公司')
    await tamperWithAuditLog(handle.db, (trx) => rewriteChain(trx, companyId))
    expect(await verifyAuditChain(handle.db, companyId)).toEqual({ ok: true, rows: 6 })
    expect(await check()).toMatchObject({ ok: false, failure: 'chain_rewritten' })
  })

  it('fails when the head was edited or is checked with another key', async () => {
    await freshCompany('改头公司')
    const edited = { ...head, heads: head.heads.map((h) => ({ ...h, rows: h.rows - 1 })) }
    expect(await check(edited)).toMatchObject({ ok: false, failure: 'signature_mismatch' })
    const otherKey = loadAuditKey(
      { key: 'another-key-of-at-least-32-characters', dataDir: keyDir },
      {
        create: false,
      },
    )
    const other = await check(head, otherKey)
    expect(other).toMatchObject({ ok: false, failure: 'signature_mismatch' })
    expect(other.message).toContain(`head key ${key.id}, this key ${otherKey.id}`)
  })
})

// What an attacker who can write the table does: change the oldest row and recompute every hash after it.
async function rewriteChain(db: Db, companyId: number): Promise<void> {
  const rows = (await listAudit(db, companyId, { limit: 1000 })).reverse()
  let prevHash = genesisHash
  for (const [i, row] of rows.entries()) {
    const reason = i === 0 ? '事后改写' : row.reason
    const body = canonicalJson({
      companyId: row.companyId,
      actorUserId: row.actorUserId,
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      before: row.before,
      after: row.after,
      reason,
      createdAt: row.createdAt.toISOString(),
    })
    const hash = createHash('sha256').update(prevHash).update('\n').update(body).digest('hex')
    await db
      .updateTable('audit_log')
      .set({ reason, prev_hash: prevHash, hash })
      .where('id', '=', row.id)
      .execute()
    prevHash = hash
  }
}
