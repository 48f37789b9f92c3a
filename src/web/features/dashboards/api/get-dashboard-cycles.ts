import { useQuery } from '@tanstack/react-query'
import type { DashboardCycle } from '../../../../contracts/dashboards.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { dashboardQueryKeys } from './dashboard-query-keys.ts'

// The cycles the signed-in user can pick on a dashboard, newest first.
export function getDashboardCycles(): Promise<{ items: DashboardCycle[] }> {
  return apiClient.get('/dashboards/cycles')
}

export function useDashboardCycles() {
  return useQuery({ queryKey: dashboardQueryKeys.cycles(), queryFn: getDashboardCycles })
}
