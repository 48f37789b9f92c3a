import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Template } from '../../../../contracts/template.ts'
import type { TemplateSaved } from '../../../../contracts/template-api.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { templateQueryKeys } from './template-query-keys.ts'

export type SaveTemplateInput =
  | { id?: undefined; definition: Template; note?: string }
  | { id: number; definition: Template; expectedVersion: number; note?: string }

// Saves a draft: a new template (POST) or the next version of an existing one (PUT; 409 `conflict` when
// someone saved first).
export function saveTemplate(input: SaveTemplateInput): Promise<TemplateSaved> {
  if (input.id === undefined) {
    return apiClient.post<TemplateSaved>('/templates', { definition: input.definition, note: input.note })
  }
  return apiClient.put<TemplateSaved>(`/templates/${input.id}`, {
    definition: input.definition,
    expectedVersion: input.expectedVersion,
    note: input.note,
  })
}

export function useSaveTemplate() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: saveTemplate,
    // Not awaited: the caller's own onSuccess (message, navigation) runs before the refetch remounts the page.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: templateQueryKeys.all })
    },
  })
}
