// 全部考核表 latency (issue 17: the list of a 2,000-person cycle, filtered and paged, p95 ≤ 30 ms at 50 paced
// clients on both engines), beside the framework's bare hello-world measured in the same run.
//
// Per engine (PGlite in a data folder, and PostgreSQL when reachable): the generated company of the workflow
// benchmark (2,000 employees, 5 heads over 50 team supervisors), 8 closed monthly cycles of history (16,000 final
// sheets) and one cycle opened by the real job (2,000 sheets), whose sheets are then spread over 10 departments
// and every stage, with totals, grades, appeals and a compute job that held some of them. The real server
// (startServer) and a bare Hono app listen on 127.0.0.1. Each endpoint is measured "paced", as 50 people using
// the app: every client sends one request per second (first one at a random offset), 10 each (500 samples),
// after one warm-up each; and closed-loop (50 clients, each sending the next request when the answer is read).
//   hello          bare Hono route, no middleware                          (the framework figure)
//   deptStage      HR: one department in two stages, sorted by total, first page of 50
//   overduePage    HR: overdue sheets sorted by deadline, the third page of 50
//   appealsHeld    HR: sheets with an appeal, sorted by grade descending
//   headTree       a head's reporting tree (400 people), sorted by name, first page of 50
// Run: node bin/run-ts.js bench/all-sheets-list.bench.ts
import { cpus, loadavg } from 'node:os'
import { Worker } from 'node:worker_threads'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { sql } from 'kysely'
import { startServer } from '../src/api/start-server.ts'
import type { Db } from '../src/db/database.ts'
import { type EngineName, isPostgresReachable } from '../src/db/test-database.ts'
import { openBenchDatabase } from './bench-database.ts'
import { addPastCycles, type BenchCompany, generateBenchCompany, openBenchCycle } from './workflow-company.ts'

const size = { employees: 2000, supervisors: 50, managers: 5, employeeLogins: 10 }
const pastCycles = 8
const clients = 50
const warmupPerClient = 5
const requestsPerClient = 20
const serialRequests = 100
const pacedIntervalMs = 1000
const pacedPerClient = 10
const targetP95Ms = 30

type Figure = {
  p50: number
  p95: number
  p99: number
  reqPerSec: number
  serviceMs: number
  bytes: number
  resets: number
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits))

// The load generator runs in a worker thread: with client and server on one event loop, a client would read
// its answer only when the server's loop is free, and the server's 5 s keep-alive timer could close the socket
// first. Plain JavaScript (eval), node:http with a keep-alive agent of its own per endpoint.
const loadGenerator = `
const { Agent, request } = require('node:http')
const { parentPort, workerData } = require('node:worker_threads')
const { url, cookies, clients, warmup, perClient, serialRequests, paceMs } = workerData
const agent = new Agent({ keepAlive: true, maxSockets: clients })
let bytes = 0
let resets = 0
const once = (cookie) => new Promise((resolve, reject) => {
  const req = request(url, { agent, headers: cookie ? { cookie } : {} }, (res) => {
    let n = 0
    res.on('data', (chunk) => { n += chunk.byteLength })
    res.on('end', () => { bytes = n; res.statusCode === 200 ? resolve() : reject(new Error(url + ': HTTP ' + res.statusCode)) })
    res.on('error', reject)
  })
  req.on('error', reject)
  req.end()
})
// A kept-alive socket the server closes while the request waits unread fails with ECONNRESET: retried (as
// browsers retry a request on a reused connection), counted, the latency running from the first attempt.
const get = async (cookie) => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await once(cookie)
    } catch (e) {
      if ((e.code !== 'ECONNRESET' && e.code !== 'EPIPE') || attempt === 5) throw e
      resets++
    }
  }
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))
const loop = (count, record, latencies) => Promise.all(Array.from({ length: clients }, async (_, c) => {
  const cookie = cookies[c % cookies.length]
  for (let i = 0; i < count; i++) {
    const start = performance.now()
    await get(cookie)
    if (record) latencies.push(performance.now() - start)
  }
}))
// Paced: each client sends a request every paceMs, starting at a random offset, whatever the answer time.
const paced = (count, latencies) => Promise.all(Array.from({ length: clients }, async (_, c) => {
  const cookie = cookies[c % cookies.length]
  let next = performance.now() + Math.random() * paceMs
  for (let i = 0; i < count; i++) {
    await sleep(next - performance.now())
    next += paceMs
    const start = performance.now()
    await get(cookie)
    latencies.push(performance.now() - start)
  }
}))
;(async () => {
  const latencies = []
  if (paceMs) {
    await loop(1, false, latencies)
    await paced(perClient, latencies)
    agent.destroy()
    parentPort.postMessage({ latencies, serial: [0], elapsed: 1, bytes, resets })
    return
  }
  await loop(warmup, false, latencies)
  const started = performance.now()
  await loop(perClient, true, latencies)
  const elapsed = performance.now() - started
  const serial = []
  for (let i = 0; i < serialRequests; i++) {
    const start = performance.now()
    await get(cookies[i % cookies.length])
    serial.push(performance.now() - start)
  }
  agent.destroy()
  parentPort.postMessage({ latencies, serial, elapsed, bytes, resets })
})().catch((e) => parentPort.postMessage({ error: String(e && e.stack || e) }))
`

type LoadResult = {
  latencies: number[]
  serial: number[]
  elapsed: number
  bytes: number
  resets: number
  error?: string
}

type PacedFigure = { p50: number; p95: number; p99: number; resets: number }

/** Paced load: `clients` people each sending one request per `pacedIntervalMs` (after one warm-up each). */
async function measurePaced(url: string, cookies: (string | undefined)[]): Promise<PacedFigure> {
  const result = await runLoad({ url, cookies, clients, perClient: pacedPerClient, paceMs: pacedIntervalMs })
  const latencies = result.latencies.sort((a, b) => a - b)
  return {
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    resets: result.resets,
  }
}

async function runLoad(workerData: Record<string, unknown>): Promise<LoadResult> {
  const worker = new Worker(loadGenerator, { eval: true, workerData })
  const result = await new Promise<LoadResult>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
  await worker.terminate()
  if (result.error) throw new Error(result.error)
  return result
}

/** Closed-loop load: `clients` loops, each with its own cookie (round robin over `cookies`). */
async function measure(url: string, cookies: (string | undefined)[]): Promise<Figure> {
  const result = await runLoad({
    url,
    cookies,
    clients,
    warmup: warmupPerClient,
    perClient: requestsPerClient,
    serialRequests,
  })
  const latencies = result.latencies.sort((a, b) => a - b)
  const serial = result.serial.sort((a, b) => a - b)
  return {
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    reqPerSec: Math.round((latencies.length / result.elapsed) * 1000),
    serviceMs: round(percentile(serial, 50), 3),
    bytes: result.bytes,
    resets: result.resets,
  }
}

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'jixiao123' }),
  })
  if (res.status !== 200) throw new Error(`login ${username}: HTTP ${res.status}`)
  return res.headers.get('set-cookie')!.split(';')[0]!
}

/**
 * Spreads the open cycle's sheets as a month in progress looks: 10 departments, every stage (most still early),
 * totals and grades on the computed ones, an appeal on every 40th and a compute job that held every 25th waiting
 * sheet for missing data.
 */
async function spreadOpenCycle(db: Db, company: BenchCompany): Promise<number> {
  const cycle = await db
    .selectFrom('cycles')
    .select('id')
    .where('company_id', '=', company.companyId)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow()
  const names = [
    '客服一部',
    '客服二部',
    '客服三部',
    '售后部',
    '运营部',
    '推广部',
    '美工部',
    '仓储部',
    '直播部',
    '财务部',
  ]
  const departmentIds: number[] = []
  for (const name of names)
    departmentIds.push(
      (
        await db
          .insertInto('departments')
          .values({ company_id: company.companyId, name, parent_id: null })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    )
  const states = sql.raw(
    `array['draft','draft','targets_agreed','in_progress','in_progress','self_submitted','supervisor_submitted','computed','feedback_held','appeal_window','appeal_filed','final']`,
  )
  await sql`update appraisal_sheets s set
      department_id = (${sql.val(departmentIds)}::int[])[1 + s.employee_id % 10],
      state = (${states})[1 + (s.employee_id * 7) % 12]
    where s.cycle_id = ${cycle.id}`.execute(db)
  await sql`update appraisal_sheets set
      total = 60 + (employee_id * 13) % 40,
      grade = (array['excellent','good','pass','fail'])[1 + employee_id % 4]
    where cycle_id = ${cycle.id}
      and state in ('computed','feedback_held','appeal_window','appeal_filed','final')`.execute(db)
  await sql`insert into appeals (company_id, sheet_id, status, reasons, requested_outcome)
    select company_id, id, 'filed', '数据有误', '重新计算' from appraisal_sheets
    where cycle_id = ${cycle.id} and (state = 'appeal_filed' or id % 40 = 0)`.execute(db)
  await sql`insert into jobs (company_id, kind, status, params, result)
    select ${company.companyId}, 'cycle.compute', 'succeeded', ${JSON.stringify({ cycleId: cycle.id })}::jsonb,
      jsonb_build_object('held', coalesce(jsonb_agg(jsonb_build_object('sheetId', id, 'items', '[]'::jsonb)), '[]'::jsonb))
    from appraisal_sheets where cycle_id = ${cycle.id} and state = 'supervisor_submitted' and id % 25 = 0`.execute(
    db,
  )
  return cycle.id
}

async function benchEngine(engine: EngineName) {
  const handle = await openBenchDatabase(engine)
  const db = handle.db
  try {
    const company = await generateBenchCompany(db, size)
    await addPastCycles(db, company, pastCycles)
    const now = () => new Date('2026-09-20T02:00:00Z')
    await openBenchCycle({ db, now }, company)
    const cycleId = await spreadOpenCycle(db, company)
    const department = await db
      .selectFrom('departments')
      .select('id')
      .where('company_id', '=', company.companyId)
      .where('name', '=', '客服二部')
      .executeTakeFirstOrThrow()

    const server = await startServer({ db, engine, port: 0, host: '127.0.0.1', now })
    const hello = new Hono().get('/hello', (c) => c.text('hello world'))
    const helloServer = await new Promise<{ url: string; close: () => void }>((resolve) => {
      const s = serve({ fetch: hello.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
        resolve({ url: `http://127.0.0.1:${info.port}`, close: () => s.close() }),
      )
    })
    try {
      const hr = await login(server.url, company.users.admin)
      const head = await login(server.url, company.users.manager)
      const list = (query: string) => `${server.url}/api/cycles/${cycleId}/all-sheets?${query}`
      const urls = {
        deptStage: list(
          `departmentId=${department.id}&state=in_progress,self_submitted&sort=total&direction=desc&limit=50`,
        ),
        overduePage: list('overdue=true&sort=deadline&limit=50&offset=100'),
        appealsHeld: list('hasAppeal=true&sort=grade&direction=desc&limit=50'),
        headTree: list('sort=name&limit=50'),
      }
      const answer = async (url: string, cookie: string) =>
        (await (await fetch(url, { headers: { cookie } })).json()) as { total: number; items: unknown[] }
      const matches = {
        deptStage: (await answer(urls.deptStage, hr)).total,
        overduePage: (await answer(urls.overduePage, hr)).total,
        appealsHeld: (await answer(urls.appealsHeld, hr)).total,
        headTree: (await answer(urls.headTree, head)).total,
      }
      const loadBefore = loadavg()[0]!
      const paced = {
        hello: await measurePaced(`${helloServer.url}/hello`, [undefined]),
        deptStage: await measurePaced(urls.deptStage, [hr]),
        overduePage: await measurePaced(urls.overduePage, [hr]),
        appealsHeld: await measurePaced(urls.appealsHeld, [hr]),
        headTree: await measurePaced(urls.headTree, [head]),
      }
      const figures = {
        hello: await measure(`${helloServer.url}/hello`, [undefined]),
        deptStage: await measure(urls.deptStage, [hr]),
        headTree: await measure(urls.headTree, [head]),
      }
      const load = { cores: cpus().length, before: round(loadBefore), after: round(loadavg()[0]!) }
      return {
        engine,
        employees: size.employees,
        matches,
        load,
        paced: { clients, requestsPerSecond: (clients * 1000) / pacedIntervalMs, figures: paced },
        pacedWithinTarget: Object.fromEntries(
          Object.entries(paced)
            .filter(([key]) => key !== 'hello')
            .map(([key, f]) => [key, f.p95 <= targetP95Ms]),
        ),
        pacedP95OverHello: Object.fromEntries(
          Object.entries(paced)
            .filter(([key]) => key !== 'hello')
            .map(([key, f]) => [key, round(f.p95 / paced.hello.p95, 1)]),
        ),
        closedLoop: figures,
      }
    } finally {
      await server.close()
      helloServer.close()
    }
  } finally {
    await handle.close()
  }
}

const engines: EngineName[] = ['pglite']
if (await isPostgresReachable()) engines.push('postgres')
const results = []
for (const engine of engines) {
  const result = await benchEngine(engine)
  results.push(result)
  console.log(
    `\n${engine}: matching sheets ${JSON.stringify(result.matches)};` +
      ` load average ${result.load.before} → ${result.load.after} on ${result.load.cores} cores`,
  )
  console.log(`${engine}, paced: ${clients} clients × 1 request/s (ms)`)
  console.table(result.paced.figures)
  console.log(`${engine}, closed loop: ${clients} clients (ms; service = one client)`)
  console.table(result.closedLoop)
}
console.log(JSON.stringify({ benchmark: 'all-sheets-list', targetP95Ms, results }))
process.exit(0)
