import type { Db } from '../../db/database.ts'
import { countUnfinishedJobs, pingDatabase } from '../../db/readiness-queries.ts'

export type ReadinessCheck = { ok: boolean; reason?: string }
export type ReadinessReport = { database: ReadinessCheck; jobs: ReadinessCheck; reason?: string }

/** A check that does not answer within this long counts as failed (a stuck pool must not hang the probe). */
export const readinessCheckTimeoutMs = 3000

async function check(what: string, probe: () => Promise<unknown>): Promise<ReadinessCheck> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${readinessCheckTimeoutMs / 1000} s`)),
      readinessCheckTimeoutMs,
    )
  })
  try {
    await Promise.race([probe(), timeout])
    return { ok: true }
  } catch (error) {
    return { ok: false, reason: `${what}: ${error instanceof Error ? error.message : String(error)}` }
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Whether this server can take requests (GET /api/ready): the database answers a `select 1` through the
 * pool the requests use, and the job store can be read. `reason`: the first failure, or that it is stopping.
 */
export async function checkReadiness(deps: {
  db: Db
  isShuttingDown: () => boolean
}): Promise<ReadinessReport> {
  const database = await check('database', () => pingDatabase(deps.db))
  const jobs = database.ok
    ? await check('job store', () => countUnfinishedJobs(deps.db))
    : { ok: false, reason: 'job store: not checked, the database does not answer' }
  const reason = deps.isShuttingDown() ? 'shutting down' : [database, jobs].find((c) => !c.ok)?.reason
  return { database, jobs, ...(reason === undefined ? {} : { reason }) }
}
