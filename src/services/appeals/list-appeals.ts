import { DomainError } from '../../core/errors.ts'
import { type AppealRow, listAppealQueue } from '../../db/appeal-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'

/** HR's appeals queue (and admin's view of it); an employee gets their own appeals. */
export async function listAppeals(
  deps: WorkflowDeps,
  actor: Actor,
  filter: { status?: AppealRow['status'][]; cycleId?: number } = {},
) {
  const db = deps.db
  if (actor.role === 'hr' || actor.role === 'admin') return listAppealQueue(db, actor.companyId, filter)
  if (actor.employeeId === null) throw new DomainError('forbidden', '当前账号未关联员工，无申诉可查')
  return listAppealQueue(db, actor.companyId, { ...filter, employeeId: actor.employeeId })
}
