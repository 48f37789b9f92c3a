import type { CycleSettingsInput } from '../../contracts/workflow.ts'
import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import {
  type CycleSettings,
  findCycle,
  updateCycleSettings as writeSettings,
} from '../../db/cycle-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'

/** Admin (or HR) changes a cycle's settings: appeal window, investigation days, grade quotas, roll-up weights. */
export async function updateCycleSettings(
  deps: WorkflowDeps,
  actor: Actor,
  cycleId: number,
  settings: CycleSettingsInput,
  reason?: string,
) {
  if (actor.role !== 'admin' && actor.role !== 'hr')
    throw new DomainError('forbidden', '只有管理员和人力资源可以修改周期设置')
  return deps.db.transaction().execute(async (trx) => {
    const db = trx
    const cycle = await findCycle(db, actor.companyId, cycleId)
    if (!cycle) throw new DomainError('not_found', `考核周期 ${cycleId} 不存在`)
    const next: CycleSettings = { ...cycle.settings, ...settings }
    await writeSettings(db, cycleId, next)
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'cycle.settings',
        entity: 'cycle',
        entityId: cycleId,
        before: cycle.settings,
        after: next,
        reason: reason ?? null,
      },
      deps.now(),
    )
    return { ...cycle, settings: next }
  })
}
