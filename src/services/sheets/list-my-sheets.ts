import { visibleSheetState } from '../../core/workflow/sheet-workflow.ts'
import { listOwnSheetSummaries } from '../../db/sheet-list-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { companyToday } from '../calendar/company-today.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

/** "My appraisal": the signed-in user's own sheets, newest period first; a sheet past its appeal window reads as final. */
export async function listMySheets(deps: WorkflowDeps, actor: Actor) {
  if (actor.employeeId === null) return []
  const [mine, today] = await Promise.all([
    listOwnSheetSummaries(deps.db, actor.companyId, actor.employeeId),
    companyToday(deps.db, actor.companyId, deps.now()),
  ])
  for (const sheet of mine) sheet.state = visibleSheetState(sheet.state, sheet.appealDeadline, today)
  return mine
}
