import { useQuery } from '@tanstack/react-query'
import type { WebhookAllowedHosts } from '../../../../contracts/notifications.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { notificationQueryKeys } from './notification-query-keys.ts'

// The hosts besides the platforms' own that the group robot may reach (admin only).
export function getAllowedHosts(): Promise<WebhookAllowedHosts> {
  return apiClient.get<WebhookAllowedHosts>('/notifications/allowed-hosts')
}

export function useAllowedHosts() {
  return useQuery({ queryKey: notificationQueryKeys.allowedHosts, queryFn: getAllowedHosts })
}
