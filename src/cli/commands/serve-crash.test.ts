import { type ChildProcess, spawn } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { generateBenchCompany, openBenchCycle } from '../../../bench/workflow-company.ts'
import { type ApiClient, createApiClient } from '../../api/testing/api-client.ts'
import type { Db } from '../../db/database.ts'
import { migrateToLatest } from '../../db/migrate.ts'
import { openDatabase } from '../../db/open-database.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { createDataDir } from '../testing/run-jixiao.ts'

// Issue 12, part 9: a server killed with SIGKILL while it computes a cycle left its job `running` for ever and
// the cycle half computed. Started again, it marks the job failed saying how many sheets were computed, the
// board says which were and which not, and computing again finishes the rest. Each batch of 1,000 sheets is
// one transaction, so a cycle of 1,500 is killed with at least one batch written and one not.

const sheets = 1500

type Job = { id: number; status: string; done: number; total: number; error: string | null; result: unknown }
type Board = {
  total: number
  computation: {
    computed: number
    total: number
    uncomputedCount: number
    uncomputed: { sheetId: number }[]
    lastJob: Job | null
  }
}

/** A company whose cycle has `sheets` sheets with the supervisor's review in, ready to compute. */
async function seedCycle(db: Db) {
  const company = await generateBenchCompany(db, { employees: sheets, supervisors: 50, managers: 5 })
  const cycleId = await openBenchCycle({ db, now: () => new Date() }, company)
  await sql`update appraisal_sheets s set state = 'supervisor_submitted',
      supervisor_review = jsonb_build_object('indicators', jsonb_build_object(
        'problem_resolution_rate', jsonb_build_object('actual', 0.85 + s.id % 15 / 100.0),
        'service_quality', jsonb_build_object('score', 14 + s.id * 7 % 12))),
      shared_inputs = jsonb_build_object('indicators', jsonb_build_object(
        'customer_reviews', jsonb_build_object('actual', 0.9 + s.id % 10 / 100.0),
        'complaint_handling_rate', jsonb_build_object('actual', 0.9 + s.id % 11 / 100.0)))
    where s.cycle_id = ${cycleId}`.execute(db)
  return { admin: company.users.admin, cycleId }
}

type Server = { process: ChildProcess; api: ApiClient; exited: Promise<void> }

/** `jixiao serve` as an operator starts it, on a free port; resolves once it listens, signed in as admin. */
async function startServer(env: Record<string, string>, admin: string): Promise<Server> {
  const child = spawn(process.execPath, ['bin/jixiao.js', 'serve', '--port', '0', '--no-demo'], {
    env: { ...process.env, HOST: '127.0.0.1', JIXIAO_LOG: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /running at (http:\/\/\S+)/.exec(output)
      if (match) resolve(match[1]!)
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.once('exit', (code) =>
      reject(new Error(`the server exited (${code}) before listening:\n${output}`)),
    )
  })
  const api = createApiClient((path, init) => fetch(`${url}${path}`, init))
  expect((await api.login(admin)).status).toBe(200)
  return { process: child, api, exited }
}

async function waitForJob(api: ApiClient, id: number, until: (job: Job) => boolean): Promise<Job> {
  for (;;) {
    const job = (await api.get<Job>(`/api/jobs/${id}`)).body
    if (until(job)) return job
    if (job.status === 'succeeded' || job.status === 'failed') return job
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe.each(await testEngines())('a server killed while computing, on %s', (engine) => {
  let database: TestDatabase | undefined
  let dataDir: string | undefined
  const servers: Server[] = []

  afterAll(async () => {
    for (const s of servers) s.process.kill('SIGKILL')
    await Promise.all(servers.map((s) => s.exited))
    await database?.close()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  it('marks the job failed on start, shows computed X of Y, and computing again finishes', async () => {
    let env: Record<string, string>
    let seeded: { admin: string; cycleId: number }
    if (engine === 'pglite') {
      dataDir = await createDataDir('serve-crash')
      const handle = await openDatabase({ dataDir })
      await migrateToLatest(handle.db)
      seeded = await seedCycle(handle.db)
      await handle.close()
      env = { JIXIAO_DATA_DIR: dataDir, DATABASE_URL: '' }
    } else {
      database = await createTestDatabase('postgres')
      seeded = await seedCycle(database.db)
      dataDir = await createDataDir('serve-crash-pg')
      env = { DATABASE_URL: database.url!, JIXIAO_DATA_DIR: dataDir }
    }

    const first = await startServer(env, seeded.admin)
    servers.push(first)
    const started = await first.api.post<{ jobId: number }>(`/api/cycles/${seeded.cycleId}/compute`)
    expect(started.status).toBe(202)
    const jobId = started.body.jobId
    // Killed as soon as a batch is written and the job still runs: the next batch is lost with the process.
    const midway = await waitForJob(first.api, jobId, (job) => job.status === 'running' && job.done > 0)
    first.process.kill('SIGKILL')
    await first.exited
    expect(midway.status).toBe('running')

    const second = await startServer(env, seeded.admin)
    servers.push(second)
    const job = (await second.api.get<Job>(`/api/jobs/${jobId}`)).body
    expect(job.status).toBe('failed')
    expect(job.done).toBeGreaterThanOrEqual(midway.done)
    expect(job.done).toBeLessThan(sheets)
    expect(job.error).toBe(`服务器在任务运行中重启，任务已中止；已计算 ${job.done} 张，请重新计算其余考核表`)
    expect(job.result).toEqual({ interrupted: { done: job.done, total: sheets } })

    const board = (await second.api.get<Board>(`/api/cycles/${seeded.cycleId}/board`)).body.computation
    expect(board).toMatchObject({ computed: job.done, total: sheets, uncomputedCount: sheets - job.done })
    expect(board.uncomputed.length).toBe(Math.min(500, sheets - job.done))
    expect(board.lastJob).toMatchObject({ id: jobId, status: 'failed' })

    const again = await second.api.post<{ jobId: number }>(`/api/cycles/${seeded.cycleId}/compute`)
    expect(again.status).toBe(202)
    const finished = await waitForJob(second.api, again.body.jobId, () => false)
    expect(finished).toMatchObject({ status: 'succeeded', done: sheets - job.done, total: sheets - job.done })
    const after = (await second.api.get<Board>(`/api/cycles/${seeded.cycleId}/board`)).body.computation
    expect(after).toMatchObject({ computed: sheets, total: sheets, uncomputedCount: 0, uncomputed: [] })
  }, 180_000)
})
