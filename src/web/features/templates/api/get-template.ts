import { useQuery } from '@tanstack/react-query'
import type { TemplateDetail } from '../../../../contracts/template-api.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { templateQueryKeys } from './template-query-keys.ts'

// One template at a version (the latest when none is given), with its version history.
export function getTemplate(id: number, version?: number): Promise<TemplateDetail> {
  return apiClient.get<TemplateDetail>(`/templates/${id}`, { version })
}

export function useTemplate(id: number, version?: number) {
  return useQuery({
    queryKey: templateQueryKeys.detail(id, version),
    queryFn: () => getTemplate(id, version),
    enabled: Number.isInteger(id) && id > 0,
  })
}
