import { metricGroupKey, type PersonalMetricGrouping } from '../../core/metrics/metric-group-key.ts'
import { splitByShare } from '../../core/scoring/split-by-share.ts'
import type { Template } from '../../core/templates/template.ts'
import type { Db } from '../../db/database.ts'
import type { MetricGrouping } from '../../db/metric-queries.ts'
import { computeMetric, type MetricResult } from '../metrics/compute-metric.ts'

export type MetricActual = {
  metric: string
  grouping: MetricGrouping
  value: number | null
  /** The imports the value came from (an appeal can point at their rows), or why there is no value. */
  imports: number[]
  reason?: string
  /** When the indicator splits a shared figure by contribution: the shared value, the person's share and why. */
  split?: {
    by: string
    shared: number | null
    share: number | null
    explanation: { 'zh-CN': string; en: string }
  }
}

export type MetricLookup = {
  /** Actuals of the template's metric-bound indicators for one sheet, by indicator key. */
  actualsFor(
    template: Template,
    sheet: { employee_id: number; department_id: number | null },
  ): Promise<Record<string, MetricActual>>
}

const groupingOf = { employee: 'employee', team: 'team', shop: 'company' } as const

/**
 * Reads metric-bound indicators' actuals from imported shop data through the metric catalogue
 * (computeMetric), once per metric and grouping for the whole cycle: an employee's own figure, their
 * department's (team) or the shop's. A figure entered on the sheet takes precedence (see scoreSheetRow).
 */
export function createMetricLookup(db: Db, companyId: number, period: string | undefined): MetricLookup {
  const cache = new Map<string, Promise<MetricResult | Error>>()
  const result = (metric: string, by: MetricGrouping) => {
    const key = `${metric}:${by}`
    let found = cache.get(key)
    if (!found) {
      found = period
        ? computeMetric({ db: db }, { companyId, metric, by, period }).catch((e: unknown) =>
            e instanceof Error ? e : new Error(String(e)),
          )
        : Promise.resolve(new Error('考核期不是整月、整季或整年，无法按导入数据取数'))
      cache.set(key, found)
    }
    return found
  }
  return {
    async actualsFor(template, sheet) {
      const out: Record<string, MetricActual> = {}
      for (const indicator of template.dimensions.flatMap((d) => d.indicators)) {
        const source = indicator.dataSource
        if (source.kind !== 'metric') continue
        const grouping = groupingOf[source.attribution]
        const computed = await result(source.metric, grouping)
        if (computed instanceof Error) {
          out[indicator.key] = {
            metric: source.metric,
            grouping,
            value: null,
            imports: [],
            reason: computed.message,
          }
          continue
        }
        const valueIn = (found: MetricResult, by: PersonalMetricGrouping) => {
          const key = metricGroupKey(by, { employeeId: sheet.employee_id, departmentId: sheet.department_id })
          return found.values.find((v) => v.group === key)
        }
        const numberOf = (row: { value: unknown } | undefined) =>
          row?.value === null || row?.value === undefined ? null : Number(row.value)
        const row = valueIn(computed, grouping)
        const actual: MetricActual = {
          metric: source.metric,
          grouping,
          value: numberOf(row),
          imports: row?.imports ?? [],
          reason: row ? row.reason : (computed.reason ?? '导入数据中没有该员工/团队的记录'),
        }
        if (source.splitBy && grouping !== 'employee') {
          // A shared figure split by contribution share: own contribution ÷ the group's contribution.
          const ownResult = await result(source.splitBy, 'employee')
          const groupResult = await result(source.splitBy, grouping)
          const own = ownResult instanceof Error ? null : numberOf(valueIn(ownResult, 'employee'))
          const groupTotal = groupResult instanceof Error ? null : numberOf(valueIn(groupResult, grouping))
          const split = splitByShare({ shared: actual.value, own, groupTotal, measure: source.splitBy })
          actual.split = {
            by: source.splitBy,
            shared: actual.value,
            share: split.share,
            explanation: split.explanation,
          }
          actual.value = split.value
          if (split.value === null) actual.reason = split.explanation['zh-CN']
          if (!(ownResult instanceof Error)) {
            const ownRow = valueIn(ownResult, 'employee')
            actual.imports = [...new Set([...actual.imports, ...(ownRow?.imports ?? [])])]
          }
        }
        out[indicator.key] = actual
      }
      return out
    },
  }
}
