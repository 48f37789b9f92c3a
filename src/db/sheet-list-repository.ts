import { sql } from 'kysely'
import type { Db } from './database.ts'
import type { SheetSummary } from './sheet-repository.ts'

// The two lists every signed-in person opens first, "my appraisal" and "my team", read for speed on both
// engines (issue 5: p95 ≤ 30 ms under 50 clients). On single-threaded PGlite the cost is less the scan than
// planning a five-way join and decoding every column of every row, so each list is one statement that
// joins little (names come from scalar subqueries), and returns one JSON value already in SheetSummary's
// shape and key order (dates 'YYYY-MM-DD', numerics as JSON numbers). Each lives in a SQL function so that its
// plan is kept between calls: jixiao_own_sheets (migration 0018) and jixiao_team_queue (0016, 0017), whose
// sheets have the same columns.

type SummaryJson = Omit<SheetSummary, 'updatedAt'> & { updatedAt: string }

function toSummary(row: SummaryJson): SheetSummary {
  // JSON carries timestamps as ISO text with microseconds; Date keeps milliseconds, as the drivers do.
  return { ...row, updatedAt: new Date(row.updatedAt) }
}

/**
 * One employee's own sheets, newest period first (at most 1,000): "my appraisal". One call of
 * jixiao_own_sheets (migration 0018), whose plan the connection keeps.
 */
export async function listOwnSheetSummaries(
  db: Db,
  companyId: number,
  employeeId: number,
): Promise<SheetSummary[]> {
  const result = await sql<{ sheets: SummaryJson[] | null }>`
    select jixiao_own_sheets(${companyId}::int, ${employeeId}::int) as sheets`.execute(db)
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
