import { useQuery } from '@tanstack/react-query'
import type { Webhook } from '../../../../contracts/notifications.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { notificationQueryKeys } from './notification-query-keys.ts'

// The company's group-robot webhook, or null when none is set (admin only).
export function getWebhook(): Promise<Webhook | null> {
  return apiClient.get<Webhook | null>('/notifications/webhook')
}

export function useWebhook() {
  return useQuery({ queryKey: notificationQueryKeys.webhook, queryFn: getWebhook })
}
