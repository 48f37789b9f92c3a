import { DomainError, type ErrorIssue } from '../errors.ts'
import type { FrozenDerivedTarget } from '../scoring/derive-target.ts'
import type { IndicatorInput } from '../scoring/score-indicator.ts'
import type { RaterSheet, SheetInputs } from '../scoring/score-sheet.ts'
import type { Template } from '../templates/template.ts'

// What a sheet holds becomes the scoring engine's input: the targets and weights both parties agreed,
// shared data (imported metrics, entered actuals, bonus/deduction items), and one rater sheet per
// reviewer — the supervisor, the self review, each submitted peer review and the aggregated sampling
// component (抽查) — blended by the template's rater weights.

export type AgreedTargets = {
  /** Per indicator: the target for this period and, optionally, its weight (maxPoints) for this employee. */
  indicators?: Record<string, { target?: number; weight?: number; note?: string }>
  /** Targets derived from history, frozen when the cycle opened (recomputed only when HR asks); null value = missing. */
  derived?: Record<string, FrozenDerivedTarget>
}

export type ReviewInputs = {
  indicators?: Record<string, IndicatorInput>
  comment?: string
  /** A named assessor's review (指标考核人): its entries are the rows' own inputs, not one more rater's. */
  kind?: 'peer' | 'assessor'
  /** An assessor's task not submitted yet, and the rows it owes: the sheet waits for them. */
  pending?: boolean
  keys?: string[]
}
export type SharedInputs = {
  indicators?: Record<string, IndicatorInput>
  adjustments?: Record<string, IndicatorInput>
  /** A mid-period position change or start/leave: the sheet's own days in post and earlier positions' results. */
  positionSegments?: PositionSegments
}

/** Entered by HR: this sheet's days in the current position, the period's days, and each earlier position's days and total. */
export type PositionSegments = {
  ownDays: number
  periodDays: number
  earlier: { position: string; days: number; total: number }[]
}

export type SheetContent = {
  targets: AgreedTargets
  selfReview: ReviewInputs
  supervisorReview: ReviewInputs
  peerReviews: ReviewInputs[]
  sampling: ReviewInputs | null
  shared: SharedInputs
}

function indicatorKeys(template: Template): Set<string> {
  return new Set(template.dimensions.flatMap((d) => d.indicators.map((i) => i.key)))
}

/** Checks the agreed targets against the template: known keys, non-negative weights that keep each dimension's budget. */
export function validateAgreedTargets(template: Template, targets: AgreedTargets): ErrorIssue[] {
  const issues: ErrorIssue[] = []
  const keys = indicatorKeys(template)
  const entries = Object.entries(targets.indicators ?? {})
  const byKey = new Map(template.dimensions.flatMap((d) => d.indicators.map((i) => [i.key, i] as const)))
  for (const [key, value] of entries) {
    if (!keys.has(key)) issues.push({ path: `targets.indicators.${key}`, message: `模板中没有指标“${key}”` })
    const rule = byKey.get(key)?.rule
    const divides =
      rule?.shape === 'ratio_to_target' || (rule?.shape === 'bands' && rule.basis === 'completion_rate')
    // A ratio against a target ≤ 0 cannot be explained (issue 12): refused here rather than scored as 0 later.
    if (divides && value.target !== undefined && !(value.target > 0))
      issues.push({
        path: `targets.indicators.${key}.target`,
        message: `目标值 ${value.target} 无效：该指标按目标比例计分，目标值必须大于 0`,
      })
    if (value.weight !== undefined && (!(value.weight >= 0) || !Number.isFinite(value.weight)))
      issues.push({ path: `targets.indicators.${key}.weight`, message: '权重必须是不小于 0 的数' })
  }
  if (entries.some(([, v]) => v.weight !== undefined)) {
    const templateTotal = template.dimensions.reduce((s, d) => s + d.maxPoints, 0)
    const agreedTotal = template.dimensions.reduce(
      (s, d) =>
        s + d.indicators.reduce((t, i) => t + (targets.indicators?.[i.key]?.weight ?? i.maxPoints), 0),
      0,
    )
    if (Math.abs(templateTotal - agreedTotal) > 1e-9)
      issues.push({
        path: 'targets.indicators',
        message: `各指标权重合计 ${agreedTotal}，应等于模板总分 ${templateTotal}`,
      })
  }
  return issues
}

/** The template with this employee's agreed weights (dimension budgets follow their indicators). */
export function applyAgreedWeights(template: Template, targets: AgreedTargets): Template {
  const agreed = targets.indicators ?? {}
  if (!Object.values(agreed).some((v) => v.weight !== undefined)) return template
  return {
    ...template,
    dimensions: template.dimensions.map((d) => {
      const indicators = d.indicators.map((i) =>
        agreed[i.key]?.weight === undefined ? i : { ...i, maxPoints: agreed[i.key]!.weight! },
      )
      return { ...d, indicators, maxPoints: indicators.reduce((s, i) => s + i.maxPoints, 0) }
    }),
  }
}

function hasEntries(review: ReviewInputs | null | undefined): review is ReviewInputs {
  return review !== null && review !== undefined && Object.keys(review.indicators ?? {}).length > 0
}

/**
 * The weighted raters whose review is empty while the template's rater settings say 'block' (模板规定须等待):
 * the sheet is not computed until they have scored. Empty under 'exclude' (the default) they are left out.
 */
export function heldRaters(template: Template, content: SheetContent): RaterSheet['rater'][] {
  if (template.scoring.raters?.whenMissing !== 'block') return []
  const weights = template.scoring.raterWeights
  const present: Record<string, boolean> = {
    supervisor: hasEntries(content.supervisorReview),
    self: hasEntries(content.selfReview),
    peer: content.peerReviews.some((p) => p.kind !== 'assessor' && hasEntries(p)),
    sampling: hasEntries(content.sampling),
  }
  const held: RaterSheet['rater'][] = []
  for (const [role, weight] of Object.entries(weights) as [RaterSheet['rater'], number | undefined][]) {
    if ((weight ?? 0) > 0 && present[role] === false) held.push(role)
  }
  return held
}

/**
 * The rows the sheet still waits for: those of assessors who have not submitted, and, for a rater held by
 * the template's rater settings, the rows that rater scores (those named for the role, else every row).
 */
export function awaitedItems(template: Template, content: SheetContent): string[] {
  const keys = new Set<string>()
  for (const review of content.peerReviews)
    if (review.kind === 'assessor' && review.pending) for (const key of review.keys ?? []) keys.add(key)
  const all = template.dimensions.flatMap((d) => d.indicators)
  for (const role of heldRaters(template, content)) {
    const own = all.filter((i) => i.assessor.rater === role)
    for (const i of own.length > 0 ? own : all) keys.add(i.key)
  }
  return [...keys]
}

/** The engine's template and inputs for a sheet. Throws invalid_input when the agreed targets do not fit the template. */
export function buildSheetInputs(
  template: Template,
  content: SheetContent,
): { template: Template; inputs: SheetInputs } {
  const issues = validateAgreedTargets(template, content.targets)
  if (issues.length > 0)
    throw new DomainError('invalid_input', issues.map((i) => i.message).join('；'), issues)
  const agreed = content.targets.indicators ?? {}
  const derived = content.targets.derived ?? {}
  const withTarget = (key: string, input: IndicatorInput | undefined): IndicatorInput => {
    // A target both parties agreed on wins; else the frozen target from history (missing stays missing).
    const target = agreed[key]?.target ?? derived[key]?.value ?? undefined
    const merged = { ...(content.shared.indicators?.[key] ?? {}), ...(input ?? {}) }
    return target === undefined || merged.target !== undefined ? merged : { ...merged, target }
  }
  const keys = indicatorKeys(template)
  // Rows scored by their named assessor (财务部 scores its own rows): the assessor's entry is the row's input,
  // and the other raters' entries for that row are set aside.
  const assessed: Record<string, IndicatorInput> = {}
  for (const review of content.peerReviews) {
    if (review.kind !== 'assessor' || review.pending) continue
    for (const [key, input] of Object.entries(review.indicators ?? {}))
      if (keys.has(key)) assessed[key] = input
  }
  const shared: Record<string, IndicatorInput> = {}
  for (const key of keys) shared[key] = withTarget(key, assessed[key])
  const raterSheet = (rater: RaterSheet['rater'], review: ReviewInputs): RaterSheet => {
    const indicators: Record<string, IndicatorInput> = {}
    for (const [key, input] of Object.entries(review.indicators ?? {})) {
      if (keys.has(key) && assessed[key] === undefined) indicators[key] = withTarget(key, input)
    }
    return { rater, indicators }
  }
  const raters: RaterSheet[] = []
  if (hasEntries(content.supervisorReview)) raters.push(raterSheet('supervisor', content.supervisorReview))
  if (hasEntries(content.selfReview)) raters.push(raterSheet('self', content.selfReview))
  for (const peer of content.peerReviews)
    if (peer.kind !== 'assessor' && hasEntries(peer)) raters.push(raterSheet('peer', peer))
  if (hasEntries(content.sampling)) raters.push(raterSheet('sampling', content.sampling))
  return {
    template: applyAgreedWeights(template, content.targets),
    inputs: { indicators: shared, raters, adjustments: content.shared.adjustments ?? {} },
  }
}
