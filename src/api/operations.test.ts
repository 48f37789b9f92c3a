import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, readPoolUse } from '../db/open-database.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../db/test-database.ts'
import { createLogger } from '../services/telemetry/create-logger.ts'
import { createTelemetry } from '../services/telemetry/create-telemetry.ts'
import { createApp } from './create-app.ts'
import { closeTestDatabase } from './testing/close-test-database.ts'

// What an operator's tools read (issue 15 part 4): readiness on both engines, /api/prometheus behind its token,
// and a request id on every log line and answer.

const token = 'metrics-token-for-tests-0123456789'

describe.each(await testEngines())('operations on %s', (engine) => {
  let handle: TestDatabase
  let app: ReturnType<typeof createApp>
  const lines: Record<string, unknown>[] = []

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    const log = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) })
    const telemetry = createTelemetry({ db: handle.db, readPoolUse: () => readPoolUse(handle) })
    app = createApp({ db: handle.db, engine, log, telemetry, metricsToken: token })
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  const metrics = (authorization?: string) =>
    app.request('/api/prometheus', { headers: authorization ? { authorization } : {} })

  it('is ready when the database and the job store answer', async () => {
    const res = await app.request('/api/ready')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      status: 'ready',
      database: engine,
      checks: { database: { ok: true }, jobs: { ok: true } },
    })
  })

  it('answers /api/prometheus only with the bearer token, and counts requests under their route pattern', async () => {
    expect((await metrics()).status).toBe(401)
    expect((await metrics('Bearer wrong-token')).status).toBe(401)
    // Two sheets by id are one series: the pattern, not the raw path, labels the histogram.
    await app.request('/api/sheets/17')
    await app.request('/api/sheets/18')
    const res = await metrics(`Bearer ${token}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/plain')
    const text = await res.text()
    expect(text).toMatch(
      /jixiao_http_request_duration_seconds_count\{method="GET",route="\/api\/sheets\/:id",status="401"\} 2/,
    )
    expect(text).not.toContain('/api/sheets/17')
    expect(text).toContain('jixiao_job_queue_depth{status="queued"} 0')
    expect(text).toMatch(/jixiao_db_pool_connections\{state="max"\} (10|1)\b/)
    expect(text).toContain('# TYPE jixiao_import_rows_total counter')
    expect(text).toContain('# TYPE jixiao_job_duration_seconds histogram')
  })

  it('gives every request an id, answered in x-request-id and on its log line; keeps a sane incoming one', async () => {
    lines.length = 0
    const fresh = await app.request('/api/health')
    const id = fresh.headers.get('x-request-id')
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    const kept = await app.request('/api/health', { headers: { 'x-request-id': 'proxy-abc.123' } })
    expect(kept.headers.get('x-request-id')).toBe('proxy-abc.123')
    const odd = await app.request('/api/health', { headers: { 'x-request-id': 'a b<script>' } })
    expect(odd.headers.get('x-request-id')).not.toBe('a b<script>')
    expect(lines.map((l) => l.reqId)).toEqual([id, 'proxy-abc.123', odd.headers.get('x-request-id')])
    expect(lines[0]).toMatchObject({ level: 'info', route: '/api/health', status: 200, service: 'jixiao' })
  })

  it('answers 503 with the reason once the database is closed', async () => {
    const other = await createTestDatabase(engine)
    const closedApp = createApp({ db: other.db, engine })
    expect((await closedApp.request('/api/ready')).status).toBe(200)
    await other.close()
    const res = await closedApp.request('/api/ready')
    expect(res.status).toBe(503)
    const body = (await res.json()) as {
      status: string
      reason: string
      checks: { database: { ok: boolean } }
    }
    expect(body.status).toBe('not_ready')
    expect(body.checks.database.ok).toBe(false)
    expect(body.reason).toMatch(/^database: /)
  })
})

describe('/api/prometheus without a token configured', () => {
  it('does not exist', async () => {
    const handle = await openDatabase({ memory: true })
    const app = createApp({ db: handle.db, engine: 'pglite' })
    const res = await app.request('/api/prometheus', { headers: { authorization: 'Bearer anything' } })
    expect(res.status).toBe(404)
    await handle.close()
  })
})
