import { useQuery } from '@tanstack/react-query'
import type { OverdueItem } from '../../../../contracts/sheets.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { sheetQueryKeys } from '../../sheets/api/sheet-query-keys.ts'

// Steps the signed-in user owes (as employee, reviewer or HR) whose due date has passed.
export async function listMyOverdue(): Promise<OverdueItem[]> {
  return (await apiClient.get<{ items: OverdueItem[] }>('/me/overdue')).items
}

export function useMyOverdue() {
  return useQuery({ queryKey: sheetQueryKeys.overdue, queryFn: listMyOverdue })
}
