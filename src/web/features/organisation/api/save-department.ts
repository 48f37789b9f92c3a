import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Department, DepartmentInput, DepartmentPatch } from '../../../../contracts/organisation.ts'
import { apiClient } from '../../../lib/api-client.ts'

// Creating, editing, moving (parentId), retiring and restoring a department; every change refreshes the organisation.
export type DepartmentChange =
  | { kind: 'create'; input: DepartmentInput }
  | { kind: 'update'; id: number; patch: DepartmentPatch }
  | { kind: 'retire' | 'restore'; id: number }

export function saveDepartment(change: DepartmentChange): Promise<Department> {
  switch (change.kind) {
    case 'create':
      return apiClient.post<Department>('/departments', change.input)
    case 'update':
      return apiClient.patch<Department>(`/departments/${change.id}`, change.patch)
    case 'retire':
    case 'restore':
      return apiClient.post<Department>(`/departments/${change.id}/${change.kind}`)
  }
}

export function useSaveDepartment() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: saveDepartment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organisation'] }),
  })
}
