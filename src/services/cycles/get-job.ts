import { DomainError } from '../../core/errors.ts'
import { findJob } from '../../db/cycle-job-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'

/** A job's status and progress (done/total), for admin and HR. */
export async function getJob(deps: WorkflowDeps, actor: Actor, jobId: number) {
  if (actor.role !== 'admin' && actor.role !== 'hr')
    throw new DomainError('forbidden', '只有管理员和人力资源可以查看任务')
  const job = await findJob(deps.db, actor.companyId, jobId)
  if (!job) throw new DomainError('not_found', `任务 ${jobId} 不存在`)
  return job
}
