import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { EmployeePage, EmployeeStatus } from '../../../../contracts/organisation.ts'
import { apiClient } from '../../../lib/api-client.ts'

export type EmployeeFilters = {
  q?: string
  departmentId?: number
  positionId?: number
  status?: EmployeeStatus
  page: number
  pageSize: number
}

// One page of the employee list, filtered and paged on the server.
export function getEmployees(filters: EmployeeFilters): Promise<EmployeePage> {
  return apiClient.get<EmployeePage>('/employees', filters)
}

export function useEmployees(filters: EmployeeFilters) {
  return useQuery({
    queryKey: ['organisation', 'employees', filters],
    queryFn: () => getEmployees(filters),
    // keeps the current rows on screen while the next page loads, so the table does not jump
    placeholderData: keepPreviousData,
  })
}
