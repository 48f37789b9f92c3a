import type { Db } from '../../db/database.ts'
import { createSilentLogger, type Logger } from '../telemetry/create-logger.ts'
import { failOrphanedJobs, type OrphanedJob } from './fail-orphaned-jobs.ts'

/** How often a running server looks again for jobs whose process died (a CLI command killed beside it). */
export const orphanedJobSweepMs = 5 * 60 * 1000

function report(log: Logger, failed: OrphanedJob[]): void {
  for (const job of failed)
    log.warn(
      { job: job.id, kind: job.kind, done: job.done, total: job.total },
      'job interrupted by a restart; marked failed',
    )
}

/**
 * Marks the jobs of processes that are gone failed now (awaited, before the server answers anyone), then
 * every `orphanedJobSweepMs`; answers the function that stops the timer.
 */
export async function startOrphanedJobSweep(deps: {
  db: Db
  now: () => Date
  log?: Logger
}): Promise<() => void> {
  const log = deps.log ?? createSilentLogger()
  report(log, await failOrphanedJobs(deps))
  const timer = setInterval(() => {
    failOrphanedJobs(deps)
      .then((failed) => report(log, failed))
      .catch((error: unknown) => log.error({ err: error }, 'sweeping interrupted jobs failed'))
  }, orphanedJobSweepMs)
  timer.unref()
  return () => clearInterval(timer)
}
