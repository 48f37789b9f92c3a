import { listSheetSummaries } from '../../db/sheet-repository.ts'
import { asWorkflowDb } from '../../db/workflow-tables.ts'
import type { Actor } from '../auth/actor.ts'
import { sweepDueSheets } from '../cycles/sweep-due-sheets.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

/** "My appraisal": the signed-in user's own sheets, newest period first. */
export async function listMySheets(deps: WorkflowDeps, actor: Actor) {
  if (actor.employeeId === null) return []
  const db = asWorkflowDb(deps.db)
  const mine = await listSheetSummaries(db, actor.companyId, { employeeId: actor.employeeId })
  const due = mine.filter((s) => s.state === 'appeal_window').map((s) => s.id)
  if (due.length > 0 && (await sweepDueSheets(deps, actor.companyId, { sheetIds: due })).finalized.length > 0)
    return listSheetSummaries(db, actor.companyId, { employeeId: actor.employeeId })
  return mine
}
