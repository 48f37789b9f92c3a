import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBenchDatabase } from '../../bench/bench-database.ts'
import { type BenchCompany, generateBenchCompany } from '../../bench/workflow-company.ts'
import type { Upload } from '../contracts/ingest-api.ts'
import type { Job } from '../contracts/workflow.ts'
import { customerServicePayScheme } from '../core/pay/pay-scheme.ts'
import { savePayAssignmentRow } from '../db/pay-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../db/test-database.ts'
import { type RunningServer, startServer } from './start-server.ts'
import { type ApiClient, createApiClient, testPassword } from './testing/api-client.ts'
import { closeTestDatabase } from './testing/close-test-database.ts'
import { waitForJob } from './testing/wait-for-job.ts'
import { type EventLoopReport, watchEventLoop } from './testing/watch-event-loop.ts'

// Issue 12.2 for valid work: a large import (upload, validate, import), opening and computing a cycle of a few
// hundred people, the live pay sheet and every export must not stall other users. Over a real socket a poller
// asks /api/health while each workload runs; its p99 stays under 100 ms on both engines. Each workload's p99 and
// longest block (health answer and monitorEventLoopDelay) are printed, for docs/security.md.

/**
 * The bound. PGlite runs on a thread of its own, as `jixiao serve` runs it (before, on the server's thread,
 * one statement of a large import or a cycle's compute held the loop 0.4–3.7 s and this bound was 1 s there).
 */
const p99BoundMs = { pglite: 100, postgres: 100 } as const

/** A UCI-style order export (the bulk COPY path): `rows` lines over 60 days, 4 lines per invoice. */
function ordersCsv(rows: number): Buffer {
  const lines = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country']
  for (let i = 0; i < rows; i++) {
    const invoice = 600000 + Math.floor(i / 4)
    const day = String(1 + ((Math.floor(i / 4) % 60) % 30)).padStart(2, '0')
    const month = Math.floor(i / 4) % 60 < 30 ? '09' : '11'
    lines.push(
      `${invoice},SKU${i % 997},WHITE HANGING HEART,${1 + (i % 12)},2011-${month}-${day} 10:${String(i % 60).padStart(2, '0')}:00,${(1 + (i % 500) / 100).toFixed(2)},${17000 + (i % 400)}.0,United Kingdom`,
    )
  }
  return Buffer.from(`${lines.join('\n')}\n`)
}

/** A 生意参谋 product report (the general path: parsed, staged, validated and moved in SQL). */
function trafficCsv(rows: number): Buffer {
  const lines = [
    '统计日期,商品ID,商品名称,商品访客数,商品浏览量,支付金额,商品支付转化率,成功退款金额,支付买家数',
  ]
  for (let i = 0; i < rows; i++) {
    const date = new Date(Date.UTC(2011, 0, 1 + Math.floor(i / 1000))).toISOString().slice(0, 10)
    lines.push(
      `${date},${100000 + (i % 1000)},商品${i % 1000},${i % 300},${i % 900},${(i % 7000) / 10},0.0${i % 9},0,${i % 30}`,
    )
  }
  return Buffer.from(`${lines.join('\n')}\n`)
}

const results: Record<string, EventLoopReport> = {}

describe.each(await testEngines())('the event loop during large valid work on %s', (engine) => {
  let handle: TestDatabase
  let server: RunningServer
  let admin: ApiClient
  let company: BenchCompany
  let cycleId = 0

  beforeAll(async () => {
    // PGlite in a data folder on its own thread, as `npm start` runs it (memory:// grows its files by copying).
    handle =
      engine === 'pglite'
        ? await openBenchDatabase('pglite', { thread: true })
        : await createTestDatabase(engine)
    company = await generateBenchCompany(handle.db, { employees: 400, supervisors: 20, managers: 3 })
    server = await startServer({ db: handle.db, engine: handle.engine, port: 0, host: '127.0.0.1' })
    admin = createApiClient((path, init) => fetch(server.url + path, init))
    const { code } = await handle.db
      .selectFrom('companies')
      .select('code')
      .where('id', '=', company.companyId)
      .executeTakeFirstOrThrow()
    const login = await admin.post<{ csrfToken: string }>('/api/auth/login', {
      companyCode: code,
      username: company.users.admin,
      password: testPassword,
    })
    expect(login.status).toBe(200)
    admin.csrfToken = login.body.csrfToken
  }, 120_000)
  afterAll(async () => {
    await server?.close()
    await closeTestDatabase(handle)
    console.log(`event loop on ${engine}:`)
    for (const [name, r] of Object.entries(results))
      if (name.startsWith(engine))
        console.log(
          `  ${name.slice(engine.length + 1).padEnd(34)} health p99 ${r.p99Ms} ms, max ${r.maxMs} ms; loop max ${r.loopMaxMs} ms (n=${r.latencies.length})`,
        )
  })

  /** Runs `work` while the health poller runs; records and checks the health latency. */
  const measured = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const stop = await watchEventLoop(server.url)
    const out = await work()
    const report = await stop()
    results[`${engine} ${name}`] = report
    expect(report.latencies.length).toBeGreaterThan(0)
    expect
      .soft(report.p99Ms, `${name}: health latencies ${report.latencies.map(Math.round).join(' ')}`)
      .toBeLessThan(p99BoundMs[engine])
    return out
  }

  const importFile = async (fileName: string, body: Buffer, kind: string, rows: number) => {
    const up = await admin.raw<Upload>(`/api/imports/uploads?fileName=${encodeURIComponent(fileName)}`, {
      method: 'POST',
      headers: { 'x-csrf-token': admin.csrfToken ?? '', 'content-type': 'application/octet-stream' },
      body: new Uint8Array(body),
    })
    expect(up.status, JSON.stringify(up.body).slice(0, 300)).toBe(201)
    const validated = await admin.post<{ status: string; result?: { rows: number } }>(
      `/api/imports/uploads/${up.body.id}/validate?wait=true`,
      { kind },
    )
    expect(validated.status, JSON.stringify(validated.body).slice(0, 300)).toBe(200)
    const imported = await admin.post<{ result?: { rows: number } }>(
      `/api/imports/uploads/${up.body.id}/import?wait=true`,
      { kind },
    )
    expect(imported.status, JSON.stringify(imported.body).slice(0, 300)).toBe(201)
    expect(imported.body.result?.rows).toBe(rows)
  }

  it('keeps /api/health fast while 200,000 order lines are uploaded, validated and imported', async () => {
    const body = ordersCsv(200_000)
    await measured('import 200k order lines (CSV)', () => importFile('orders.csv', body, 'orders', 200_000))
  }, 300_000)

  it('keeps /api/health fast while 100,000 traffic rows are uploaded, validated and imported', async () => {
    const body = trafficCsv(100_000)
    await measured('import 100k traffic rows (CSV)', () =>
      importFile('traffic.csv', body, 'traffic', 100_000),
    )
  }, 180_000)

  it('keeps /api/health fast while a cycle of 400 people is opened and computed', async () => {
    // Open, review (by SQL, with inputs that vary from sheet to sheet as bench/cycle-open-compute does), compute.
    const job = await measured('open + compute cycle (400 sheets)', async () => {
      const res = await admin.post<{ cycle: { id: number }; jobId: number }>('/api/cycles', {
        name: '2026-09',
        kind: 'monthly',
        periodStart: '2026-09-01',
        periodEnd: '2026-09-30',
        participants: { positionIds: [company.positionId] },
        settings: {},
      })
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(202)
      expect((await waitForJob(admin, res.body.jobId)).status).toBe('succeeded')
      cycleId = res.body.cycle.id
      await sql`update appraisal_sheets s set state = 'supervisor_submitted',
          supervisor_review = jsonb_build_object('indicators', jsonb_build_object(
            'problem_resolution_rate', jsonb_build_object('actual', 0.85 + s.id % 15 / 100.0),
            'service_quality', jsonb_build_object('score', 14 + s.id * 7 % 12, 'comment', '上级评价'))),
          shared_inputs = jsonb_build_object('indicators', jsonb_build_object(
            'customer_reviews', jsonb_build_object('actual', 0.9 + s.id % 10 / 100.0),
            'complaint_handling_rate', jsonb_build_object('actual', 0.9 + s.id % 11 / 100.0)))
        where s.cycle_id = ${cycleId}`.execute(handle.db)
      const computed = await admin.post<{ jobId: number }>(`/api/cycles/${cycleId}/compute`)
      expect(computed.status, JSON.stringify(computed.body).slice(0, 300)).toBe(202)
      return waitForJob(admin, computed.body.jobId)
    })
    expect((job as Job).status, JSON.stringify(job).slice(0, 300)).toBe('succeeded')
  }, 180_000)

  it('keeps /api/health fast while the pay sheet and every export are produced', async () => {
    expect(cycleId).toBeGreaterThan(0)
    await sql`update appraisal_sheets set state = 'final', finalized_at = now() where cycle_id = ${cycleId} and state = 'computed'`.execute(
      handle.db,
    )
    await savePayAssignmentRow(
      handle.db,
      company.companyId,
      {
        positionId: company.positionId,
        employeeId: null,
        scheme: customerServicePayScheme(),
        inputSources: {},
        userId: null,
      },
      undefined,
    )
    const download = async (path: string) => {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie: admin.cookie ?? '' } })
      expect(res.status, path).toBe(200)
      expect((await res.arrayBuffer()).byteLength, path).toBeGreaterThan(0)
    }
    // One window over all of them: a single export of 400 people takes too few health answers for a p99.
    await measured('pay sheet + 11 exports (XLSX, CSV)', async () => {
      const paySheet = await admin.get(`/api/cycles/${cycleId}/pay-sheet`)
      expect(paySheet.status, JSON.stringify(paySheet.body).slice(0, 300)).toBe(200)
      for (const what of ['sheets', 'results', 'pay', 'consequences', 'bonuses'])
        for (const format of ['xlsx', 'csv'])
          await download(`/api/cycles/${cycleId}/exports/${what}?format=${format}`)
      await download('/api/rota/export?month=2026-09')
    })
  }, 180_000)
})
