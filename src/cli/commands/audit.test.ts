import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/open-database.ts'
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
    await handle.db.updateTable('audit_log').set({ reason: '事后篡改' }).where('id', '=', row.id).execute()
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
