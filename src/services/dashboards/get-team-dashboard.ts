import { sql } from 'kysely'
import type { TeamDashboard } from '../../contracts/dashboards.ts'
import { DomainError } from '../../core/errors.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import {
  isScored,
  loadTemplateLabels,
  resolveDashboardCycle,
  type SheetScope,
  sheetCondition,
  toScore,
} from './dashboard-scope.ts'

/** Default line under which a total is flagged: the lowest passing grade (合格 ≥ 60). */
export const defaultThreshold = 60
const memberLimit = 500
const belowLimit = 200

/**
 * The team dashboard (团队看板) of one cycle: each dimension's points as a share of its budget averaged over
 * the team (radar), each indicator's mean actual against its mean target, every member's total and who is
 * below the threshold. A supervisor sees their reporting tree (not themself); HR and admin the company.
 */
export async function getTeamDashboard(
  deps: WorkflowDeps,
  actor: Actor,
  query: { cycleId?: number; departmentId?: number; threshold?: number },
): Promise<TeamDashboard> {
  const scope = teamScope(actor)
  const db = deps.db
  const threshold = query.threshold ?? defaultThreshold
  const where = sheetCondition(actor.companyId, scope, query.departmentId)
  const cycle = await resolveDashboardCycle(db, where, actor.companyId, query.cycleId, scope.kind === 'all')
  const empty = { sheets: 0, scored: 0, mean: null, median: null, min: null, max: null }
  if (!cycle)
    return {
      cycle: null,
      threshold,
      summary: empty,
      dimensions: [],
      indicators: [],
      members: [],
      membersTruncated: false,
      belowThreshold: [],
    }
  const scored = sql`s.cycle_id = ${cycle.id} and ${where} and ${isScored}`
  type MemberRow = {
    sheet_id: number
    employee_id: number
    employee_name: string
    department_name: string | null
    total: string
    grade: string | null
  }
  const memberColumns = sql`s.id as sheet_id, s.employee_id, e.name as employee_name,
    d.name as department_name, s.total, s.grade`
  const memberFrom = sql`appraisal_sheets s join employees e on e.id = s.employee_id
    left join departments d on d.id = s.department_id`

  const [stats, dimensions, indicators, members, below, versions] = await Promise.all([
    sql<{
      sheets: number
      scored: number
      mean: string | null
      median: string | null
      min: string | null
      max: string | null
    }>`
      select count(*)::int as sheets, count(*) filter (where ${isScored})::int as scored,
        avg(s.total) filter (where ${isScored}) as mean,
        percentile_cont(0.5) within group (order by s.total) filter (where ${isScored}) as median,
        min(s.total) filter (where ${isScored}) as min, max(s.total) filter (where ${isScored}) as max
      from appraisal_sheets s where s.cycle_id = ${cycle.id} and ${where}`.execute(db),
    sql<{ name: string; percent: string | null; count: number }>`
      select d.dim->>'name' as name,
        avg((d.dim->>'points')::numeric * 100 / nullif((d.dim->>'maxPoints')::numeric, 0)) as percent,
        count(*)::int as count
      from appraisal_sheets s
        cross join lateral jsonb_array_elements(s.score->'dimensions') with ordinality as d(dim, ord)
      where ${scored}
      group by d.dim->>'name'
      order by min(d.ord), 1
      limit 12`.execute(db),
    sql<{
      key: string
      count: number
      actual: string | null
      target: string | null
      completion: string | null
      points: string | null
      max_points: string | null
    }>`
      select i.ind->>'key' as key, count(*)::int as count,
        avg((i.ind->>'actual')::numeric) as actual,
        avg((i.ind->>'target')::numeric) as target,
        avg((i.ind->>'actual')::numeric / nullif((i.ind->>'target')::numeric, 0)) as completion,
        avg((i.ind->>'points')::numeric) as points,
        max((i.ind->>'maxPoints')::numeric) as max_points
      from appraisal_sheets s
        cross join lateral jsonb_array_elements(s.score->'dimensions') with ordinality as d(dim, ord)
        cross join lateral jsonb_array_elements(d.dim->'indicators') with ordinality as i(ind, ord)
      where ${scored}
      group by i.ind->>'key'
      order by min(d.ord * 1000 + i.ord), 1
      limit 60`.execute(db),
    sql<MemberRow>`select ${memberColumns} from ${memberFrom} where ${scored}
      order by s.total desc, e.name limit ${memberLimit + 1}`.execute(db),
    sql<MemberRow>`select ${memberColumns} from ${memberFrom} where ${scored} and s.total < ${threshold}
      order by s.total, e.name limit ${belowLimit}`.execute(db),
    sql<{ id: number }>`
      select distinct s.template_version_id as id from appraisal_sheets s where ${scored}`.execute(db),
  ])
  const labels = await loadTemplateLabels(
    db,
    versions.rows.map((r) => r.id),
  )
  const stat = stats.rows[0]
  const toMember = (r: MemberRow) => ({
    sheetId: r.sheet_id,
    employeeId: r.employee_id,
    employeeName: r.employee_name,
    departmentName: r.department_name,
    total: Number(r.total),
    grade: r.grade,
  })
  return {
    cycle,
    threshold,
    summary: {
      sheets: stat?.sheets ?? 0,
      scored: stat?.scored ?? 0,
      mean: toScore(stat?.mean),
      median: toScore(stat?.median),
      min: toScore(stat?.min),
      max: toScore(stat?.max),
    },
    dimensions: dimensions.rows.map((r) => ({ name: r.name, percent: toScore(r.percent), count: r.count })),
    indicators: indicators.rows.map((r) => {
      const known = labels.indicators.get(r.key)
      return {
        key: r.key,
        name: known?.name ?? r.key,
        unit: known?.unit ?? null,
        count: r.count,
        actual: toScore(r.actual),
        target: toScore(r.target),
        completion: r.completion === null ? null : Number(Number(r.completion).toFixed(4)),
        points: toScore(r.points),
        maxPoints: toScore(r.max_points),
      }
    }),
    members: members.rows.slice(0, memberLimit).map(toMember),
    membersTruncated: members.rows.length > memberLimit,
    belowThreshold: below.rows.map(toMember),
  }
}

function teamScope(actor: Actor): SheetScope {
  if (actor.role === 'hr' || actor.role === 'admin') return { kind: 'all' }
  if (actor.role === 'supervisor' && actor.employeeId !== null)
    return { kind: 'tree', rootEmployeeId: actor.employeeId, includeRoot: false }
  throw new DomainError('forbidden', '只有主管、人力资源和管理员可以查看团队看板')
}
