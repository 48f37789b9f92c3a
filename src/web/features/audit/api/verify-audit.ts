import { useMutation } from '@tanstack/react-query'
import { apiClient } from '../../../lib/api-client.ts'

export type AuditCheck = { ok: boolean; rows: number; brokenRowId?: number; reason?: string }

// Recomputes the company's hash chain on the server; reports the first broken row.
export function verifyAudit(): Promise<AuditCheck> {
  return apiClient.get<AuditCheck>('/audit/verify')
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: verifyAudit })
}
