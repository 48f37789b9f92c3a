import { useQuery } from '@tanstack/react-query'
import type { Department, EmployeePage, Position } from '../../../../contracts/organisation.ts'
import { apiClient } from '../../../lib/api-client.ts'

export type OrganisationSummary = { departments: number; positions: number; activeEmployees: number }

// Head counts for the dashboard: departments, positions and active employees (one row fetched, the total read).
export async function getOrganisationSummary(): Promise<OrganisationSummary> {
  const [departments, positions, employees] = await Promise.all([
    apiClient.get<{ items: Department[] }>('/departments'),
    apiClient.get<{ items: Position[] }>('/positions'),
    apiClient.get<EmployeePage>('/employees', { status: 'active', page: 1, pageSize: 1 }),
  ])
  return {
    departments: departments.items.length,
    positions: positions.items.length,
    activeEmployees: employees.total,
  }
}

export function useOrganisationSummary() {
  return useQuery({ queryKey: ['home', 'organisation-summary'], queryFn: getOrganisationSummary })
}
