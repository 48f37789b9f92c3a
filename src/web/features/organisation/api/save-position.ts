import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Position, PositionInput, PositionPatch } from '../../../../contracts/organisation.ts'
import { apiClient } from '../../../lib/api-client.ts'

// Creating, editing (with the job description 岗位说明书), retiring and restoring a position.
export type PositionChange =
  | { kind: 'create'; input: PositionInput }
  | { kind: 'update'; id: number; patch: PositionPatch }
  | { kind: 'retire' | 'restore'; id: number }

export function savePosition(change: PositionChange): Promise<Position> {
  switch (change.kind) {
    case 'create':
      return apiClient.post<Position>('/positions', change.input)
    case 'update':
      return apiClient.patch<Position>(`/positions/${change.id}`, change.patch)
    case 'retire':
    case 'restore':
      return apiClient.post<Position>(`/positions/${change.id}/${change.kind}`)
  }
}

export function useSavePosition() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: savePosition,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organisation'] }),
  })
}
