import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { deleteDraftBonusPoolRow } from '../../db/pay-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { auditedLines, lockDraftBonusPool } from './lock-draft-bonus-pool.ts'

/**
 * Deletes a draft bonus pool so a wrong allocation can be redone; an approved pool is locked (the refusal says
 * who approved it and when). The audit row keeps the whole pool as it was.
 */
export async function deleteBonusPool(
  deps: WorkflowDeps,
  actor: Actor,
  id: number,
  reason?: string,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const pdb = trx
    const pool = await lockDraftBonusPool(pdb, actor.companyId, id, {
      zh: '不能删除；更正请另建奖金池',
      en: 'and cannot be deleted',
    })
    if (!(await deleteDraftBonusPoolRow(pdb, actor.companyId, id)))
      throw new DomainError(
        'conflict',
        `奖金池「${pool.name}」刚被他人修改，请刷新 / changed meanwhile, reload`,
      )
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'bonus_pool.delete',
        entity: 'bonus_pool',
        entityId: id,
        before: {
          status: pool.status,
          name: pool.name,
          kind: pool.kind,
          cycleId: pool.cycleId,
          amount: pool.amount,
          rule: pool.rule,
          lines: auditedLines(pool),
        },
        reason: reason ?? null,
      },
      deps.now(),
    )
  })
}
