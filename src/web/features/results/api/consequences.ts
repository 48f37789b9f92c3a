import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  ConsequenceLists,
  ImprovementPlan,
  ImprovementPlanInput,
  ImprovementPlanPatch,
} from '../../../../contracts/results.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { resultsQueryKeys } from './results-query-keys.ts'

// Consequence lists of a year (辞退评审, 晋升候选, 改进计划, 调薪建议) and the improvement/training plans.
export function useConsequences(year: number, cycleId: number | undefined) {
  return useQuery({
    queryKey: resultsQueryKeys.consequences(year, cycleId),
    queryFn: () => apiClient.get<ConsequenceLists>('/consequences', { year, cycleId }),
    placeholderData: keepPreviousData,
  })
}

export function useImprovementPlans(enabled: boolean) {
  return useQuery({
    queryKey: resultsQueryKeys.plans(),
    queryFn: () => apiClient.get<{ items: ImprovementPlan[] }>('/improvement-plans'),
    enabled,
  })
}

export function useCreateImprovementPlan() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: ImprovementPlanInput) => apiClient.post<ImprovementPlan>('/improvement-plans', input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['results'] }),
  })
}

export function useUpdateImprovementPlan() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: ImprovementPlanPatch }) =>
      apiClient.patch<ImprovementPlan>(`/improvement-plans/${id}`, patch),
    onSuccess: () => client.invalidateQueries({ queryKey: ['results'] }),
  })
}
