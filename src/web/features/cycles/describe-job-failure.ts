import type { TFunction } from 'i18next'
import type { Job } from '../../../contracts/workflow.ts'

/**
 * Why a job failed, in the reader's language where the web knows the reason (a restart ended it: the job's
 * `result.interrupted` holds what was done), else the server's message; null while it has not failed.
 */
export function describeJobFailure(
  t: TFunction,
  job: Pick<Job, 'status' | 'kind' | 'error' | 'result' | 'done' | 'total'>,
): string | null {
  if (job.status !== 'failed') return null
  const interrupted = job.result?.interrupted as { done?: number } | undefined
  if (interrupted)
    return job.kind === 'cycle.open'
      ? t('cycles.job.interruptedOpen')
      : t('cycles.job.interrupted', { done: interrupted.done ?? job.done })
  return job.error
}
