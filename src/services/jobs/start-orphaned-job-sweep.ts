import type { Db } from '../../db/database.ts'
import { failOrphanedJobs, type OrphanedJob } from './fail-orphaned-jobs.ts'

/** How often a running server looks again for jobs whose process died (a CLI command killed beside it). */
export const orphanedJobSweepMs = 5 * 60 * 1000

function report(failed: OrphanedJob[]): void {
  for (const job of failed)
    console.warn(
      `[jixiao] job ${job.id} (${job.kind}) was interrupted by a restart at ${job.done}/${job.total}; marked failed`,
    )
}

/**
 * Marks the jobs of processes that are gone failed now (awaited, before the server answers anyone), then
 * every `orphanedJobSweepMs`; answers the function that stops the timer.
 */
export async function startOrphanedJobSweep(deps: { db: Db; now: () => Date }): Promise<() => void> {
  report(await failOrphanedJobs(deps))
  const timer = setInterval(() => {
    failOrphanedJobs(deps)
      .then(report)
      .catch((error: unknown) => console.error('[jixiao] sweeping interrupted jobs failed', error))
  }, orphanedJobSweepMs)
  timer.unref()
  return () => clearInterval(timer)
}
