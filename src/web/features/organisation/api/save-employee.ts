import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Employee, EmployeeInput, EmployeePatch } from '../../../../contracts/organisation.ts'
import { apiClient } from '../../../lib/api-client.ts'

// Adding and editing an employee; moving is a patch of departmentId / managerId, 办理离职 a patch of leaveDate.
export type EmployeeChange =
  | { kind: 'create'; input: EmployeeInput }
  | { kind: 'update'; id: number; patch: EmployeePatch }

export function saveEmployee(change: EmployeeChange): Promise<Employee> {
  return change.kind === 'create'
    ? apiClient.post<Employee>('/employees', change.input)
    : apiClient.patch<Employee>(`/employees/${change.id}`, change.patch)
}

export function useSaveEmployee() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: saveEmployee,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organisation'] }),
  })
}
