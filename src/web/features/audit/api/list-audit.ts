import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { AuditLanguageCode, AuditPage, AuditQuery } from '../../../../contracts/audit.ts'
import { apiClient } from '../../../lib/api-client.ts'

export type { AuditPage, AuditRow } from '../../../../contracts/audit.ts'

export type AuditFilter = Omit<AuditQuery, 'lang'> & { lang: AuditLanguageCode }

// A page of audit rows, newest first, optionally of one entity, each as a sentence in the reader's language.
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
