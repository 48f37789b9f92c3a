import { useQuery } from '@tanstack/react-query'
import type { SheetDetail } from '../../../../contracts/sheets.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { sheetQueryKeys } from './sheet-query-keys.ts'

// One sheet as the signed-in user may see it (404 when it is not theirs to read).
export function getSheet(id: number): Promise<SheetDetail> {
  return apiClient.get<SheetDetail>(`/sheets/${id}`)
}

export function useSheet(id: number) {
  return useQuery({
    queryKey: sheetQueryKeys.detail(id),
    queryFn: () => getSheet(id),
    enabled: Number.isInteger(id) && id > 0,
  })
}
