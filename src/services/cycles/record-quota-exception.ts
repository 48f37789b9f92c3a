import type { QuotaExceptionInput } from '../../contracts/cycles.ts'
import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import {
  type CycleSettings,
  findCycle,
  listCalibrationSheets,
  updateCycleSettings,
} from '../../db/cycle-repository.ts'
import { findUserById } from '../../db/user-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'

/**
 * HR (or admin) lets a department pass over the cycle's enforced grade quotas (强制分布例外), with a reason:
 * its sign-off and the pay approval no longer wait for it. Recorded with the cycle's settings and audited.
 */
export async function recordQuotaException(
  deps: WorkflowDeps,
  actor: Actor,
  cycleId: number,
  input: QuotaExceptionInput,
) {
  if (actor.role !== 'admin' && actor.role !== 'hr')
    throw new DomainError('forbidden', '只有人力资源和管理员可以登记强制分布例外')
  return deps.db.transaction().execute(async (trx) => {
    const cycle = await findCycle(trx, actor.companyId, cycleId)
    if (!cycle) throw new DomainError('not_found', `考核周期 ${cycleId} 不存在`)
    const sheets = await listCalibrationSheets(trx, actor.companyId, cycleId)
    if (!sheets.some((s) => s.department_id === input.departmentId))
      throw new DomainError('invalid_input', '本期没有该部门的已评分考核表', [
        { path: 'departmentId', message: '本期没有该部门的已评分考核表' },
      ])
    const at = deps.now()
    const exception = {
      departmentId: input.departmentId,
      reason: input.reason,
      recordedBy: (await findUserById(trx, actor.companyId, actor.userId))?.displayName ?? '',
      recordedAt: at.toISOString(),
    }
    const next: CycleSettings = {
      ...cycle.settings,
      quotaExceptions: [
        ...(cycle.settings.quotaExceptions ?? []).filter((e) => e.departmentId !== input.departmentId),
        exception,
      ],
    }
    await updateCycleSettings(trx, cycleId, next)
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'cycle.quota_exception',
        entity: 'cycle',
        entityId: cycleId,
        before: { quotaExceptions: cycle.settings.quotaExceptions ?? [] },
        after: { quotaExceptions: next.quotaExceptions },
        reason: input.reason,
      },
      at,
    )
    return { ...cycle, settings: next }
  })
}
