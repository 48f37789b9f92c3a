import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { TeamDashboard } from '../../../../contracts/dashboards.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { dashboardQueryKeys } from './dashboard-query-keys.ts'

export type TeamDashboardFilter = { cycleId?: number; departmentId?: number; threshold?: number }

// The team dashboard: the supervisor's reporting tree, or the company for HR and admin.
export function getTeamDashboard(filter: TeamDashboardFilter): Promise<TeamDashboard> {
  return apiClient.get('/dashboards/team', filter)
}

export function useTeamDashboard(filter: TeamDashboardFilter) {
  return useQuery({
    queryKey: dashboardQueryKeys.team(filter),
    queryFn: () => getTeamDashboard(filter),
    placeholderData: keepPreviousData,
  })
}
