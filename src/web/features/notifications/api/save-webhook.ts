import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Webhook } from '../../../../contracts/notifications.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { notificationQueryKeys } from './notification-query-keys.ts'

// Sets the group-robot webhook, or removes it with null (admin); answers what is stored now.
export function saveWebhook(webhook: Webhook | null): Promise<Webhook | null> {
  return apiClient.put<Webhook | null>('/notifications/webhook', webhook)
}

export function useSaveWebhook() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: saveWebhook,
    onSuccess: (stored) => queryClient.setQueryData(notificationQueryKeys.webhook, stored),
  })
}
