import { DomainError } from '../../core/errors.ts'
import { type Period, parsePeriod, previousPeriod } from '../../core/metrics/parse-period.ts'
import type { Db } from '../../db/database.ts'
import type { MetricGrouping } from '../../db/metric-queries.ts'
import { computeMetric, type MetricResult } from './compute-metric.ts'

// One metric over consecutive periods of the same kind, ending with the given one, for charts: per group a
// value (or null with the reason) for each period.
export type MetricSeries = {
  metric: string
  label: MetricResult['label']
  formula: MetricResult['formula']
  unit: MetricResult['unit']
  by: MetricGrouping
  /** Period codes, oldest first (2011-10, 2011-11 …), each usable as `period` again. */
  periods: string[]
  series: { group: string; label: string; values: (string | null)[]; reasons: (string | null)[] }[]
  reason?: string
}

export const maxSeriesPeriods = 36

/** The code of a period as parsePeriod reads it (previousPeriod labels weeks by their Monday). */
export function periodCode(period: Period): string {
  const start = new Date(`${period.start}T00:00:00Z`)
  switch (period.kind) {
    case 'day':
      return period.start
    case 'month':
      return period.start.slice(0, 7)
    case 'quarter':
      return `${start.getUTCFullYear()}-Q${Math.floor(start.getUTCMonth() / 3) + 1}`
    case 'year':
      return String(start.getUTCFullYear())
    case 'week': {
      // ISO week: the week's Thursday decides the year.
      const thursday = new Date(start.getTime() + 3 * 86400000)
      const year = thursday.getUTCFullYear()
      const jan1 = Date.UTC(year, 0, 1)
      const week = Math.floor((thursday.getTime() - jan1) / (7 * 86400000)) + 1
      return `${year}-W${String(week).padStart(2, '0')}`
    }
  }
}

export async function computeMetricSeries(
  deps: { db: Db },
  input: { companyId: number; metric: string; by: MetricGrouping; period: string; count: number },
): Promise<MetricSeries> {
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > maxSeriesPeriods)
    throw new DomainError('invalid_input', `count must be 1–${maxSeriesPeriods}`, [
      { path: 'count', message: String(input.count) },
    ])
  const periods: Period[] = [parsePeriod(input.period)]
  while (periods.length < input.count) periods.unshift(previousPeriod(periods[0] as Period))
  const codes = periods.map(periodCode)
  const results: MetricResult[] = []
  for (const code of codes) results.push(await computeMetric(deps, { ...input, period: code }))
  const first = results[results.length - 1] as MetricResult
  const groups = new Map<string, MetricSeries['series'][number]>()
  results.forEach((result, i) => {
    for (const v of result.values) {
      let line = groups.get(v.group)
      if (!line) {
        line = {
          group: v.group,
          label: v.label,
          values: codes.map(() => null),
          reasons: codes.map(() => 'no imported rows for this group and period'),
        }
        groups.set(v.group, line)
      }
      line.values[i] = v.value
      line.reasons[i] = v.value === null ? (v.reason ?? null) : null
    }
  })
  return {
    metric: first.metric,
    label: first.label,
    formula: first.formula,
    unit: first.unit,
    by: input.by,
    periods: codes,
    series: [...groups.values()].sort((a, b) => a.label.localeCompare(b.label, 'zh-CN')),
    reason: first.reason,
  }
}
