import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { TemplateSaved } from '../../../../contracts/template-api.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { templateQueryKeys } from './template-query-keys.ts'

export type CopyTemplateInput = { id: number; code: string; name: string }

// Copies a template (built-in or custom) into a new custom template with its own code and name.
export function copyTemplate({ id, code, name }: CopyTemplateInput): Promise<TemplateSaved> {
  return apiClient.post<TemplateSaved>(`/templates/${id}/copy`, { code, name })
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
