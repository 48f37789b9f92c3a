import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeTestDatabase } from '../../api/testing/close-test-database.ts'
import { findJob, insertJob, type JobOwner, updateJob } from '../../db/cycle-job-repository.ts'
import { findCycle, setCycleJob, setCycleStatus } from '../../db/cycle-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { type FinishedCycles, seedFinishedCycles } from '../../test-support/seed-finished-cycles.ts'
import {
  failOrphanedJobs,
  foreignJobStaleMs,
  handBackOwnJobs,
  interruptedMessage,
} from './fail-orphaned-jobs.ts'
import { currentProcessOwner, isOwnerAlive, processStartToken } from './process-owner.ts'

// A job is failed on start only when the process that ran it is gone: a killed server's jobs never stay
// `running`, while the jobs of a live process beside it (the server, when a CLI command starts on PostgreSQL)
// are left alone, even when a pid was reused by another process.

const me = currentProcessOwner()

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', ''])
  return child.pid
}

describe('isOwnerAlive', () => {
  let sleeper: ChildProcess
  beforeAll(() => {
    sleeper = spawn('sleep', ['60'], { stdio: 'ignore' })
  })
  afterAll(() => {
    sleeper.kill('SIGKILL')
  })

  it('knows this process, a live process on this host, a gone one and a reused pid', () => {
    const pid = sleeper.pid!
    const token = processStartToken(pid) ?? `random:${pid}`
    expect(isOwnerAlive(me)).toBe(true)
    expect(isOwnerAlive({ ...me, token: `${me.token}-earlier` })).toBe(false)
    expect(isOwnerAlive({ host: me.host, pid, token })).toBe(true)
    expect(isOwnerAlive({ host: me.host, pid: deadPid(), token })).toBe(false)
    if (processStartToken(pid) !== undefined)
      expect(isOwnerAlive({ host: me.host, pid, token: `${token}0` })).toBe(false)
    expect(isOwnerAlive({ host: `${me.host}-other`, pid, token })).toBe('unknown')
    expect(isOwnerAlive({ host: null, pid: null, token: null })).toBe(false)
  })
})

describe.each(await testEngines())('failOrphanedJobs on %s', (engine) => {
  let handle: TestDatabase
  let seeded: FinishedCycles
  let sleeper: ChildProcess
  const now = new Date('2026-12-06T10:00:00Z')

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    seeded = await seedFinishedCycles(handle.db)
    sleeper = spawn('sleep', ['60'], { stdio: 'ignore' })
  })
  afterAll(async () => {
    sleeper.kill('SIGKILL')
    await closeTestDatabase(handle)
  })

  const addJob = async (
    kind: string,
    owner: JobOwner | undefined,
    progress: { done: number; total: number },
  ) => {
    const db = handle.db
    const id = await insertJob(db, {
      companyId: seeded.org.companyId,
      kind,
      params: { cycleId: 0 },
      userId: null,
      owner,
    })
    await updateJob(db, id, { status: 'running', ...progress })
    return id
  }

  it('fails the jobs of gone processes with what they got done, and leaves live ones running', async () => {
    const db = handle.db
    const live = { host: me.host, pid: sleeper.pid!, token: processStartToken(sleeper.pid!) ?? 'random:x' }
    const mine = await addJob('cycle.compute', me, { done: 1000, total: 3000 })
    const besideMe = await addJob('cycle.compute', live, { done: 0, total: 10 })
    const killed = await addJob('cycle.compute', { ...me, pid: deadPid() }, { done: 1000, total: 3000 })
    const restarted = await addJob(
      'cycle.compute',
      { ...me, token: `${me.token}-before` },
      { done: 7, total: 9 },
    )
    const unowned = await addJob('cycle.compute', undefined, { done: 0, total: 4 })
    const elsewhere = await addJob('cycle.compute', { ...live, host: `${me.host}-b` }, { done: 0, total: 4 })

    const failed = await failOrphanedJobs({ db: handle.db, now: () => now })

    expect(failed.map((j) => j.id).sort()).toEqual([killed, restarted, unowned].sort())
    for (const id of [mine, besideMe, elsewhere])
      expect((await findJob(db, seeded.org.companyId, id))?.status).toBe('running')
    const job = await findJob(db, seeded.org.companyId, killed)
    expect(job).toMatchObject({
      status: 'failed',
      error: '服务器在任务运行中重启，任务已中止；已计算 1000 张，请重新计算其余考核表',
      result: { interrupted: { done: 1000, total: 3000 } },
    })
    // A second sweep finds nothing more: failing is done once.
    expect(await failOrphanedJobs({ db: handle.db, now: () => now })).toEqual([])
  })

  it('fails a job of another host once it has not moved for an hour', async () => {
    const db = handle.db
    const other = { host: `${me.host}-c`, pid: 1, token: 'random:c' }
    const id = await addJob('cycle.compute', other, { done: 1, total: 2 })
    const job = await findJob(db, seeded.org.companyId, id)
    const later = new Date(job!.updatedAt.getTime() + foreignJobStaleMs + 1000)
    expect(
      await failOrphanedJobs({ db: handle.db, now: () => new Date(job!.updatedAt.getTime() + 1000) }),
    ).toEqual([])
    expect((await failOrphanedJobs({ db: handle.db, now: () => later })).map((j) => j.id)).toContain(id)
  })

  // A graceful stop hands back only this process's jobs, at once, with the message a crash would leave.
  it('hands back the unfinished jobs of this process on a stop, and no others', async () => {
    const db = handle.db
    const live = { host: me.host, pid: sleeper.pid!, token: processStartToken(sleeper.pid!) ?? 'random:y' }
    const mine = await addJob('cycle.compute', me, { done: 5, total: 9 })
    const theirs = await addJob('cycle.compute', live, { done: 1, total: 9 })
    const handedBack = await handBackOwnJobs({ db, now: () => now })
    expect(handedBack.map((j) => j.id)).toContain(mine)
    expect(handedBack.map((j) => j.id)).not.toContain(theirs)
    expect(await findJob(db, seeded.org.companyId, mine)).toMatchObject({
      status: 'failed',
      error: interruptedMessage('cycle.compute', 5),
      result: { interrupted: { done: 5, total: 9 } },
    })
    expect((await findJob(db, seeded.org.companyId, theirs))?.status).toBe('running')
  })

  it('rolls back an interrupted opening as a failed one: the cycle failed, no sheets', async () => {
    const db = handle.db
    const cycleId = await seeded.add({
      name: '开启中断',
      kind: 'monthly',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      sheets: [
        { employeeId: seeded.org.employees.E001, state: 'draft', total: 0, grade: 'C', coefficient: 0 },
      ],
    })
    await setCycleStatus(db, cycleId, 'opening')
    const id = await insertJob(db, {
      companyId: seeded.org.companyId,
      kind: 'cycle.open',
      params: { cycleId },
      userId: null,
      owner: { ...me, pid: deadPid() },
    })
    await setCycleJob(db, cycleId, id)
    await failOrphanedJobs({ db: handle.db, now: () => now })
    expect((await findCycle(db, seeded.org.companyId, cycleId))?.status).toBe('failed')
    const sheets = await db
      .selectFrom('appraisal_sheets')
      .select('id')
      .where('cycle_id', '=', cycleId)
      .execute()
    expect(sheets).toEqual([])
    expect((await findJob(db, seeded.org.companyId, id))?.error).toContain('开启已中止')
  })
})
