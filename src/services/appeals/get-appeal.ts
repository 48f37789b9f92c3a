import type { AppealEvidence, AppealNoteEntry, ChangedInputs, DisputedItem } from '../../contracts/appeals.ts'
import { DomainError } from '../../core/errors.ts'
import { findAppeal, findAppealHandler } from '../../db/appeal-repository.ts'
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
  const handler = appeal.handler_user_id === null ? null : await findAppealHandler(db, appeal.handler_user_id)
  return {
    id: appeal.id,
    status: appeal.status,
    reasons: appeal.reasons,
    requestedOutcome: appeal.requested_outcome,
    // The JSON columns hold what the appeal, take-up, note and ruling steps wrote (their input schemas).
    evidence: appeal.evidence as AppealEvidence[],
    disputed: appeal.disputed as DisputedItem[],
    handler: handler ?? null,
    investigationDue: appeal.investigation_due,
    ...(staff ? { notes: appeal.notes as AppealNoteEntry[] } : {}),
    ruling: appeal.ruling,
    rulingNote: appeal.ruling_note,
    changedInputs: appeal.changed_inputs as ChangedInputs | null,
    filedAt: appeal.filed_at,
    ruledAt: appeal.ruled_at,
    version: appeal.version,
    sheet,
  }
}
