import { metricPeriodOf } from '../../core/metrics/metric-period-of.ts'
import { coefficientFor } from '../../core/results/coefficient-for.ts'
import { gradeFor } from '../../core/results/grade-for.ts'
import {
  applySamplingSource,
  isoWeeksOfPeriod,
  isSampledIndicator,
  type PeriodSample,
  type SamplingSource,
} from '../../core/sampling/apply-sampling-source.ts'
import { prorateByDays } from '../../core/scoring/prorate-by-days.ts'
import type { ScoreMemo } from '../../core/scoring/score-memo.ts'
import { scoreSheet } from '../../core/scoring/score-sheet.ts'
import { validateSheetInputs } from '../../core/scoring/validate-sheet-inputs.ts'
import type { Template } from '../../core/templates/template.ts'
import {
  type AgreedTargets,
  awaitedItems,
  buildSheetInputs,
  type ReviewInputs,
  type SharedInputs,
} from '../../core/workflow/build-sheet-inputs.ts'
import { combinePeriodResults } from '../../core/workflow/combine-period-results.ts'
import type { CycleSettings } from '../../db/cycle-repository.ts'
import type { Db } from '../../db/database.ts'
import { listPeriodSamples } from '../../db/period-sample-queries.ts'
import type { SheetPatch, SheetRow } from '../../db/sheet-repository.ts'
import { findScoreInputRows, listRollupSources } from '../../db/sheet-workflow-queries.ts'
import { type LeaverSource, loadLeaverLookup } from './create-leaver-lookup.ts'
import { createMetricLookup, type MetricActual } from './create-metric-lookup.ts'

export type SheetScoreInputs = {
  template: Template
  peerReviews: ReviewInputs[]
  settings: CycleSettings
  /** Totals of the rolled-up cycles for this employee (quarterly/annual), by cycle id. */
  sourceTotals: Map<number, number>
  sourceNames: Map<number, string>
  /** Actuals of metric-bound indicators from imported data, by indicator key. */
  metricActuals?: Record<string, MetricActual>
  /** A bulk job's memo, so sheets with equal inputs share their indicator scores and explanations. */
  memo?: ScoreMemo
  /** Leavers by tenure read from the organisation for this sheet (002 T9 员工流失), by indicator key. */
  leaverSources?: Record<string, LeaverSource>
  /** The period's weeks and this employee's weekly sample scores (每周抽查), when the template has a sampled indicator. */
  periodSamples?: PeriodSamples
}

export type PeriodSamples = { weeks: string[]; samples: PeriodSample[] }

/** Whether a template has an indicator fed by the weekly samples (then its sheets' samples are read). */
export function hasSampledIndicator(template: Template): boolean {
  return template.dimensions.some((d) => d.indicators.some(isSampledIndicator))
}

/** The supervisor's review with each sampled indicator's input taken from the samples, and where each came from. */
function withSamplingSources(
  template: Template,
  review: ReviewInputs | null,
  period: PeriodSamples | undefined,
): { review: ReviewInputs; sources: Record<string, SamplingSource> } {
  const sources: Record<string, SamplingSource> = {}
  if (!period || !hasSampledIndicator(template)) return { review: review as ReviewInputs, sources }
  const indicators = { ...(review?.indicators ?? {}) }
  for (const indicator of template.dimensions.flatMap((d) => d.indicators)) {
    if (!isSampledIndicator(indicator)) continue
    const { input, source } = applySamplingSource(
      indicator,
      indicators[indicator.key],
      period.samples,
      period.weeks,
    )
    if (input) indicators[indicator.key] = input
    sources[indicator.key] = source
  }
  return { review: { ...(review ?? {}), indicators }, sources }
}

/**
 * Scores a sheet with the engine: the agreed targets, the shared data, every rater's inputs blended by the
 * template's rater weights, adjustments, grade and coefficient; for quarterly/annual cycles the monthly
 * totals are combined with this sheet's own score by the admin's weights. Metric-bound indicators take the
 * actual entered in the sheet's shared data (imported metrics are not wired in yet).
 */
export function scoreSheetRow(row: SheetRow, inputs: SheetScoreInputs): SheetPatch {
  const shared = row.shared_inputs as SharedInputs
  const indicators = { ...(shared.indicators ?? {}) }
  const metricSources: Record<string, MetricActual & { used: boolean }> = {}
  for (const [key, found] of Object.entries(inputs.metricActuals ?? {})) {
    // A figure entered on the sheet (with its audited reason) wins over the imported one.
    const used = found.value !== null && indicators[key]?.actual === undefined
    if (used) indicators[key] = { ...(indicators[key] ?? {}), actual: found.value! }
    metricSources[key] = { ...found, used }
  }
  const leaverSources: Record<string, LeaverSource & { used: boolean }> = {}
  for (const [key, found] of Object.entries(inputs.leaverSources ?? {})) {
    // Counts HR entered on the sheet (with the audited reason) win over those read from the organisation.
    const used = indicators[key]?.counts === undefined
    if (used) indicators[key] = { ...(indicators[key] ?? {}), counts: { ...found.counts } }
    leaverSources[key] = { ...found, used }
  }
  // An indicator fed by the weekly samples takes them as the supervisor's input (a typed score with a reason wins).
  const sampled = withSamplingSources(
    inputs.template,
    row.supervisor_review as ReviewInputs | null,
    inputs.periodSamples,
  )
  const content = {
    targets: row.targets as AgreedTargets,
    selfReview: row.self_review as ReviewInputs,
    supervisorReview: sampled.review,
    peerReviews: inputs.peerReviews,
    sampling: row.sampling as ReviewInputs | null,
    shared: { ...shared, indicators },
  }
  const built = buildSheetInputs(inputs.template, content)
  const score = scoreSheet(built.template, built.inputs, { memo: inputs.memo })
  // Rows owed by a named assessor, or by a rater the template waits for, hold the sheet like missing data.
  const awaited = awaitedItems(inputs.template, content)
  if (awaited.length > 0) score.held = [...new Set([...(score.held ?? []), ...awaited])]
  const inputIssues = validateSheetInputs(built.template, built.inputs)
  let total = score.total
  let rollup: ReturnType<typeof combinePeriodResults> | undefined
  const plan = inputs.settings.rollup
  if (plan) {
    rollup = combinePeriodResults([
      ...plan.sources.map((s) => ({
        label: inputs.sourceNames.get(s.cycleId) ?? `周期 ${s.cycleId}`,
        weight: s.weight,
        total: inputs.sourceTotals.get(s.cycleId),
      })),
      { label: '本期指标', weight: plan.ownWeight, total: score.total },
    ])
    if (rollup) total = rollup.total
  }
  // A position change or start/leave within the period: weight this sheet's total and the earlier positions'
  // totals by days in post (rounded once, in prorateByDays).
  let proration: ReturnType<typeof prorateByDays> | undefined
  const segments = shared.positionSegments
  if (segments) {
    proration = prorateByDays(
      [...segments.earlier, { position: inputs.template.name ?? '现岗位', days: segments.ownDays, total }],
      segments.periodDays,
    )
    total = proration.total
  }
  const grade = score.vetoed ? score.grade : gradeFor(total, built.template.scoring.grades)
  return {
    score: {
      ...score,
      inputIssues,
      metricSources,
      ...(Object.keys(leaverSources).length > 0 ? { leaverSources } : {}),
      ...(Object.keys(sampled.sources).length > 0 ? { samplingSources: sampled.sources } : {}),
      ...(rollup ? { rollup } : {}),
      ...(proration ? { proration } : {}),
    },
    total: String(total),
    grade: grade?.grade ?? null,
    coefficient: String(coefficientFor(total, built.template.scoring.coefficients)),
    calibration: null,
  }
}

/** Loads what scoreSheetRow needs besides the row: template version, submitted peer reviews, cycle settings, roll-up sources. */
export async function loadScoreInputs(db: Db, row: SheetRow): Promise<SheetScoreInputs> {
  const { version, peers, cycle } = await findScoreInputRows(db, row)
  const settings = cycle.settings as CycleSettings
  const sourceTotals = new Map<number, number>()
  const sourceNames = new Map<number, string>()
  const sourceIds = settings.rollup?.sources.map((s) => s.cycleId) ?? []
  if (sourceIds.length > 0) {
    const rows = await listRollupSources(db, row.company_id, row.employee_id, sourceIds)
    for (const r of rows) {
      sourceNames.set(r.id, r.name)
      if (
        r.total !== null &&
        r.state !== null &&
        !['draft', 'targets_agreed', 'in_progress', 'self_submitted', 'supervisor_submitted'].includes(
          r.state,
        )
      )
        sourceTotals.set(r.id, Number(r.total))
    }
  }
  const template = version.definition as Template
  let periodSamples: PeriodSamples | undefined
  if (hasSampledIndicator(template)) {
    const weeks = isoWeeksOfPeriod(cycle.period_start, cycle.period_end)
    const found = await listPeriodSamples(db, row.company_id, [row.employee_id], weeks)
    periodSamples = { weeks, samples: found.get(row.employee_id) ?? [] }
  }
  const lookup = createMetricLookup(
    db,
    row.company_id,
    metricPeriodOf({ kind: cycle.kind, periodStart: cycle.period_start, periodEnd: cycle.period_end }),
  )
  const leavers = await loadLeaverLookup(
    db,
    row.company_id,
    { start: cycle.period_start, end: cycle.period_end },
    [template],
  )
  return {
    metricActuals: await lookup.actualsFor(template, row),
    leaverSources: leavers.leaversFor(template, row),
    template,
    peerReviews: peers.map((p) => ({
      indicators: p.indicators as ReviewInputs['indicators'],
      comment: p.comment ?? undefined,
      kind: p.kind,
      pending: p.pending,
      keys: p.indicator_keys ?? undefined,
    })),
    settings,
    sourceTotals,
    sourceNames,
    ...(periodSamples ? { periodSamples } : {}),
  }
}
