import { failUnfinishedJob, listUnfinishedJobs, type UnfinishedJob } from '../../db/cycle-job-repository.ts'
import { deleteCycleSheets, setCycleStatus } from '../../db/cycle-repository.ts'
import type { Db } from '../../db/database.ts'
import { currentProcessOwner, isOwnerAlive, type ProcessOwner } from './process-owner.ts'

/** A job owned by a process on another host is presumed gone when it has not moved for this long. */
export const foreignJobStaleMs = 60 * 60 * 1000

export type OrphanedJob = { id: number; companyId: number; kind: string; done: number; total: number }

/** What the job says when the process running it went away (zh-CN; the web shows result.interrupted in its language). */
export function interruptedMessage(kind: string, done: number): string {
  if (kind === 'cycle.compute')
    return `服务器在任务运行中重启，任务已中止；已计算 ${done} 张，请重新计算其余考核表`
  if (kind === 'cycle.open') return '服务器在开启周期时重启，开启已中止，已创建的考核表已撤回；请重新开启周期'
  return '服务器在任务运行中重启，任务已中止'
}

/**
 * On start (and now and then): every queued or running job whose owner process is gone — a pid no longer
 * alive on this host, or alive but started after the job's owner (a reused pid) — is marked failed with a
 * message and `result.interrupted` ({ done, total }); jobs of live processes (the server beside a CLI command)
 * are left alone. A job from another host counts as gone once it has not moved for `foreignJobStaleMs`.
 * Computing keeps what was committed (each batch is one transaction), so computing again finishes the rest;
 * an interrupted opening is rolled back as a failed opening is.
 */
export async function failOrphanedJobs(
  deps: { db: Db; now: () => Date },
  me: ProcessOwner = currentProcessOwner(),
): Promise<OrphanedJob[]> {
  const db = deps.db
  const failed: OrphanedJob[] = []
  for (const job of await listUnfinishedJobs(db)) {
    const alive = isOwnerAlive(job.owner, me)
    const gone =
      alive === false ||
      (alive === 'unknown' && deps.now().getTime() - job.updatedAt.getTime() > foreignJobStaleMs)
    if (!gone) continue
    if (await failInterruptedJob(deps, job))
      failed.push({ id: job.id, companyId: job.companyId, kind: job.kind, done: job.done, total: job.total })
  }
  return failed
}

/**
 * On a graceful stop (`jixiao serve` on SIGTERM): this process's own queued and running jobs are handed back
 * now, failed with the same message and `result.interrupted` a crash leaves, rather than waiting for the next
 * start (or an hour, for another host) to find their owner gone.
 */
export async function handBackOwnJobs(
  deps: { db: Db; now: () => Date },
  me: ProcessOwner = currentProcessOwner(),
): Promise<OrphanedJob[]> {
  const handedBack: OrphanedJob[] = []
  for (const job of await listUnfinishedJobs(deps.db)) {
    const mine = job.owner.host === me.host && job.owner.pid === me.pid && job.owner.token === me.token
    if (mine && (await failInterruptedJob(deps, job)))
      handedBack.push({
        id: job.id,
        companyId: job.companyId,
        kind: job.kind,
        done: job.done,
        total: job.total,
      })
  }
  return handedBack
}

/** Fails one interrupted job (an opening also rolled back); answers whether it was still unfinished. */
async function failInterruptedJob(deps: { db: Db; now: () => Date }, job: UnfinishedJob): Promise<boolean> {
  const cycleId = Number(job.params.cycleId)
  return deps.db.transaction().execute(async (trx) => {
    const done = await failUnfinishedJob(trx, job.id, {
      error: interruptedMessage(job.kind, job.done),
      result: { interrupted: { done: job.done, total: job.total } },
      now: deps.now(),
    })
    if (done && job.kind === 'cycle.open' && Number.isInteger(cycleId)) {
      await deleteCycleSheets(trx, cycleId)
      await setCycleStatus(trx, cycleId, 'failed')
    }
    return done
  })
}
