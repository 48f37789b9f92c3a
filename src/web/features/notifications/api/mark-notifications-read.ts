import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '../../../lib/api-client.ts'
import { notificationQueryKeys } from './notification-query-keys.ts'

// Marks the listed notifications read, or all of mine; answers how many changed.
export function markNotificationsRead(ids: number[] | 'all'): Promise<{ marked: number }> {
  return apiClient.post<{ marked: number }>('/notifications/read', { ids })
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: markNotificationsRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationQueryKeys.list }),
  })
}
