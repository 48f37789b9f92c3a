import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '../../../lib/api-client.ts'
import { templateQueryKeys } from './template-query-keys.ts'

// Archives a template (hidden from new cycles, history kept) or restores it.
export async function setTemplateArchived({
  id,
  archived,
}: {
  id: number
  archived: boolean
}): Promise<void> {
  await apiClient.post<void>(`/templates/${id}/${archived ? 'archive' : 'restore'}`)
}

export function useSetTemplateArchived() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: setTemplateArchived,
    // Not awaited: the caller's own onSuccess (message, navigation) runs before the refetch remounts the page.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: templateQueryKeys.all })
    },
  })
}
