import { DomainError } from '../../core/errors.ts'
import { findAppeal, updateAppeal } from '../../db/appeal-repository.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'

/** HR adds an investigation note (调查记录) to an open appeal. */
export async function addAppealNote(deps: WorkflowDeps, actor: Actor, appealId: number, note: string) {
  if (actor.role !== 'hr') throw new DomainError('forbidden', '只有人力资源可以记录申诉调查')
  return deps.db.transaction().execute(async (trx) => {
    const db = trx
    const appeal = await findAppeal(db, actor.companyId, appealId, true)
    if (!appeal) throw new DomainError('not_found', `申诉 ${appealId} 不存在`)
    if (appeal.status === 'ruled')
      throw new DomainError('invalid_state', `申诉 ${appealId} 已裁决（ruled），不能再添加调查记录`, [], {
        state: appeal.status,
      })
    const now = deps.now()
    const entry = { at: now.toISOString(), byUserId: actor.userId, text: note }
    const updated = await updateAppeal(db, appealId, { notes: [...(appeal.notes as unknown[]), entry] })
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'appeal.note',
        entity: 'appeal',
        entityId: appealId,
        after: entry,
      },
      now,
    )
    return updated
  })
}
