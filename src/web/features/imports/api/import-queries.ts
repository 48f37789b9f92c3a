import { useQuery } from '@tanstack/react-query'
import type { AttributionInput, ImportOptions, SaveImportMapping } from '../../../../contracts/ingest.ts'
import type {
  AttributionItem,
  FactKindInfo,
  ImportHistoryItem,
  ImportJob,
  ImportPreset,
  UnmappedName,
} from '../../../../contracts/ingest-api.ts'
import type { EmployeePage } from '../../../../contracts/organisation.ts'
import { apiClient } from '../../../lib/api-client.ts'

// The import feature's calls: jobs, history, undo, presets, attributions and the names still unmapped.
export const importQueryKeys = {
  all: ['imports'] as const,
  history: ['imports', 'history'] as const,
  presets: ['imports', 'presets'] as const,
  attributions: ['imports', 'attributions'] as const,
  unmapped: ['imports', 'unmapped'] as const,
  staff: ['imports', 'staff'] as const,
}

export const startImportJob = (uploadId: string, mode: 'validate' | 'import', options: ImportOptions) =>
  apiClient.post<ImportJob>(`/imports/uploads/${uploadId}/${mode}`, options)

export const getImportJob = (id: string) => apiClient.get<ImportJob>(`/imports/jobs/${id}`)

export const cancelImportJob = (id: string) => apiClient.post<ImportJob>(`/imports/jobs/${id}/cancel`, {})

export const undoImport = (id: number) =>
  apiClient.post<{ importId: number; removedRows: number }>(`/imports/${id}/undo`, {})

export const saveAttribution = (input: AttributionInput) =>
  apiClient.put<AttributionItem>('/attributions', input)

export const deleteAttribution = (id: number) => apiClient.delete(`/attributions/${id}`)

export function useImportHistory() {
  return useQuery({
    queryKey: importQueryKeys.history,
    queryFn: async () => (await apiClient.get<{ items: ImportHistoryItem[] }>('/imports')).items,
  })
}

export function usePresets() {
  return useQuery({
    queryKey: importQueryKeys.presets,
    queryFn: async () => (await apiClient.get<{ items: ImportPreset[] }>('/imports/presets')).items,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useAttributions() {
  return useQuery({
    queryKey: importQueryKeys.attributions,
    queryFn: async () => (await apiClient.get<{ items: AttributionItem[] }>('/attributions')).items,
  })
}

export function useUnmappedNames() {
  return useQuery({
    queryKey: importQueryKeys.unmapped,
    queryFn: async () => (await apiClient.get<{ items: UnmappedName[] }>('/attributions/unmapped')).items,
  })
}

/** Employees (active, up to 200) and teams, for the attribution pickers. */
export function useStaffChoices() {
  return useQuery({
    queryKey: importQueryKeys.staff,
    queryFn: async () => {
      const [employees, departments] = await Promise.all([
        apiClient.get<EmployeePage>('/employees', { status: 'active', pageSize: 200 }),
        apiClient.get<{ items: { id: number; name: string }[] }>('/departments'),
      ])
      return { employees: employees.items, departments: departments.items }
    },
  })
}

export function useFactKinds() {
  return useQuery({
    queryKey: ['imports', 'kinds'],
    queryFn: async () => (await apiClient.get<{ items: FactKindInfo[] }>('/imports/kinds')).items,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export const saveImportMapping = (input: SaveImportMapping) =>
  apiClient.put<{ id: number }>('/imports/mappings', input)
