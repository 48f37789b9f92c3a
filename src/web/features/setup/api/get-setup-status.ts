import { useQuery } from '@tanstack/react-query'
import type { SetupStatus } from '../../../../contracts/companies.ts'
import { apiClient } from '../../../lib/api-client.ts'

export const setupStatusQueryKey = ['setup', 'status'] as const

// Whether the database holds no company yet (first run): then the login page sends people to /setup.
export function getSetupStatus(): Promise<SetupStatus> {
  return apiClient.get<SetupStatus>('/setup')
}

export function useSetupStatus() {
  return useQuery({ queryKey: setupStatusQueryKey, queryFn: getSetupStatus, staleTime: 60_000, retry: false })
}
