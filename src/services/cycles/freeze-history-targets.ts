import { findMetric } from '../../core/metrics/catalogue.ts'
import { metricGroupKey, type PersonalMetricGrouping } from '../../core/metrics/metric-group-key.ts'
import { metricPeriodOf } from '../../core/metrics/metric-period-of.ts'
import {
  deriveTarget,
  type FrozenDerivedTarget,
  type HistoryFigure,
  type HistoryPeriod,
  historyPeriodsFor,
} from '../../core/scoring/derive-target.ts'
import type { DerivedTarget, Indicator, Template } from '../../core/templates/template.ts'
import { listCycleTemplateVersions } from '../../db/cycle-compute-queries.ts'
import type { Db } from '../../db/database.ts'
import {
  type HistoryTargetSheet,
  listSheetsForHistoryTargets,
  writeSheetDerivedTargets,
} from '../../db/history-target-queries.ts'
import { computeMetric, type MetricResult } from '../metrics/compute-metric.ts'

/** A sheet's frozen targets from history, by indicator key, as written in `targets.derived`. */
export type FrozenTargets = Record<string, FrozenDerivedTarget>

/** What freezing changed on one sheet: the targets before (none on opening) and after. */
export type FrozenTargetChange = {
  sheetId: number
  employeeId: number
  before: FrozenTargets | undefined
  after: FrozenTargets
}

type CyclePeriod = { id: number; kind: string; periodStart: string; periodEnd: string }

const groupingOf: Record<'employee' | 'team' | 'shop', PersonalMetricGrouping> = {
  employee: 'employee',
  team: 'team',
  shop: 'company',
}

/** The indicators of a template whose target is derived from history. */
function derivedIndicators(template: Template): (Indicator & { target: DerivedTarget })[] {
  return template.dimensions
    .flatMap((d) => d.indicators)
    .filter((i): i is Indicator & { target: DerivedTarget } => i.target.kind === 'derived')
}

/**
 * Computes the targets derived from history (上月日均UV × 110% and the like) for the cycle's sheets from the
 * imported data of the earlier periods, and freezes them on the sheets (`targets.derived`). Each figure is read
 * for the sheet's person, department or the company as the indicator's data source attributes it; a period
 * without data leaves that target missing, never 0. Called when the cycle opens and when HR recomputes.
 */
export async function freezeHistoryTargets(
  db: Db,
  companyId: number,
  cycle: CyclePeriod,
  filter: { sheetIds?: readonly number[]; states?: readonly string[] } = {},
): Promise<FrozenTargetChange[]> {
  const versions = (await listCycleTemplateVersions(db, cycle.id))
    .map((v) => ({ id: v.id, indicators: derivedIndicators(v.definition as Template) }))
    .filter((v) => v.indicators.length > 0)
  if (versions.length === 0) return []
  const sheets = await listSheetsForHistoryTargets(
    db,
    cycle.id,
    versions.map((v) => v.id),
    filter,
  )
  const periodLabel = metricPeriodOf(cycle)
  const results = new Map<string, Promise<MetricResult | undefined>>()
  // One computation per metric, grouping and period for the whole cycle; an unknown or failing metric is no data.
  const resultOf = (metric: string, by: PersonalMetricGrouping, period: string) => {
    const key = `${metric}:${by}:${period}`
    let found = results.get(key)
    if (!found) {
      found = findMetric(metric)
        ? computeMetric({ db }, { companyId, metric, by, period }).catch(() => undefined)
        : Promise.resolve(undefined)
      results.set(key, found)
    }
    return found
  }
  const figureOf = async (
    metric: string,
    by: PersonalMetricGrouping,
    period: HistoryPeriod,
    sheet: HistoryTargetSheet,
  ): Promise<number | null> => {
    const result = await resultOf(metric, by, period.label)
    const group = metricGroupKey(by, { employeeId: sheet.employee_id, departmentId: sheet.department_id })
    const value = result?.values.find((v) => v.group === group)?.value
    return value === null || value === undefined ? null : Number(value)
  }
  const changes: FrozenTargetChange[] = []
  for (const sheet of sheets) {
    const version = versions.find((v) => v.id === sheet.template_version_id)!
    const frozen: FrozenTargets = {}
    for (const indicator of version.indicators) {
      const target = indicator.target
      const source = indicator.dataSource
      const by = source.kind === 'metric' ? groupingOf[source.attribution] : 'company'
      const name = findMetric(target.metric)?.label ?? { zh: target.metric, en: target.metric }
      const periods = periodLabel ? historyPeriodsFor(target, periodLabel) : []
      const figures: HistoryFigure[] = []
      // The catalogue's own daily average (e.g. UV ÷ days with data) when it has one for this metric.
      const daily = findMetric(`${target.metric}_daily_average`)
        ? `${target.metric}_daily_average`
        : undefined
      for (const period of periods) {
        const total = await figureOf(target.metric, by, period, sheet)
        const figure: HistoryFigure = { ...period, total }
        if (daily) figure.dailyAverage = await figureOf(daily, by, period, sheet)
        figures.push(figure)
      }
      frozen[indicator.key] = deriveTarget(target, figures, name)
    }
    const before = (sheet.targets as { derived?: FrozenTargets } | null)?.derived
    changes.push({ sheetId: sheet.id, employeeId: sheet.employee_id, before, after: frozen })
  }
  await writeSheetDerivedTargets(
    db,
    changes.map((c) => ({ sheetId: c.sheetId, derived: c.after })),
  )
  return changes
}
