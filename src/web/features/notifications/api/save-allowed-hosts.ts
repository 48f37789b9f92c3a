import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { WebhookAllowedHosts } from '../../../../contracts/notifications.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { notificationQueryKeys } from './notification-query-keys.ts'

// Replaces the group robot's allow-list of hosts (admin); answers the list as stored (normalised, no repeats).
export function saveAllowedHosts(hosts: string[]): Promise<WebhookAllowedHosts> {
  return apiClient.put<WebhookAllowedHosts>('/notifications/allowed-hosts', { hosts })
}

export function useSaveAllowedHosts() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: saveAllowedHosts,
    onSuccess: (stored) => queryClient.setQueryData(notificationQueryKeys.allowedHosts, stored),
  })
}
