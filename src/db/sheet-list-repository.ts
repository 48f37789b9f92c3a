import { type RawBuilder, sql } from 'kysely'
import type { Db } from './database.ts'
import type { SheetSummary } from './sheet-repository.ts'

// The two lists every signed-in person opens first, "my appraisal" and "my team", read for speed on both
// engines (issue 5: p95 ≤ 30 ms under 50 clients). On single-threaded PGlite the cost is less the scan than
// planning a five-way join and decoding every column of every row, so each list is one statement that
// joins little (names come from scalar subqueries), and returns one JSON value already in SheetSummary's
// shape and key order.

type SummaryJson = Omit<SheetSummary, 'updatedAt'> & { updatedAt: string }

// One summary per sheet (s = appraisal_sheets, c = its cycle, e = its employee), as the columns of a row
// that json_agg turns into an object with SheetSummary's keys in SheetSummary's order. Dates stay
// 'YYYY-MM-DD' and numerics become JSON numbers (= Number(text)), as in the row-by-row listing.
const summaryJsonColumns = sql`s.id, s.cycle_id as "cycleId", c.name as "cycleName", c.kind as "cycleKind",
  c.period_start as "periodStart", c.period_end as "periodEnd", s.employee_id as "employeeId",
  e.employee_no as "employeeNo", e.name as "employeeName", s.department_id as "departmentId",
  (select d.name from departments d where d.id = s.department_id) as "departmentName",
  s.reviewer_employee_id as "reviewerEmployeeId",
  (select r.name from employees r where r.id = s.reviewer_employee_id) as "reviewerName",
  s.state, s.version, s.total, s.grade, s.owner_confirmed_at is not null as "ownerConfirmed",
  s.reviewer_confirmed_at is not null as "reviewerConfirmed", s.appeal_deadline as "appealDeadline",
  c.deadlines, s.updated_at as "updatedAt"`

function toSummary(row: SummaryJson): SheetSummary {
  // JSON carries timestamps as ISO text with microseconds; Date keeps milliseconds, as the drivers do.
  return { ...row, updatedAt: new Date(row.updatedAt) }
}

/** One employee's own sheets, newest period first (at most 1,000): "my appraisal". */
export async function listOwnSheetSummaries(
  db: Db,
  companyId: number,
  employeeId: number,
): Promise<SheetSummary[]> {
  const result = await sql<{ sheets: SummaryJson[] | null }>`
    select json_agg(t order by t."periodStart" desc, t.id) as sheets
    from (
      select ${summaryJsonColumns}
      from appraisal_sheets s
      join cycles c on c.id = s.cycle_id
      join employees e on e.id = s.employee_id
      where s.company_id = ${companyId} and s.employee_id = ${employeeId}
      order by c.period_start desc, s.id
      limit 1000
    ) t`.execute(db)
  return (result.rows[0]?.sheets ?? []).map(toSummary)
}

/**
 * Ids of an employee and everyone whose manager chain leads to them (the 下属 tree), as a CTE named
 * `tree`. Each level looks up the reports of each member through employees (company_id, manager_id): the
 * lateral subquery (kept apart by `offset 0`) stops the planner from hashing every employee of the company
 * at every level. `union` drops repeats, so a cycle in the manager chain still ends.
 */
function reportingTree(companyId: number, rootEmployeeId: number): RawBuilder<unknown> {
  return sql`tree(id) as (
    select id from employees where company_id = ${companyId} and id = ${rootEmployeeId}
    union
    select report.id from tree cross join lateral (
      select e.id from employees e where e.company_id = ${companyId} and e.manager_id = tree.id offset 0
    ) report
  )`
}

export type TeamQueueSection = 'review' | 'readOnly' | 'archived'

export type TeamQueueListing = {
  /** Unfinished sheets the employee reviews (all of them, newest period first; at most 1,000). */
  toReview: SheetSummary[]
  /** One page of the unfinished sheets of the rest of the reporting tree, and how many there are. */
  readOnly: SheetSummary[]
  readOnlyTotal: number
  /** One page of the final (archived) sheets of both, and how many there are. */
  archived: SheetSummary[]
  archivedTotal: number
  /** The cycles the queue's sheets belong to (newest period first), for a cycle filter. */
  cycles: { id: number; name: string }[]
}

/**
 * The team queue of one employee in one statement: the sheets they review or that lie in their reporting
 * tree (their own excluded) are read once into a small materialised list (id, cycle, period, section); the
 * section totals, the cycles and the requested pages (newest period first, then by id) are read from it,
 * and only the sheets of those pages are joined to their names.
 */
export async function listTeamQueueSheets(
  db: Db,
  companyId: number,
  me: number,
  options: { cycleId?: number; limit: number; readOnlyOffset: number; archivedOffset: number },
): Promise<TeamQueueListing> {
  const cycleFilter = options.cycleId === undefined ? sql`` : sql`and s.cycle_id = ${options.cycleId}`
  const pageOf = (section: TeamQueueSection, limit: number, offset: number) =>
    sql`(select id, section from queue where section = ${section}
      order by period_start desc, id limit ${limit} offset ${offset})`
  const result = await sql<{
    totals: { section: TeamQueueSection; n: number }[] | null
    cycles: { id: number; name: string }[] | null
    sheets: (SummaryJson & { section: TeamQueueSection })[] | null
  }>`
    with recursive ${reportingTree(companyId, me)},
    queue as materialized (
      select s.id, s.cycle_id, c.period_start,
        case when s.state = 'final' then 'archived' when s.reviewer_employee_id = ${me} then 'review'
          else 'readOnly' end as section
      from appraisal_sheets s
      join cycles c on c.id = s.cycle_id
      where s.company_id = ${companyId} and s.employee_id <> ${me} ${cycleFilter}
        and (s.reviewer_employee_id = ${me} or s.employee_id = any(array(select id from tree)))
    ),
    page as (
      ${pageOf('review', 1000, 0)}
      union all ${pageOf('readOnly', options.limit, options.readOnlyOffset)}
      union all ${pageOf('archived', options.limit, options.archivedOffset)}
    )
    select
      (select json_agg(t) from (select section, count(*)::int as n from queue group by section) t) as totals,
      (select json_agg(json_build_object('id', c.id, 'name', c.name) order by c.period_start desc, c.id)
        from cycles c where c.id in (select cycle_id from queue)) as cycles,
      (select json_agg(t order by t."periodStart" desc, t.id) from (
        select p.section, ${summaryJsonColumns}
        from page p
        join appraisal_sheets s on s.id = p.id
        join cycles c on c.id = s.cycle_id
        join employees e on e.id = s.employee_id
      ) t) as sheets`.execute(db)
  const row = result.rows[0]
  const total = (section: TeamQueueSection) => row?.totals?.find((t) => t.section === section)?.n ?? 0
  const listing: TeamQueueListing = {
    toReview: [],
    readOnly: [],
    readOnlyTotal: total('readOnly'),
    archived: [],
    archivedTotal: total('archived'),
    cycles: row?.cycles ?? [],
  }
  for (const { section, ...sheet } of row?.sheets ?? []) {
    const list =
      section === 'review' ? listing.toReview : section === 'readOnly' ? listing.readOnly : listing.archived
    list.push(toSummary(sheet))
  }
  return listing
}
