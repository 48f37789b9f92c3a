import { type RawBuilder, type SqlBool, sql } from 'kysely'
import { scoredSheetStates } from '../core/workflow/sheet-workflow.ts'
import type { Db } from './database.ts'
import { reportingTreeIds } from './organisation-repository.ts'

// The dashboards' SQL (绩效看板): which sheets a reader may aggregate (a condition on `appraisal_sheets s`), the
// cycle shown, and the aggregates each dashboard draws, all computed by the database.

/** The sheets a dashboard aggregates: the company, a reporting tree (with or without its root), or one employee. */
export type SheetScope =
  | { kind: 'all' }
  | { kind: 'tree'; rootEmployeeId: number; includeRoot: boolean }
  | { kind: 'self'; employeeId: number }

/** A company, a scope and optionally a department subtree: the sheets one dashboard reads. */
export type SheetFilter = { companyId: number; scope: SheetScope; departmentId?: number | undefined }

export type DashboardCycleRow = {
  id: number
  name: string
  kind: 'monthly' | 'quarterly' | 'annual'
  periodStart: string
  periodEnd: string
}

/** The SQL condition on `appraisal_sheets s` for a filter. */
function sheetCondition({ companyId, scope, departmentId }: SheetFilter): RawBuilder<SqlBool> {
  const parts: RawBuilder<unknown>[] = [sql`s.company_id = ${companyId}`]
  if (scope.kind === 'tree') {
    parts.push(sql`s.employee_id in ${reportingTreeIds(companyId, scope.rootEmployeeId)}`)
    if (!scope.includeRoot) parts.push(sql`s.employee_id <> ${scope.rootEmployeeId}`)
  }
  if (scope.kind === 'self') parts.push(sql`s.employee_id = ${scope.employeeId}`)
  if (departmentId !== undefined) {
    parts.push(sql`s.department_id in (
      with recursive dept(id) as (
        select id from departments where company_id = ${companyId} and id = ${departmentId}
        union
        select d.id from departments d join dept on d.parent_id = dept.id where d.company_id = ${companyId}
      )
      select id from dept)`)
  }
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`
}

/** `s.state in (…scored…) and s.total is not null`. */
const isScored = sql<SqlBool>`(s.state in (${sql.join(scoredSheetStates.map((s) => sql.lit(s)))}) and s.total is not null)`

type CycleRow = {
  id: number
  name: string
  kind: DashboardCycleRow['kind']
  period_start: string
  period_end: string
}
const cycleColumns = sql`c.id, c.name, c.kind, c.period_start::text as period_start, c.period_end::text as period_end`
const toCycle = (row: CycleRow | undefined): DashboardCycleRow | undefined =>
  row && {
    id: row.id,
    name: row.name,
    kind: row.kind,
    periodStart: row.period_start,
    periodEnd: row.period_end,
  }

/** A cycle of the company, when it has a sheet in the filter (or at all, with `anySheet`). */
export async function findDashboardCycle(
  db: Db,
  filter: SheetFilter,
  cycleId: number,
  anySheet: boolean,
): Promise<DashboardCycleRow | undefined> {
  const visible = anySheet
    ? sql`true`
    : sql`exists (select 1 from appraisal_sheets s where s.cycle_id = c.id and ${sheetCondition(filter)})`
  const { rows } = await sql<CycleRow>`select ${cycleColumns} from cycles c
    where c.company_id = ${filter.companyId} and c.id = ${cycleId} and ${visible}`.execute(db)
  return toCycle(rows[0])
}

/** The latest cycle with a scored sheet in the filter, else the latest with any sheet in it. */
export async function findLatestDashboardCycle(
  db: Db,
  filter: SheetFilter,
  today: string,
): Promise<DashboardCycleRow | undefined> {
  const condition = sheetCondition(filter)
  const scored = sql<SqlBool>`exists (select 1 from appraisal_sheets s where s.cycle_id = c.id and ${condition} and ${isScored})`
  // A finished period (ended before today, with a scored sheet) comes first, then any scored one, then any.
  const { rows } = await sql<CycleRow>`select ${cycleColumns} from cycles c
    where c.company_id = ${filter.companyId}
      and exists (select 1 from appraisal_sheets s where s.cycle_id = c.id and ${condition})
    order by (c.period_end < ${today} and ${scored}) desc, ${scored} desc, c.period_end desc, c.id desc
    limit 1`.execute(db)
  return toCycle(rows[0])
}

/** The cycles with sheets in the filter, newest first (200 at most), with how many of those are scored. */
export async function listDashboardCycleCounts(
  db: Db,
  filter: SheetFilter,
): Promise<(DashboardCycleRow & { sheets: number; scored: number })[]> {
  const { rows } = await sql<CycleRow & { sheets: number; scored: number }>`
    select ${cycleColumns}, count(*)::int as sheets, count(*) filter (where ${isScored})::int as scored
    from cycles c join appraisal_sheets s on s.cycle_id = c.id
    where c.company_id = ${filter.companyId} and ${sheetCondition(filter)}
    group by c.id, c.name, c.kind, c.period_start, c.period_end
    order by c.period_end desc, c.id desc
    limit 200`.execute(db)
  return rows.map((r) => ({ ...toCycle(r)!, sheets: r.sheets, scored: r.scored }))
}

export type TemplateLabelParts = {
  grades: { grade: string; label: { 'zh-CN': string; 'zh-TW'?: string; en?: string } }[] | null
  dimensions:
    | { name: string; indicators: { key: string; name: string; unit?: string; direction?: string }[] }[]
    | null
}

/** The grades and dimensions (with indicator names) of template versions, oldest version first. */
export async function listTemplateLabelParts(db: Db, versionIds: number[]): Promise<TemplateLabelParts[]> {
  if (versionIds.length === 0) return []
  return db
    .selectFrom('template_versions')
    .select([
      sql<TemplateLabelParts['grades']>`definition->'scoring'->'grades'`.as('grades'),
      sql<TemplateLabelParts['dimensions']>`definition->'dimensions'`.as('dimensions'),
    ])
    .where('id', 'in', versionIds)
    .orderBy('id')
    .execute()
}

// ---- 我的绩效 (one employee) ---------------------------------------------------------------------------

export async function findDashboardEmployee(
  db: Db,
  companyId: number,
  employeeId: number,
): Promise<{ id: number; name: string } | undefined> {
  return db
    .selectFrom('employees')
    .select(['id', 'name'])
    .where('company_id', '=', companyId)
    .where('id', '=', employeeId)
    .executeTakeFirst()
}

/** An employee's scored totals over their last 24 scored cycles, oldest first. */
export async function listScoredTotals(db: Db, companyId: number, employeeId: number) {
  const { rows } = await sql<{
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
      where s.company_id = ${companyId} and s.employee_id = ${employeeId} and ${isScored}
      order by c.period_end desc, c.id desc
      limit 24) t
    order by t.period_end, t.cycle_id`.execute(db)
  return rows
}

/** The employee's sheet of a cycle, or without one their latest (scored sheets first), with its cycle. */
export function findDashboardSheet(db: Db, companyId: number, employeeId: number, cycleId?: number) {
  return db
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
    .where('s.company_id', '=', companyId)
    .where('s.employee_id', '=', employeeId)
    .$if(cycleId !== undefined, (q) => q.where('s.cycle_id', '=', cycleId!))
    .orderBy(sql`s.state in (${sql.join(scoredSheetStates.map((s) => sql.lit(s)))})`, 'desc')
    .orderBy('c.period_end', 'desc')
    .orderBy('s.id', 'desc')
    .executeTakeFirst()
}

/** Whose sheets form a team: those with the same reviewer, else the same department, else the one sheet. */
export type TeamOf = { reviewerEmployeeId: number } | { departmentId: number } | { sheetId: number }

/** The team's scored sheets of a cycle: median share of budget per dimension and per indicator, and how many. */
export async function teamMedians(db: Db, companyId: number, cycleId: number, team: TeamOf) {
  const teamCondition =
    'reviewerEmployeeId' in team
      ? sql`s.reviewer_employee_id = ${team.reviewerEmployeeId}`
      : 'departmentId' in team
        ? sql`s.department_id = ${team.departmentId}`
        : sql`s.id = ${team.sheetId}`
  const dimensions = await sql<{ name: string; median: string | null; count: number }>`
    select d.dim->>'name' as name, count(*)::int as count,
      percentile_cont(0.5) within group (
        order by (d.dim->>'points')::numeric * 100 / nullif((d.dim->>'maxPoints')::numeric, 0)) as median
    from appraisal_sheets s
      cross join lateral jsonb_array_elements(s.score->'dimensions') as d(dim)
    where s.company_id = ${companyId} and s.cycle_id = ${cycleId} and ${teamCondition} and ${isScored}
    group by d.dim->>'name'`.execute(db)
  const indicators = await sql<{ key: string; median: string | null }>`
    select i.ind->>'key' as key,
      percentile_cont(0.5) within group (
        order by (i.ind->>'points')::numeric * 100 / nullif((i.ind->>'maxPoints')::numeric, 0)) as median
    from appraisal_sheets s
      cross join lateral jsonb_array_elements(s.score->'dimensions') as d(dim)
      cross join lateral jsonb_array_elements(d.dim->'indicators') as i(ind)
    where s.company_id = ${companyId} and s.cycle_id = ${cycleId} and ${teamCondition} and ${isScored}
    group by i.ind->>'key'`.execute(db)
  const size = await sql<{ n: number }>`select count(*)::int as n from appraisal_sheets s
    where s.company_id = ${companyId} and s.cycle_id = ${cycleId} and ${teamCondition} and ${isScored}`.execute(
    db,
  )
  return {
    dimensions: dimensions.rows,
    indicators: indicators.rows,
    teamSize: Number(size.rows[0]?.n ?? 0),
  }
}

// ---- 团队看板 (team) -----------------------------------------------------------------------------------

export type DashboardMemberRow = {
  sheet_id: number
  employee_id: number
  employee_name: string
  department_name: string | null
  total: string
  grade: string | null
}

/**
 * The team dashboard's aggregates of one cycle, in parallel: totals' statistics, each dimension's mean share of its
 * budget, each indicator's means, the members by total (one more than `memberLimit`, to tell truncation) and
 * those below the threshold, and the template versions pinned.
 */
export async function teamDashboardAggregates(
  db: Db,
  filter: SheetFilter,
  cycleId: number,
  limits: { threshold: number; memberLimit: number; belowLimit: number },
) {
  const where = sheetCondition(filter)
  const scored = sql`s.cycle_id = ${cycleId} and ${where} and ${isScored}`
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
      from appraisal_sheets s where s.cycle_id = ${cycleId} and ${where}`.execute(db),
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
    sql<DashboardMemberRow>`select ${memberColumns} from ${memberFrom} where ${scored}
      order by s.total desc, e.name limit ${limits.memberLimit + 1}`.execute(db),
    sql<DashboardMemberRow>`select ${memberColumns} from ${memberFrom} where ${scored} and s.total < ${limits.threshold}
      order by s.total, e.name limit ${limits.belowLimit}`.execute(db),
    sql<{ id: number }>`
      select distinct s.template_version_id as id from appraisal_sheets s where ${scored}`.execute(db),
  ])
  return {
    stats: stats.rows[0],
    dimensions: dimensions.rows,
    indicators: indicators.rows,
    members: members.rows,
    below: below.rows,
    versionIds: versions.rows.map((r) => r.id),
  }
}

// ---- 人力资源看板 (company) ----------------------------------------------------------------------------

/**
 * The HR dashboard's aggregates of one cycle, in parallel: scored totals' statistics, sheets per state, counts and
 * sums per department and grade, the 10-point histogram, the company mean over the last 12 cycles of the same kind
 * up to this one, and the template versions pinned.
 */
export async function hrDashboardAggregates(
  db: Db,
  filter: SheetFilter,
  cycle: { id: number; kind: string; periodEnd: string },
) {
  const where = sheetCondition(filter)
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
      where c.company_id = ${filter.companyId} and c.kind = ${cycle.kind} and c.period_end <= ${cycle.periodEnd}
        and ${where} and ${isScored}
      group by c.id, c.name, c.period_start, c.period_end
      order by c.period_end desc, c.id desc
      limit 12`.execute(db),
    sql<{ id: number }>`
      select distinct s.template_version_id as id from appraisal_sheets s where ${inCycle}`.execute(db),
  ])
  return {
    stats: stats.rows[0],
    stages: stages.rows,
    groups: groups.rows,
    buckets: buckets.rows,
    trend: trend.rows,
    versionIds: versions.rows.map((r) => r.id),
  }
}
