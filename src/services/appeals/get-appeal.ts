import { DomainError } from '../../core/errors.ts'
import { findAppeal } from '../../db/appeal-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { getSheet } from '../sheets/get-sheet.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'

/** One appeal with its sheet (as the actor may see it): the appeal detail page. HR notes are for HR and admin only. */
export async function getAppeal(deps: WorkflowDeps, actor: Actor, appealId: number) {
  const db = deps.db
  const appeal = await findAppeal(db, actor.companyId, appealId)
  if (!appeal) throw new DomainError('not_found', `申诉 ${appealId} 不存在`)
  const sheet = await getSheet(deps, actor, appeal.sheet_id)
  const staff = actor.role === 'hr' || actor.role === 'admin'
  const handler =
    appeal.handler_user_id === null
      ? null
      : await db
          .selectFrom('users')
          .select(['id', 'display_name'])
          .where('id', '=', appeal.handler_user_id)
          .executeTakeFirst()
  return {
    id: appeal.id,
    status: appeal.status,
    reasons: appeal.reasons,
    requestedOutcome: appeal.requested_outcome,
    evidence: appeal.evidence,
    disputed: appeal.disputed,
    handler: handler ? { id: handler.id, name: handler.display_name } : null,
    investigationDue: appeal.investigation_due,
    notes: staff ? appeal.notes : undefined,
    ruling: appeal.ruling,
    rulingNote: appeal.ruling_note,
    changedInputs: appeal.changed_inputs,
    filedAt: appeal.filed_at,
    ruledAt: appeal.ruled_at,
    version: appeal.version,
    sheet,
  }
}
