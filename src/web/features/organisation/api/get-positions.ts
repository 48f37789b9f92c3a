import { useQuery } from '@tanstack/react-query'
import type { Position } from '../../../../contracts/organisation.ts'
import { apiClient } from '../../../lib/api-client.ts'

export const positionsQueryKey = ['organisation', 'positions'] as const

// All positions (岗位) with their job descriptions (岗位说明书).
export async function getPositions(): Promise<Position[]> {
  const { items } = await apiClient.get<{ items: Position[] }>('/positions')
  return items
}

export function usePositions() {
  return useQuery({ queryKey: positionsQueryKey, queryFn: getPositions })
}
