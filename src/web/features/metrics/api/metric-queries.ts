import { useQuery } from '@tanstack/react-query'
import type { MetricResult } from '../../../../contracts/ingest.ts'
import type { MetricDefinitionItem, MetricSeries } from '../../../../contracts/ingest-api.ts'
import { apiClient } from '../../../lib/api-client.ts'

// The metrics explorer's calls: the catalogue, one metric for a period, and its series over periods.
/** Whose figure: one employee's, a team's, a shop's or the company's (the contract's `by`). */
export type MetricGrouping = MetricResult['by']

export function useMetricCatalogue() {
  return useQuery({
    queryKey: ['metrics', 'catalogue'],
    queryFn: async () => (await apiClient.get<{ items: MetricDefinitionItem[] }>('/metrics')).items,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useMetric(metric: string | undefined, by: MetricGrouping, period: string) {
  return useQuery({
    queryKey: ['metrics', 'value', metric, by, period],
    queryFn: () => apiClient.get<MetricResult>(`/metrics/${metric}`, { by, period }),
    enabled: Boolean(metric && period),
    retry: false,
  })
}

export function useMetricSeries(
  metric: string | undefined,
  by: MetricGrouping,
  period: string,
  count: number,
) {
  return useQuery({
    queryKey: ['metrics', 'series', metric, by, period, count],
    queryFn: () => apiClient.get<MetricSeries>(`/metrics/${metric}/series`, { by, period, count }),
    enabled: Boolean(metric && period),
    retry: false,
  })
}
