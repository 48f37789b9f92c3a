import { listOwnSheetSummaries } from '../../db/sheet-list-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { sweepDueSheets } from '../cycles/sweep-due-sheets.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

/** "My appraisal": the signed-in user's own sheets, newest period first. */
export async function listMySheets(deps: WorkflowDeps, actor: Actor) {
  if (actor.employeeId === null) return []
  const mine = await listOwnSheetSummaries(deps.db, actor.companyId, actor.employeeId)
  const due = mine.filter((s) => s.state === 'appeal_window').map((s) => s.id)
  if (due.length > 0 && (await sweepDueSheets(deps, actor.companyId, { sheetIds: due })).finalized.length > 0)
    return listOwnSheetSummaries(deps.db, actor.companyId, actor.employeeId)
  return mine
}
