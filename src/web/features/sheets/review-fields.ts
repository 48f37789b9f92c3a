import type { Indicator, IndicatorInput, ReviewInputs, Rule, Template } from '../../../contracts/sheets.ts'
import { previewFieldsFor } from '../templates/preview-fields.ts'

// What a rater (self or supervisor) enters for each indicator of the sheet, the bounds the rule allows,
// and the problems of a review before it is saved or submitted. Metric-bound indicators take their actual
// from imported shop data, so no rater types it.

export type ReviewField =
  | 'actual'
  | 'occurrences'
  | 'counts'
  | 'level'
  | 'score'
  | 'passed'
  | 'violated'
  | 'variables'

/** The fields a rater fills in for this indicator; [] when the value comes from imported data. */
export function reviewFieldsFor(indicator: Pick<Indicator, 'rule' | 'dataSource'>): ReviewField[] {
  const fields = previewFieldsFor(indicator.rule).filter(
    (f): f is ReviewField => f !== 'target' && f !== 'comment',
  )
  if (indicator.dataSource.kind === 'metric') return fields.filter((f) => f !== 'actual')
  return fields
}

/** The score range a rater may give (discretionary 酌情给分, bonus range), else undefined. */
export function scoreBounds(rule: Rule): { min: number; max: number } | undefined {
  return rule.shape === 'discretionary' || rule.shape === 'bonus_range'
    ? { min: rule.min, max: rule.max }
    : undefined
}

/** A discretionary score needs its reason written down (酌情给分必须写明理由). */
export function needsComment(rule: Rule): boolean {
  return rule.shape === 'discretionary'
}

/**
 * An indicator whose supervisor part comes from the weekly samples (每周抽查): the supervisor may leave it empty
 * (the samples count), or type a score with its reason, which then replaces the samples.
 */
export function isFilledBySamples(
  indicator: Pick<Indicator, 'dataSource'>,
  rater: 'self' | 'supervisor',
): boolean {
  return rater === 'supervisor' && indicator.dataSource.kind === 'sampling'
}

/** Percent units hold fractions (0.95 = 95%), as the metric catalogue's rates do. */
export function isPercentUnit(unit: string | undefined): boolean {
  return unit === '%'
}

export type ReviewIssue = {
  key: string
  field: ReviewField | 'comment'
  problem: 'required' | 'outOfBounds' | 'commentRequired'
  min?: number
  max?: number
}

const isBlank = (v: unknown) =>
  v === undefined || v === null || v === '' || (typeof v === 'object' && Object.keys(v).length === 0)

/**
 * Problems of a review: a score outside the rule's bounds (always), and on submit every field the
 * indicator needs and the comment of every discretionary score. An empty list means it may be sent.
 */
export function checkReview(
  template: Template,
  review: ReviewInputs,
  options: { submit: boolean; rater?: 'self' | 'supervisor' },
): ReviewIssue[] {
  const issues: ReviewIssue[] = []
  for (const indicator of template.dimensions.flatMap((d) => d.indicators)) {
    const fields = reviewFieldsFor(indicator)
    if (fields.length === 0) continue
    const input: IndicatorInput = review.indicators?.[indicator.key] ?? {}
    const bounds = scoreBounds(indicator.rule)
    if (bounds && input.score !== undefined && (input.score < bounds.min || input.score > bounds.max))
      issues.push({ key: indicator.key, field: 'score', problem: 'outOfBounds', ...bounds })
    if (!options.submit) continue
    // Left empty, the samples fill it; a typed score still needs its reason.
    if (isFilledBySamples(indicator, options.rater ?? 'self') && isBlank(input.score)) continue
    // Either of actual/level completes a levels rule with thresholds; a veto not ticked means none happened.
    const required = fields.filter((f) => f !== 'violated')
    const eitherOf = indicator.rule.shape === 'levels' && fields.includes('actual')
    const missing = required.filter((f) => isBlank(input[f]))
    if (eitherOf ? missing.length === required.length : missing.length > 0)
      for (const field of eitherOf ? missing.slice(0, 1) : missing)
        issues.push({ key: indicator.key, field, problem: 'required' })
    if (needsComment(indicator.rule) && (input.comment ?? '').trim() === '')
      issues.push({ key: indicator.key, field: 'comment', problem: 'commentRequired' })
  }
  return issues
}

/** The review as sent: only the indicators the rater fills in, without empty values. */
export function cleanReview(
  template: Template,
  review: ReviewInputs,
): Required<Pick<ReviewInputs, 'indicators'>> & {
  comment?: string
} {
  const indicators: Record<string, IndicatorInput> = {}
  for (const indicator of template.dimensions.flatMap((d) => d.indicators)) {
    const input = review.indicators?.[indicator.key]
    if (!input) continue
    const kept = Object.fromEntries(Object.entries(input).filter(([, v]) => !isBlank(v))) as IndicatorInput
    if (typeof kept.comment === 'string') kept.comment = kept.comment.trim() || undefined
    if (kept.comment === undefined) delete kept.comment
    if (Object.keys(kept).length > 0) indicators[indicator.key] = kept
  }
  const comment = review.comment?.trim()
  return comment ? { indicators, comment } : { indicators }
}
