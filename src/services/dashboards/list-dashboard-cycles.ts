import { sql } from 'kysely'
import type { DashboardCycle } from '../../contracts/dashboards.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { isScored, type SheetScope, sheetCondition } from './dashboard-scope.ts'

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
  const rows = await sql<{
    id: number
    name: string
    kind: DashboardCycle['kind']
    period_start: string
    period_end: string
    sheets: number
    scored: number
  }>`
    select c.id, c.name, c.kind, c.period_start::text as period_start, c.period_end::text as period_end,
      count(*)::int as sheets, count(*) filter (where ${isScored})::int as scored
    from cycles c join appraisal_sheets s on s.cycle_id = c.id
    where c.company_id = ${actor.companyId} and ${sheetCondition(actor.companyId, scope)}
    group by c.id, c.name, c.kind, c.period_start, c.period_end
    order by c.period_end desc, c.id desc
    limit 200`.execute(deps.db)
  return rows.rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    sheets: r.sheets,
    scored: r.scored,
  }))
}
