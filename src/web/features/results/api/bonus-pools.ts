import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { BonusPool, BonusPoolInput } from '../../../../contracts/pay.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { resultsQueryKeys } from './results-query-keys.ts'

// Bonus pools (奖金池): the list, one pool with its lines, allocating a new one, approving (finance) and deleting
// a draft (HR, admin).
export function useBonusPools() {
  return useQuery({
    queryKey: resultsQueryKeys.bonusPools(),
    queryFn: () => apiClient.get<{ items: BonusPool[] }>('/bonus-pools'),
  })
}

export function useBonusPool(id: number | undefined) {
  return useQuery({
    queryKey: resultsQueryKeys.bonusPool(id ?? 0),
    queryFn: () => apiClient.get<BonusPool>(`/bonus-pools/${id}`),
    enabled: id !== undefined,
  })
}

export function useCreateBonusPool() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: BonusPoolInput) => apiClient.post<BonusPool>('/bonus-pools', input),
    onSuccess: () => client.invalidateQueries({ queryKey: resultsQueryKeys.bonusPools() }),
  })
}

export function useApproveBonusPool() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, note }: { id: number; note?: string }) =>
      apiClient.post<BonusPool>(`/bonus-pools/${id}/approve`, note ? { note } : {}),
    onSuccess: (pool) => {
      client.setQueryData(resultsQueryKeys.bonusPool(pool.id), pool)
      return client.invalidateQueries({ queryKey: resultsQueryKeys.bonusPools(), exact: true })
    },
  })
}

export function useDeleteBonusPool() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: number) => apiClient.delete(`/bonus-pools/${id}`),
    onSuccess: (_, id) => {
      client.removeQueries({ queryKey: resultsQueryKeys.bonusPool(id) })
      return client.invalidateQueries({ queryKey: resultsQueryKeys.bonusPools(), exact: true })
    },
  })
}
