// Query keys of the notifications feature.
export const notificationQueryKeys = {
  all: ['notifications'] as const,
  list: ['notifications', 'list'] as const,
  webhook: ['notifications', 'webhook'] as const,
  allowedHosts: ['notifications', 'allowed-hosts'] as const,
}
