import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { apiClient } from '../../../lib/api-client.ts'

/** One audit row: who, when, what, before → after, why. */
export type AuditRow = {
  id: number
  actorUserId: number | null
  actorName: string | null
  action: string
  entity: string
  entityId: string
  before: unknown
  after: unknown
  reason: string | null
  createdAt: string
}

export type AuditFilter = { entity?: string; entityId?: string; page: number; pageSize: number }
export type AuditPage = { items: AuditRow[]; page: number; pageSize: number; total: number }

// A page of audit rows, newest first, optionally of one entity.
export function listAudit(filter: AuditFilter): Promise<AuditPage> {
  return apiClient.get<AuditPage>('/audit', filter)
}

export function useAudit(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', 'list', filter],
    queryFn: () => listAudit(filter),
    placeholderData: keepPreviousData,
  })
}
