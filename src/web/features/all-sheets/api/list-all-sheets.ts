import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { CycleSheetPage, CycleSheetSearch } from '../../../../contracts/cycle-sheets.ts'
import type { TeamQueue } from '../../../../contracts/sheets.ts'
import { apiClient } from '../../../lib/api-client.ts'

export const allSheetsQueryKeys = {
  page: (cycleId: number, query: CycleSheetSearch) => ['all-sheets', cycleId, query] as const,
  cycles: (staff: boolean) => ['all-sheets', 'cycles', staff] as const,
}

// 全部考核表: one page of a cycle's sheets as GET /api/cycles/{id}/all-sheets answers it, filters in the query.
export function getAllSheets(cycleId: number, query: CycleSheetSearch): Promise<CycleSheetPage> {
  return apiClient.get<CycleSheetPage>(`/cycles/${cycleId}/all-sheets`, query)
}

export function useAllSheets(cycleId: number | undefined, query: CycleSheetSearch) {
  return useQuery({
    queryKey: allSheetsQueryKeys.page(cycleId ?? 0, query),
    queryFn: () => getAllSheets(cycleId!, query),
    enabled: cycleId !== undefined,
    placeholderData: keepPreviousData,
  })
}

/** The cycles to choose from: every cycle for HR and admin, a supervisor's team cycles otherwise. */
export async function listChoosableCycles(staff: boolean): Promise<{ id: number; name: string }[]> {
  if (staff) {
    const { items } = await apiClient.get<{ items: { id: number; name: string }[] }>('/cycles')
    return items.map(({ id, name }) => ({ id, name }))
  }
  return (await apiClient.get<TeamQueue>('/team/queue')).cycles
}

export function useChoosableCycles(staff: boolean) {
  return useQuery({ queryKey: allSheetsQueryKeys.cycles(staff), queryFn: () => listChoosableCycles(staff) })
}
