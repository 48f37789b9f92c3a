import { sql } from 'kysely'
import type { Db } from './database.ts'
import type { SheetSummary } from './sheet-repository.ts'

// The two lists every signed-in person opens first, "my appraisal" and "my team", read for speed on both
// engines (issue 5: p95 ≤ 30 ms under 50 clients). On single-threaded PGlite the cost is less the scan than
// planning a five-way join and decoding every column of every row, so each list is one statement that
// joins little (names come from scalar subqueries), and returns one JSON value already in SheetSummary's
// shape and key order. The team queue's statement lives in a function (migrations 0016, 0017) so that its plan is
// kept between calls; its sheets have the same columns as summaryJsonColumns here.

type SummaryJson = Omit<SheetSummary, 'updatedAt'> & { updatedAt: string }

// One summary per sheet (s = appraisal_sheets, c = its cycle, e = its employee), as the columns of a row
// that json_agg turns into an object with SheetSummary's keys in SheetSummary's order. Dates stay
// 'YYYY-MM-DD' and numerics become JSON numbers (= Number(text)), as listSheetSummaries gives them.
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
 * The team queue of one employee: the sheets they review or that lie in their reporting tree (their own
 * excluded), split into sections, with the section totals, the cycles and the requested pages (newest period
 * first, then by id). One call of jixiao_team_queue (migrations 0016, 0017), whose plan the connection keeps.
 */
export async function listTeamQueueSheets(
  db: Db,
  companyId: number,
  me: number,
  options: { cycleId?: number; limit: number; readOnlyOffset: number; archivedOffset: number },
): Promise<TeamQueueListing> {
  const result = await sql<{
    queue: {
      totals: Partial<Record<TeamQueueSection, number>> | null
      cycles: { id: number; name: string }[] | null
      sheets: (SummaryJson & { section: TeamQueueSection })[] | null
    }
  }>`select jixiao_team_queue(${companyId}::int, ${me}::int, ${options.cycleId ?? null}::int,
    ${options.limit}::int, ${options.readOnlyOffset}::int, ${options.archivedOffset}::int) as queue`.execute(
    db,
  )
  const queue = result.rows[0]?.queue
  const listing: TeamQueueListing = {
    toReview: [],
    readOnly: [],
    readOnlyTotal: queue?.totals?.readOnly ?? 0,
    archived: [],
    archivedTotal: queue?.totals?.archived ?? 0,
    cycles: queue?.cycles ?? [],
  }
  for (const { section, ...sheet } of queue?.sheets ?? []) {
    const list =
      section === 'review' ? listing.toReview : section === 'readOnly' ? listing.readOnly : listing.archived
    list.push(toSummary(sheet))
  }
  return listing
}
