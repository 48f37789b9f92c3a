import { useQuery } from '@tanstack/react-query'
import type { TemplateSummary } from '../../../../contracts/template-api.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { templateQueryKeys } from './template-query-keys.ts'

// The template library, archived templates included when asked.
export async function listTemplates(includeArchived: boolean): Promise<TemplateSummary[]> {
  const { items } = await apiClient.get<{ items: TemplateSummary[] }>('/templates', {
    includeArchived: includeArchived ? 'true' : undefined,
  })
  return items
}

export function useTemplates(includeArchived = true) {
  return useQuery({
    queryKey: templateQueryKeys.list(includeArchived),
    queryFn: () => listTemplates(includeArchived),
  })
}
