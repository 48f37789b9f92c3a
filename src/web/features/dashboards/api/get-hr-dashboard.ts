import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { HrDashboard } from '../../../../contracts/dashboards.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { dashboardQueryKeys } from './dashboard-query-keys.ts'

export type HrDashboardFilter = { cycleId?: number; departmentId?: number }

// The company dashboard of a cycle (the latest when none is picked), optionally one department.
export function getHrDashboard(filter: HrDashboardFilter): Promise<HrDashboard> {
  return apiClient.get('/dashboards/hr', filter)
}

export function useHrDashboard(filter: HrDashboardFilter) {
  return useQuery({
    queryKey: dashboardQueryKeys.hr(filter),
    queryFn: () => getHrDashboard(filter),
    placeholderData: keepPreviousData,
  })
}
