import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { MyDashboard } from '../../../../contracts/dashboards.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { dashboardQueryKeys } from './dashboard-query-keys.ts'

export type MyDashboardFilter = { cycleId?: number; employeeId?: number }

// One employee's dashboard: the signed-in user's own, or someone in their scope.
export function getMyDashboard(filter: MyDashboardFilter): Promise<MyDashboard> {
  return apiClient.get('/dashboards/me', filter)
}

export function useMyDashboard(filter: MyDashboardFilter, enabled = true) {
  return useQuery({
    queryKey: dashboardQueryKeys.me(filter),
    queryFn: () => getMyDashboard(filter),
    placeholderData: keepPreviousData,
    enabled,
  })
}
