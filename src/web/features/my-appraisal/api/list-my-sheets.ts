import { useQuery } from '@tanstack/react-query'
import type { SheetSummary } from '../../../../contracts/sheets.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { sheetQueryKeys } from '../../sheets/api/sheet-query-keys.ts'

// "My appraisal" (我的考核): the signed-in employee's own sheets, newest period first.
export async function listMySheets(): Promise<SheetSummary[]> {
  return (await apiClient.get<{ items: SheetSummary[] }>('/me/sheets')).items
}

export function useMySheets(enabled = true) {
  return useQuery({ queryKey: sheetQueryKeys.mine, queryFn: listMySheets, enabled })
}
