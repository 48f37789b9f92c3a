import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { Template } from '../../../../contracts/template.ts'
import type { TemplateIssue } from '../../../../contracts/template-api.ts'
import { apiClient } from '../../../lib/api-client.ts'

// Checks a draft without saving it; an empty list means it is valid.
export async function validateTemplate(definition: Template): Promise<TemplateIssue[]> {
  const { issues } = await apiClient.post<{ issues: TemplateIssue[] }>('/templates/validate', { definition })
  return issues
}

/** Validation of the (already debounced) draft; the previous answer stays on screen while the next one loads. */
export function useTemplateValidation(definition: Template | undefined) {
  return useQuery({
    queryKey: ['templates', 'validate', definition],
    queryFn: () => validateTemplate(definition as Template),
    enabled: definition !== undefined,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
  })
}
