import type { HrDashboard } from '../../contracts/dashboards.ts'
import { DomainError } from '../../core/errors.ts'
import { hrDashboardAggregates } from '../../db/dashboard-queries.ts'
import type { Actor } from '../auth/actor.ts'
import { companyToday } from '../calendar/company-today.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { loadTemplateLabels, resolveDashboardCycle, toScore } from './dashboard-scope.ts'

const emptySummary = { sheets: 0, scored: 0, mean: null, median: null, min: null, max: null }

/**
 * The HR dashboard (人力资源看板) of one cycle: grade distribution overall and per department, a 10-point
 * score histogram, sheets per workflow stage, and the company average over the last 12 cycles of the same
 * kind. Every figure is an aggregate computed by the database. HR and admin only.
 */
export async function getHrDashboard(
  deps: WorkflowDeps,
  actor: Actor,
  query: { cycleId?: number; departmentId?: number },
): Promise<HrDashboard> {
  if (actor.role !== 'hr' && actor.role !== 'admin')
    throw new DomainError('forbidden', '只有人力资源和管理员可以查看公司看板')
  const db = deps.db
  const filter = {
    companyId: actor.companyId,
    scope: { kind: 'all' as const },
    departmentId: query.departmentId,
  }
  const today = await companyToday(db, actor.companyId, deps.now())
  const cycle = await resolveDashboardCycle(db, filter, query.cycleId, true, today)
  if (!cycle)
    return {
      cycle: null,
      summary: emptySummary,
      grades: [],
      departments: [],
      histogram: [],
      stages: [],
      trend: [],
    }
  const {
    stats: stat,
    stages,
    groups,
    buckets,
    trend,
    versionIds,
  } = await hrDashboardAggregates(db, filter, cycle)
  const labels = await loadTemplateLabels(db, versionIds)
  const label = (grade: string) => labels.grades.get(grade) ?? null

  const totalByGrade = new Map<string, number>()
  const departments = new Map<string, HrDashboard['departments'][number] & { sum: number }>()
  for (const row of groups) {
    const grade = row.grade ?? '—'
    totalByGrade.set(grade, (totalByGrade.get(grade) ?? 0) + row.count)
    const key = String(row.department_id)
    const dept = departments.get(key) ?? {
      departmentId: row.department_id,
      departmentName: row.department_name,
      count: 0,
      mean: null,
      grades: [],
      sum: 0,
    }
    dept.count += row.count
    dept.sum += Number(row.sum)
    dept.grades.push({ grade, label: label(grade), count: row.count })
    departments.set(key, dept)
  }
  const histogram = Array.from({ length: 10 }, (_, i) => ({
    from: i * 10,
    to: i * 10 + 10,
    count: buckets.find((b) => b.bucket === i)?.count ?? 0,
  }))
  return {
    cycle,
    summary: {
      sheets: stages.reduce((n, r) => n + r.count, 0),
      scored: stat?.scored ?? 0,
      mean: toScore(stat?.mean),
      median: toScore(stat?.median),
      min: toScore(stat?.min),
      max: toScore(stat?.max),
    },
    grades: orderGrades(
      [...totalByGrade].map(([grade, count]) => ({ grade, label: label(grade), count })),
      [...labels.grades.keys()],
    ),
    departments: [...departments.values()].map(({ sum, ...d }) => ({
      ...d,
      mean: d.count ? toScore(sum / d.count) : null,
      grades: orderGrades(d.grades, [...labels.grades.keys()]),
    })),
    histogram,
    stages,
    trend: trend.reverse().map((r) => ({
      cycleId: r.cycle_id,
      name: r.name,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      mean: toScore(r.mean),
      count: r.count,
    })),
  }
}

/** Grades in the templates' order (highest first), unknown codes last. */
function orderGrades<T extends { grade: string }>(list: T[], order: string[]): T[] {
  const rank = (g: string) => {
    const i = order.indexOf(g)
    return i === -1 ? order.length : i
  }
  return [...list].sort((a, b) => rank(a.grade) - rank(b.grade))
}
