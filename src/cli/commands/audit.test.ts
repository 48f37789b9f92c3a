import { readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { migrateToLatest } from '../../db/migrate.ts'
import { openDatabase } from '../../db/open-database.ts'
import { tamperWithAuditLog } from '../../db/testing/tamper-with-audit-log.ts'
import { createDataDir, runJixiao } from '../testing/run-jixiao.ts'

// `jixiao cycles` and `jixiao audit verify` as a user runs them: a real process on a real PGlite folder.
describe('jixiao cycles and audit verify', { timeout: 240_000 }, () => {
  let dataDir: string
  const jixiao = (args: string[]) => runJixiao(dataDir, args)

  beforeAll(async () => {
    dataDir = await createDataDir('audit')
    expect((await jixiao(['demo', '--json'])).code).toBe(0)
  })
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  it('opens a cycle for the whole demo company as a job', async () => {
    const opened = await jixiao([
      'cycles',
      'open',
      '2026年10月',
      '--kind',
      'monthly',
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-31',
      '--json',
    ])
    expect(opened.code).toBe(0)
    const { job } = JSON.parse(opened.stdout)
    expect(job.status).toBe('succeeded')
    expect(job.done).toBe(job.total)
    expect(job.result.created).toBeGreaterThan(10)
    const bad = await jixiao([
      'cycles',
      'open',
      'x',
      '--kind',
      'weekly',
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-31',
    ])
    expect(bad.code).toBe(2)
  })

  it('passes on an intact chain and fails with exit 1 naming the row once a row is altered', async () => {
    const ok = await jixiao(['audit', 'verify', '--json'])
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.stdout).ok).toBe(true)
    const handle = await openDatabase({ dataDir })
    const row = await handle.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'cycle.open')
      .executeTakeFirstOrThrow()
    await tamperWithAuditLog(handle.db, (trx) =>
      trx.updateTable('audit_log').set({ reason: '事后篡改' }).where('id', '=', row.id).execute(),
    )
    await handle.close()
    const broken = await jixiao(['audit', 'verify', '--json'])
    expect(broken.code).toBe(1)
    expect(JSON.parse(broken.stdout)).toMatchObject({
      ok: false,
      brokenRowId: row.id,
      brokenRow: { action: 'cycle.open' },
    })
    const text = await jixiao(['audit', 'verify'])
    expect(text.code).toBe(1)
    expect(text.stderr).toContain(`第 ${row.id} 行`)
  })
})

// Issue 12: deleting the newest audit rows left a chain that `audit verify` passed. A head written by
// `jixiao audit head` and kept elsewhere catches it: `audit verify --head FILE` exits 1 and says what happened.
describe('jixiao audit head and verify --head', { timeout: 240_000 }, () => {
  let dataDir: string
  let headFile: string
  const jixiao = (args: string[]) => runJixiao(dataDir, args)

  beforeAll(async () => {
    dataDir = await createDataDir('audit-head')
    headFile = join(dataDir, '..', `${dataDir.split('/').pop()}-head.json`)
    const handle = await openDatabase({ dataDir })
    await migrateToLatest(handle.db)
    const { id } = await handle.db
      .insertInto('companies')
      .values({ name: '审计公司' })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (let i = 1; i <= 5; i++)
      await appendAudit(handle.db, {
        companyId: id,
        actorUserId: null,
        action: 'pay.adjust',
        entity: 'pay_line',
        entityId: i,
      })
    await handle.close()
  })
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true })
    await rm(headFile, { force: true })
  })

  it('writes a signed head with an owner-only key, and fails verify --head once the newest rows are cut', async () => {
    const written = await jixiao(['audit', 'head', '--out', headFile])
    expect(written.code).toBe(0)
    expect(written.stdout).toContain(`audit head written to ${headFile}`)
    const head = JSON.parse(await readFile(headFile, 'utf8'))
    expect(head.heads).toEqual([
      expect.objectContaining({
        rows: 5,
        lastId: expect.any(Number),
        signature: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ])
    expect((await stat(join(dataDir, 'audit-head.key'))).mode & 0o777).toBe(0o600)
    expect((await jixiao(['audit', 'verify', '--head', headFile])).code).toBe(0)

    const handle = await openDatabase({ dataDir })
    await tamperWithAuditLog(handle.db, (trx) =>
      trx
        .deleteFrom('audit_log')
        .where('id', '>', head.heads[0].lastId - 2)
        .execute(),
    )
    await handle.close()
    // The chain alone cannot tell (check-audit-head.test.ts); the head can.
    const cut = await jixiao(['audit', 'verify', '--head', headFile])
    expect(cut.code).toBe(1)
    expect(cut.stderr).toContain(`the audit log does not match the head ${headFile}`)
    expect(cut.stderr).toMatch(/rows were deleted after the head .*3 of its 5 rows remain/)
  })
})
