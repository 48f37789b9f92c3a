import { sql } from 'kysely'
import type { HrDashboard } from '../../contracts/dashboards.ts'
import { DomainError } from '../../core/errors.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import {
  isScored,
  loadTemplateLabels,
  resolveDashboardCycle,
  sheetCondition,
  toScore,
} from './dashboard-scope.ts'

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
  const where = sheetCondition(actor.companyId, { kind: 'all' }, query.departmentId)
  const cycle = await resolveDashboardCycle(db, where, actor.companyId, query.cycleId, true)
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
  const inCycle = sql`s.cycle_id = ${cycle.id} and ${where}`

  const [stats, stages, groups, buckets, trend, versions] = await Promise.all([
    sql<{
      scored: number
      mean: string | null
      median: string | null
      min: string | null
      max: string | null
    }>`
      select count(*)::int as scored, avg(s.total) as mean,
        percentile_cont(0.5) within group (order by s.total) as median, min(s.total) as min, max(s.total) as max
      from appraisal_sheets s where ${inCycle} and ${isScored}`.execute(db),
    sql<{ state: string; count: number }>`
      select s.state, count(*)::int as count from appraisal_sheets s where ${inCycle}
      group by s.state`.execute(db),
    sql<{
      department_id: number | null
      department_name: string | null
      grade: string | null
      count: number
      sum: string
    }>`
      select s.department_id, d.name as department_name, s.grade, count(*)::int as count, sum(s.total) as sum
      from appraisal_sheets s left join departments d on d.id = s.department_id
      where ${inCycle} and ${isScored}
      group by s.department_id, d.name, s.grade
      order by d.name nulls last, s.grade`.execute(db),
    sql<{ bucket: number; count: number }>`
      select least(floor(s.total / 10), 9)::int as bucket, count(*)::int as count
      from appraisal_sheets s where ${inCycle} and ${isScored}
      group by 1`.execute(db),
    sql<{
      cycle_id: number
      name: string
      period_start: string
      period_end: string
      mean: string | null
      count: number
    }>`
      select c.id as cycle_id, c.name, c.period_start::text as period_start, c.period_end::text as period_end,
        avg(s.total) as mean, count(*)::int as count
      from cycles c join appraisal_sheets s on s.cycle_id = c.id
      where c.company_id = ${actor.companyId} and c.kind = ${cycle.kind} and c.period_end <= ${cycle.periodEnd}
        and ${where} and ${isScored}
      group by c.id, c.name, c.period_start, c.period_end
      order by c.period_end desc, c.id desc
      limit 12`.execute(db),
    sql<{ id: number }>`
      select distinct s.template_version_id as id from appraisal_sheets s where ${inCycle}`.execute(db),
  ])
  const labels = await loadTemplateLabels(
    db,
    versions.rows.map((r) => r.id),
  )
  const label = (grade: string) => labels.grades.get(grade) ?? null

  const totalByGrade = new Map<string, number>()
  const departments = new Map<string, HrDashboard['departments'][number] & { sum: number }>()
  for (const row of groups.rows) {
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
  const stat = stats.rows[0]
  const histogram = Array.from({ length: 10 }, (_, i) => ({
    from: i * 10,
    to: i * 10 + 10,
    count: buckets.rows.find((b) => b.bucket === i)?.count ?? 0,
  }))
  return {
    cycle,
    summary: {
      sheets: stages.rows.reduce((n, r) => n + r.count, 0),
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
    stages: stages.rows,
    trend: trend.rows.reverse().map((r) => ({
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
