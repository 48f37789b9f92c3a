import Decimal from 'decimal.js'
import { DomainError } from '../../core/errors.ts'
import {
  findMetric,
  type MeasureName,
  type MetricDefinition,
  type MetricUnit,
  metricCatalogue,
} from '../../core/metrics/catalogue.ts'
import { type Period, parsePeriod, periodDays, previousPeriod } from '../../core/metrics/parse-period.ts'
import type { Db } from '../../db/database.ts'
import { groupLabels, type MeasureRow, type MetricGrouping, queryMeasure } from '../../db/metric-queries.ts'

export type { MetricGrouping }

// Computes one catalogue metric for a company and period, per employee, team, shop or the whole company.
// A zero or missing denominator gives no value and a reason, never NaN or Infinity.

export const metricGroupings = [
  'employee',
  'team',
  'shop',
  'company',
] as const satisfies readonly MetricGrouping[]

export type MetricValue = {
  group: string
  label: string
  /** Decimal string, or null when it cannot be computed (see reason). */
  value: string | null
  reason?: string
  numerator: string | null
  denominator?: string | null
  /** The imports the figure came from. */
  imports: number[]
}

export type MetricResult = {
  metric: string
  label: { zh: string; en: string }
  formula: { zh: string; en: string }
  unit: MetricUnit
  by: MetricGrouping
  period: Period
  values: MetricValue[]
  /** Set when the metric cannot be computed at all (e.g. no inventory data). */
  reason?: string
}

export type ComputeMetricInput = { companyId: number; metric: string; by: MetricGrouping; period: string }

const places: Record<MetricUnit, number> = {
  yuan: 2,
  rate: 6,
  ratio: 4,
  seconds: 2,
  hours: 2,
  minutes: 2,
  days: 2,
  score: 4,
  count: 4,
}

function format(value: Decimal, unit: MetricUnit): string {
  const rounded = value.toDecimalPlaces(places[unit], Decimal.ROUND_HALF_UP)
  return unit === 'yuan' ? rounded.toFixed(2) : rounded.toString()
}

export async function computeMetric(deps: { db: Db }, input: ComputeMetricInput): Promise<MetricResult> {
  const def = findMetric(input.metric)
  if (!def)
    throw new DomainError('not_found', `unknown metric "${input.metric}"`, [
      { path: 'metric', message: `known metrics: ${metricCatalogue.map((m) => m.key).join(', ')}` },
    ])
  if (!(metricGroupings as readonly string[]).includes(input.by))
    throw new DomainError(
      'invalid_input',
      `cannot group by "${input.by}"; use ${metricGroupings.join(', ')}`,
      [{ path: 'by', message: input.by }],
    )
  const period = parsePeriod(input.period)
  const result: MetricResult = {
    metric: def.key,
    label: def.label,
    formula: def.formula,
    unit: def.unit,
    by: input.by,
    period,
    values: [],
  }
  if (def.unsupported) return { ...result, reason: def.unsupported }

  const previous = previousPeriod(period)
  const range = {
    start: period.start,
    end: period.end,
    previousStart: previous.start,
    previousEnd: previous.end,
  }
  const run = (measure: MeasureName) => queryMeasure(deps.db, input.companyId, measure, input.by, range)
  const numerators = await run(def.numerator)
  const denominators = def.denominator ? await denominatorRows(def, numerators, run, period) : undefined

  const keys = new Set(numerators.map((r) => r.group))
  if (denominators && !def.growth && !def.difference) for (const r of denominators) keys.add(r.group)
  if (def.growth) for (const r of denominators ?? []) keys.add(r.group)
  const byGroup = (rows: MeasureRow[] | undefined) => new Map((rows ?? []).map((r) => [r.group, r]))
  const num = byGroup(numerators)
  const den = byGroup(denominators)
  const labels = await groupLabels(deps.db, input.companyId, input.by, [...keys])
  for (const key of [...keys].sort()) {
    const n = num.get(key)
    const d = den.get(key)
    const imports = [...new Set([...(n?.imports ?? []), ...(d?.imports ?? [])])].sort((a, b) => a - b)
    const value: MetricValue = {
      group: key,
      label: labels.get(key) ?? (key === '' ? '(none)' : key),
      value: null,
      numerator: n?.value ?? null,
      imports,
    }
    if (def.denominator) value.denominator = d?.value ?? null
    Object.assign(value, combine(def, n?.value ?? null, d?.value ?? null))
    result.values.push(value)
  }
  return result
}

async function denominatorRows(
  def: MetricDefinition,
  numerators: MeasureRow[],
  run: (m: MeasureName) => Promise<MeasureRow[]>,
  period: Period,
): Promise<MeasureRow[]> {
  const measure = def.denominator as MeasureName
  if (measure === 'period_days') {
    const days = String(periodDays(period))
    return numerators.map((r) => ({ group: r.group, value: days, imports: [] }))
  }
  if (measure === 'mean_cs_final_paid_amount') {
    const values = numerators.filter((r) => r.value !== null).map((r) => new Decimal(r.value as string))
    const mean = values.length
      ? Decimal.sum(...values)
          .div(values.length)
          .toString()
      : null
    return numerators.map((r) => ({ group: r.group, value: mean, imports: [] }))
  }
  return run(measure)
}

function combine(
  def: MetricDefinition,
  numerator: string | null,
  denominator: string | null,
): { value: string | null; reason?: string } {
  if (!def.denominator) {
    if (numerator === null)
      return { value: null, reason: `no ${def.label.en.toLowerCase()} figures in the imported rows` }
    return { value: format(new Decimal(numerator), def.unit) }
  }
  if (def.difference) {
    if (numerator === null && denominator === null)
      return { value: null, reason: 'no figures in the imported rows' }
    return { value: format(new Decimal(numerator ?? 0).minus(denominator ?? 0), def.unit) }
  }
  if (denominator === null)
    return {
      value: null,
      reason: 'no denominator: the facts it needs are not imported for this group and period',
    }
  const d = new Decimal(denominator)
  if (d.isZero()) return { value: null, reason: 'the denominator is zero: the ratio is undefined' }
  const n = new Decimal(numerator ?? 0)
  if (def.growth) return { value: format(n.minus(d).div(d), def.unit) }
  return { value: format(n.div(d), def.unit) }
}
