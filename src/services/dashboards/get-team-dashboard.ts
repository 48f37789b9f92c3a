import type { TeamDashboard } from '../../contracts/dashboards.ts'
import { DomainError } from '../../core/errors.ts'
import { type DashboardMemberRow, teamDashboardAggregates } from '../../db/dashboard-queries.ts'
import type { Actor } from '../auth/actor.ts'
import { companyToday } from '../calendar/company-today.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import {
  loadTemplateLabels,
  resolveDashboardCycle,
  type SheetScope,
  toMeasure,
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
  const filter = { companyId: actor.companyId, scope, departmentId: query.departmentId }
  const today = await companyToday(db, actor.companyId, deps.now())
  const cycle = await resolveDashboardCycle(db, filter, query.cycleId, scope.kind === 'all', today)
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
  const aggregates = await teamDashboardAggregates(db, filter, cycle.id, {
    threshold,
    memberLimit,
    belowLimit,
  })
  const { stats: stat, dimensions, indicators, members, below } = aggregates
  const labels = await loadTemplateLabels(db, aggregates.versionIds)
  const toMember = (r: DashboardMemberRow) => ({
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
    dimensions: dimensions.map((r) => ({ name: r.name, percent: toScore(r.percent), count: r.count })),
    indicators: indicators.map((r) => {
      const known = labels.indicators.get(r.key)
      return {
        key: r.key,
        name: known?.name ?? r.key,
        unit: known?.unit ?? null,
        lowerIsBetter: known?.lowerIsBetter ?? false,
        count: r.count,
        actual: toMeasure(r.actual),
        target: toMeasure(r.target),
        completion: r.completion === null ? null : Number(Number(r.completion).toFixed(4)),
        points: toScore(r.points),
        maxPoints: toScore(r.max_points),
      }
    }),
    members: members.slice(0, memberLimit).map(toMember),
    membersTruncated: members.length > memberLimit,
    belowThreshold: below.map(toMember),
  }
}

function teamScope(actor: Actor): SheetScope {
  if (actor.role === 'hr' || actor.role === 'admin') return { kind: 'all' }
  if (actor.role === 'supervisor' && actor.employeeId !== null)
    return { kind: 'tree', rootEmployeeId: actor.employeeId, includeRoot: false }
  throw new DomainError('forbidden', '只有主管、人力资源和管理员可以查看团队看板')
}
