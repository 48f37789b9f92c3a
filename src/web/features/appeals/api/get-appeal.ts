import { useQuery } from '@tanstack/react-query'
import type { AppealDetail } from '../../../../contracts/appeal-detail.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { appealQueryKeys } from './appeal-query-keys.ts'

export function getAppeal(id: number): Promise<AppealDetail> {
  return apiClient.get<AppealDetail>(`/appeals/${id}`)
}

// One appeal with its sheet, notes and the sheet's score history.
export function useAppeal(id: number) {
  return useQuery({ queryKey: appealQueryKeys.detail(id), queryFn: () => getAppeal(id) })
}
