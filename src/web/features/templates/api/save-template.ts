import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Template } from '../../../../core/templates/template.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { putJson } from './put-json.ts'
import type { SavedTemplate } from './template-api-types.ts'
import { templateQueryKeys } from './template-query-keys.ts'

export type SaveTemplateInput =
  | { id?: undefined; definition: Template; note?: string }
  | { id: number; definition: Template; expectedVersion: number; note?: string }

// Saves a draft: a new template (POST) or the next version of an existing one (PUT; 409 `conflict` when
// someone saved first).
export function saveTemplate(input: SaveTemplateInput): Promise<SavedTemplate> {
  if (input.id === undefined) {
    return apiClient.post<SavedTemplate>('/templates', { definition: input.definition, note: input.note })
  }
  return putJson<SavedTemplate>(`/templates/${input.id}`, {
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
