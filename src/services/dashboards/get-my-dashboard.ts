import { sql } from 'kysely'
import type { MyDashboard } from '../../contracts/dashboards.ts'
import { DomainError } from '../../core/errors.ts'
import type { SheetScore } from '../../core/scoring/score-sheet.ts'
import type { LocalizedText } from '../../core/templates/template.ts'
import { isEmployeeInScope } from '../../db/organisation-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { resolveEmployeeScope } from '../organisation/resolve-employee-scope.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { isScored, loadTemplateLabels, scoredStates, toScore } from './dashboard-scope.ts'

/** Fewer scored teammates than this and the team median is withheld, so nobody reads a colleague's score. */
export const minimumTeamForMedian = 3

/**
 * One employee's dashboard (我的绩效): their totals over the last 24 scored cycles, and for one cycle each
 * dimension's share of its budget beside the team's median (the team = the sheets with the same reviewer,
 * or the same department when there is none), and each indicator's actual, target and points. The caller
 * themself by default; a supervisor may open anyone in their tree, HR and admin anyone; others get 404.
 */
export async function getMyDashboard(
  deps: WorkflowDeps,
  actor: Actor,
  query: { cycleId?: number; employeeId?: number },
): Promise<MyDashboard> {
  const db = deps.db
  const employeeId = query.employeeId ?? actor.employeeId
  if (employeeId === null) throw new DomainError('not_found', '当前账号没有关联员工，没有个人绩效')
  if (employeeId !== actor.employeeId) {
    const others = actor.role === 'admin' || actor.role === 'hr' || actor.role === 'supervisor'
    if (
      !others ||
      !(await isEmployeeInScope(deps.db, actor.companyId, employeeId, resolveEmployeeScope(actor)))
    )
      throw new DomainError('not_found', `员工 ${employeeId} 不存在`)
  }
  const employee = await db
    .selectFrom('employees')
    .select(['id', 'name'])
    .where('company_id', '=', actor.companyId)
    .where('id', '=', employeeId)
    .executeTakeFirst()
  if (!employee) throw new DomainError('not_found', `员工 ${employeeId} 不存在`)

  const trend = await sql<{
    cycle_id: number
    name: string
    kind: string
    period_start: string
    period_end: string
    total: string
    grade: string | null
  }>`
    select * from (
      select c.id as cycle_id, c.name, c.kind, c.period_start::text as period_start,
        c.period_end::text as period_end, s.total, s.grade
      from appraisal_sheets s join cycles c on c.id = s.cycle_id
      where s.company_id = ${actor.companyId} and s.employee_id = ${employeeId} and ${isScored}
      order by c.period_end desc, c.id desc
      limit 24) t
    order by t.period_end, t.cycle_id`.execute(db)

  const sheet = await db
    .selectFrom('appraisal_sheets as s')
    .innerJoin('cycles as c', 'c.id', 's.cycle_id')
    .select([
      's.id',
      's.state',
      's.total',
      's.grade',
      's.coefficient',
      's.score',
      's.reviewer_employee_id',
      's.department_id',
      's.template_version_id',
      'c.id as cycle_id',
      'c.name as cycle_name',
      'c.kind',
      sql<string>`c.period_start::text`.as('period_start'),
      sql<string>`c.period_end::text`.as('period_end'),
    ])
    .where('s.company_id', '=', actor.companyId)
    .where('s.employee_id', '=', employeeId)
    .$if(query.cycleId !== undefined, (q) => q.where('s.cycle_id', '=', query.cycleId!))
    .orderBy(sql`s.state in (${sql.join(scoredStates.map((s) => sql.lit(s)))})`, 'desc')
    .orderBy('c.period_end', 'desc')
    .orderBy('s.id', 'desc')
    .executeTakeFirst()
  if (query.cycleId !== undefined && !sheet)
    throw new DomainError('not_found', `考核周期 ${query.cycleId} 没有该员工的考核表`)

  const base = {
    employee,
    trend: trend.rows.map((r) => ({
      cycleId: r.cycle_id,
      name: r.name,
      kind: r.kind,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      total: Number(r.total),
      grade: r.grade,
    })),
  }
  if (!sheet) return { ...base, cycle: null, sheet: null, teamSize: 0, dimensions: [], indicators: [] }

  const labels = await loadTemplateLabels(db, [sheet.template_version_id])
  const isSheetScored = (scoredStates as readonly string[]).includes(sheet.state) && sheet.total !== null
  const score = isSheetScored ? (sheet.score as SheetScore | null) : null
  const teamCondition =
    sheet.reviewer_employee_id !== null
      ? sql`s.reviewer_employee_id = ${sheet.reviewer_employee_id}`
      : sheet.department_id !== null
        ? sql`s.department_id = ${sheet.department_id}`
        : sql`s.id = ${sheet.id}`
  const team = await sql<{ name: string; median: string | null; count: number }>`
    select d.dim->>'name' as name, count(*)::int as count,
      percentile_cont(0.5) within group (
        order by (d.dim->>'points')::numeric * 100 / nullif((d.dim->>'maxPoints')::numeric, 0)) as median
    from appraisal_sheets s
      cross join lateral jsonb_array_elements(s.score->'dimensions') as d(dim)
    where s.company_id = ${actor.companyId} and s.cycle_id = ${sheet.cycle_id} and ${teamCondition} and ${isScored}
    group by d.dim->>'name'`.execute(db)
  const indicatorTeam = await sql<{ key: string; median: string | null }>`
    select i.ind->>'key' as key,
      percentile_cont(0.5) within group (
        order by (i.ind->>'points')::numeric * 100 / nullif((i.ind->>'maxPoints')::numeric, 0)) as median
    from appraisal_sheets s
      cross join lateral jsonb_array_elements(s.score->'dimensions') as d(dim)
      cross join lateral jsonb_array_elements(d.dim->'indicators') as i(ind)
    where s.company_id = ${actor.companyId} and s.cycle_id = ${sheet.cycle_id} and ${teamCondition} and ${isScored}
    group by i.ind->>'key'`.execute(db)
  const indicatorMedians = new Map(indicatorTeam.rows.map((r) => [r.key, toScore(r.median)]))
  const teamSize = Number(
    (
      await sql<{ n: number }>`select count(*)::int as n from appraisal_sheets s
        where s.company_id = ${actor.companyId} and s.cycle_id = ${sheet.cycle_id} and ${teamCondition} and ${isScored}`.execute(
        db,
      )
    ).rows[0]?.n ?? 0,
  )
  const medians = new Map(team.rows.map((r) => [r.name, r]))
  const percent = (points: number, max: number) => (max > 0 ? toScore((points * 100) / max) : null)
  const gradeLabel: LocalizedText | null = sheet.grade ? (labels.grades.get(sheet.grade) ?? null) : null

  return {
    ...base,
    cycle: {
      id: sheet.cycle_id,
      name: sheet.cycle_name,
      kind: sheet.kind,
      periodStart: sheet.period_start,
      periodEnd: sheet.period_end,
    },
    sheet: {
      id: sheet.id,
      state: sheet.state,
      total: isSheetScored ? toScore(sheet.total) : null,
      grade: isSheetScored ? sheet.grade : null,
      gradeLabel: isSheetScored ? gradeLabel : null,
      coefficient: isSheetScored ? toScore(sheet.coefficient) : null,
    },
    teamSize,
    dimensions: (score?.dimensions ?? []).map((d) => {
      const median = medians.get(d.name)
      return {
        name: d.name,
        points: d.points,
        maxPoints: d.maxPoints,
        percent: percent(d.points, d.maxPoints),
        teamMedian: teamSize >= minimumTeamForMedian && median ? toScore(median.median) : null,
      }
    }),
    indicators: (score?.dimensions ?? []).flatMap((d) =>
      d.indicators.map((i) => {
        const known = labels.indicators.get(i.key)
        return {
          key: i.key,
          name: known?.name ?? i.key,
          dimension: d.name,
          unit: known?.unit ?? null,
          actual: i.actual ?? null,
          target: i.target ?? null,
          points: i.points,
          maxPoints: i.maxPoints,
          teamMedian: teamSize >= minimumTeamForMedian ? (indicatorMedians.get(i.key) ?? null) : null,
          explanation: i.explanation?.['zh-CN'] ? i.explanation : null,
        }
      }),
    ),
  }
}
