import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { TeamQueue } from '../../../../contracts/sheets.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { sheetQueryKeys } from '../../sheets/api/sheet-query-keys.ts'

/** The team queue as GET /api/team/queue answers it: read-only and archived sheets come a page at a time. */
export type TeamQueuePage = TeamQueue

/** Rows per page of the read-only and archived lists (the server's default page size). */
export const teamQueuePageSize = 20

export type TeamQueuePaging = { readOnlyOffset?: number; archivedOffset?: number }

// "My team" (我的团队): the unfinished sheets I review, each marked whether it waits on me, one page of the
// rest of my reporting tree read-only and one page of the final sheets; optionally one cycle.
export function getTeamQueue(cycleId?: number, paging: TeamQueuePaging = {}): Promise<TeamQueuePage> {
  return apiClient.get<TeamQueuePage>('/team/queue', {
    cycleId,
    readOnlyOffset: paging.readOnlyOffset || undefined,
    archivedOffset: paging.archivedOffset || undefined,
  })
}

export function useTeamQueue(cycleId?: number, paging: TeamQueuePaging = {}) {
  const readOnlyOffset = paging.readOnlyOffset ?? 0
  const archivedOffset = paging.archivedOffset ?? 0
  return useQuery({
    queryKey: [...sheetQueryKeys.team(cycleId), readOnlyOffset, archivedOffset],
    queryFn: () => getTeamQueue(cycleId, { readOnlyOffset, archivedOffset }),
    placeholderData: keepPreviousData,
  })
}
