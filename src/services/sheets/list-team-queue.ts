import { listTeamQueueSheets } from '../../db/sheet-list-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

const waitingOnReviewer = new Set(['draft', 'self_submitted', 'computed'])

/** Rows per page of the read-only and archived lists (the team page's table page). */
export const teamQueuePageSize = 20

export type TeamQueueOptions = {
  cycleId?: number
  /** Page size of readOnly and archived (default 20, at most 200). */
  limit?: number
  readOnlyOffset?: number
  archivedOffset?: number
}

/**
 * "My team": the unfinished sheets the signed-in supervisor reviews (direct reports and delegated ones),
 * each marked whether it waits on them now; one page of the unfinished sheets of the rest of the reporting
 * tree, read-only; one page of the final sheets of both (archived); the cycles of all of them. One query.
 */
export async function listTeamQueue(deps: WorkflowDeps, actor: Actor, options: TeamQueueOptions = {}) {
  const limit = Math.min(Math.max(1, options.limit ?? teamQueuePageSize), 200)
  const readOnlyOffset = Math.max(0, options.readOnlyOffset ?? 0)
  const archivedOffset = Math.max(0, options.archivedOffset ?? 0)
  if (actor.employeeId === null)
    return {
      toReview: [],
      readOnly: [],
      readOnlyTotal: 0,
      archived: [],
      archivedTotal: 0,
      cycles: [],
      limit,
      readOnlyOffset,
      archivedOffset,
    }
  const me = actor.employeeId
  const rows = await listTeamQueueSheets(deps.db, actor.companyId, me, {
    cycleId: options.cycleId,
    limit,
    readOnlyOffset,
    archivedOffset,
  })
  return {
    toReview: rows.toReview.map((s) => ({
      ...s,
      waitingOnMe: waitingOnReviewer.has(s.state) && !(s.state === 'draft' && s.reviewerConfirmed),
    })),
    readOnly: rows.readOnly,
    readOnlyTotal: rows.readOnlyTotal,
    archived: rows.archived,
    archivedTotal: rows.archivedTotal,
    cycles: rows.cycles,
    limit,
    readOnlyOffset,
    archivedOffset,
  }
}
