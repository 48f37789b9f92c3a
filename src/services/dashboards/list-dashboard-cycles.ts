import type { DashboardCycle } from '../../contracts/dashboards.ts'
import { listDashboardCycleCounts } from '../../db/dashboard-queries.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import type { SheetScope } from './dashboard-scope.ts'

/**
 * The cycles a reader can pick on a dashboard, newest first, with how many of their sheets are in scope and
 * scored: the company's for HR, admin and finance, the reporting tree's for a supervisor, one's own otherwise.
 */
export async function listDashboardCycles(deps: WorkflowDeps, actor: Actor): Promise<DashboardCycle[]> {
  const scope: SheetScope | null =
    actor.role === 'admin' || actor.role === 'hr' || actor.role === 'finance'
      ? { kind: 'all' }
      : actor.employeeId === null
        ? null
        : actor.role === 'supervisor'
          ? { kind: 'tree', rootEmployeeId: actor.employeeId, includeRoot: true }
          : { kind: 'self', employeeId: actor.employeeId }
  if (!scope) return []
  return listDashboardCycleCounts(deps.db, { companyId: actor.companyId, scope })
}
