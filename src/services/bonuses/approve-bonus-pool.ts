import type { BonusPool } from '../../contracts/pay.ts'
import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'
import { approveBonusPoolRow } from '../../db/pay-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { getBonusPool } from './list-bonus-pools.ts'
import { auditedLines, lockDraftBonusPool } from './lock-draft-bonus-pool.ts'

/**
 * Finance approves a bonus pool (奖金池), which locks it: it can no longer be deleted, and a correction is a new
 * pool, never an edit. A second approval is refused naming who approved it and when. Audited.
 */
export async function approveBonusPool(
  deps: WorkflowDeps,
  actor: Actor,
  id: number,
  note?: string,
): Promise<BonusPool> {
  await deps.db
    .transaction()
    .execute((trx) => approveBonusPoolInTransaction(trx, actor, id, deps.now(), note))
  return getBonusPool(deps, actor, id)
}

/** approveBonusPool inside the caller's transaction (the demo loader runs in one). */
export async function approveBonusPoolInTransaction(
  trx: Db,
  actor: Actor,
  id: number,
  at: Date,
  note?: string,
): Promise<void> {
  const pdb = trx
  const pool = await lockDraftBonusPool(pdb, actor.companyId, id, { zh: '不能再次审批', en: '' })
  if (
    !(await approveBonusPoolRow(pdb, actor.companyId, id, { userId: actor.userId, at, note: note ?? null }))
  )
    throw new DomainError(
      'conflict',
      `奖金池「${pool.name}」刚被他人修改，请刷新 / changed meanwhile, reload`,
    )
  await appendAudit(
    trx,
    {
      companyId: actor.companyId,
      actorUserId: actor.userId,
      action: 'bonus_pool.approve',
      entity: 'bonus_pool',
      entityId: id,
      before: { status: 'draft' },
      after: {
        status: 'approved',
        name: pool.name,
        cycleId: pool.cycleId,
        amount: pool.amount,
        lines: auditedLines(pool),
      },
      reason: note ?? null,
    },
    at,
  )
}
