import { useQuery } from '@tanstack/react-query'
import type { NotificationList } from '../../../../contracts/notifications.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { notificationQueryKeys } from './notification-query-keys.ts'

const refreshEveryMs = 60_000

// My newest notifications with the unread count.
export function listNotifications(): Promise<NotificationList> {
  return apiClient.get<NotificationList>('/notifications')
}

/** Polled every minute and again whenever the window regains focus, so the bell stays current without a push channel. */
export function useNotifications() {
  return useQuery({
    queryKey: notificationQueryKeys.list,
    queryFn: listNotifications,
    refetchInterval: refreshEveryMs,
    refetchOnWindowFocus: 'always',
  })
}
