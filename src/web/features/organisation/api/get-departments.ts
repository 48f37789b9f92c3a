import { useQuery } from '@tanstack/react-query'
import type { Department } from '../../../../contracts/organisation.ts'
import { apiClient } from '../../../lib/api-client.ts'

export const departmentsQueryKey = ['organisation', 'departments'] as const

// All departments of the signed-in user's company, flat; the tree is built on the client.
export async function getDepartments(): Promise<Department[]> {
  const { items } = await apiClient.get<{ items: Department[] }>('/departments')
  return items
}

export function useDepartments() {
  return useQuery({ queryKey: departmentsQueryKey, queryFn: getDepartments })
}
