import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  DirectoryDaily,
  DirectoryKindName,
  DirectorySyncResult,
  DirectorySyncRun,
} from '../../../../contracts/directory.ts'
import { apiClient } from '../../../lib/api-client.ts'

const runsKey = ['directory-sync-runs'] as const

// The latest directory sync runs of the company (admin).
export function useDirectorySyncRuns() {
  return useQuery({
    queryKey: runsKey,
    queryFn: () => apiClient.get<{ items: DirectorySyncRun[] }>('/directory/runs'),
  })
}

// 同步预览 / 确认同步: both answer what the sync would do or did; both are recorded as runs.
export function useDirectorySync(mode: 'preview' | 'apply') {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (kind: DirectoryKindName) =>
      apiClient.post<DirectorySyncResult>(`/directory/${kind}/${mode}`, {}),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: runsKey })
      if (mode === 'apply') void queryClient.invalidateQueries({ queryKey: ['employees'] })
    },
  })
}

// 每日同步 on or off for one provider.
export function useSetDailySync() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { kind: DirectoryKindName; syncDaily: boolean }) =>
      apiClient.patch<DirectoryDaily>(`/directory/${input.kind}/daily`, { syncDaily: input.syncDaily }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['identity-providers'] }),
  })
}
