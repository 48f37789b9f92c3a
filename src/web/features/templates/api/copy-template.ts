import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '../../../lib/api-client.ts'
import type { SavedTemplate } from './template-api-types.ts'
import { templateQueryKeys } from './template-query-keys.ts'

export type CopyTemplateInput = { id: number; code: string; name: string }

// Copies a template (built-in or custom) into a new custom template with its own code and name.
export function copyTemplate({ id, code, name }: CopyTemplateInput): Promise<SavedTemplate> {
  return apiClient.post<SavedTemplate>(`/templates/${id}/copy`, { code, name })
}

export function useCopyTemplate() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: copyTemplate,
    // Not awaited: the caller's own onSuccess (message, navigation) runs before the refetch remounts the page.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: templateQueryKeys.all })
    },
  })
}
