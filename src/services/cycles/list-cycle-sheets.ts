import { listSheetSummaries } from '../../db/sheet-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'

/** The sheets of one of the company's cycles, optionally in one state or department (HR, admin). */
export async function listCycleSheets(
  deps: WorkflowDeps,
  actor: Actor,
  cycleId: number,
  filter: { state?: string; departmentId?: number },
) {
  return listSheetSummaries(deps.db, actor.companyId, {
    cycleId,
    states: filter.state ? [filter.state] : undefined,
    departmentId: filter.departmentId,
    limit: 100_000,
  })
}
