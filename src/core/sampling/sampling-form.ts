import Decimal from 'decimal.js'
import type { ErrorIssue } from '../errors.ts'

// The scoring form a supervisor fills in for one sampled conversation (抽查评分表).

export type SamplingCriterion = { key: string; label: string; maxPoints: number }
export type SamplingForm = { criteria: SamplingCriterion[] }

/** A default form adding up to 100: speed, accuracy, attitude, resolution. */
export const defaultSamplingForm: SamplingForm = {
  criteria: [
    { key: 'response', label: '响应速度 Response time', maxPoints: 20 },
    { key: 'accuracy', label: '专业准确 Accuracy', maxPoints: 30 },
    { key: 'attitude', label: '服务态度 Attitude', maxPoints: 30 },
    { key: 'resolution', label: '问题解决 Resolution', maxPoints: 20 },
  ],
}

export type ScoredCriterion = SamplingCriterion & { points: number }

/** One scored sample: per-criterion points and the score on a 100 scale (2 places). */
export type ScoredSample = { criteria: ScoredCriterion[]; points: number; maxPoints: number; score: number }

/** Problems with a form: empty, duplicate keys, non-positive maxima. */
export function validateSamplingForm(form: SamplingForm, path = 'form'): ErrorIssue[] {
  const issues: ErrorIssue[] = []
  if (form.criteria.length === 0)
    issues.push({
      path: `${path}.criteria`,
      message: '评分表至少要有一项 / the form needs at least one criterion',
    })
  const keys = new Set<string>()
  form.criteria.forEach((c, i) => {
    if (keys.has(c.key))
      issues.push({
        path: `${path}.criteria.${i}.key`,
        message: `评分项重复:${c.key} / duplicate criterion key`,
      })
    keys.add(c.key)
    if (!(c.maxPoints > 0))
      issues.push({
        path: `${path}.criteria.${i}.maxPoints`,
        message: '满分应大于 0 / maxPoints must be above 0',
      })
  })
  return issues
}

/** Scores a sample against its form; issues name each criterion that is missing, unknown or out of range. */
export function scoreSampleForm(
  form: SamplingForm,
  points: Record<string, number>,
): { issues: ErrorIssue[]; scored?: ScoredSample } {
  const issues = validateSamplingForm(form)
  const known = new Set(form.criteria.map((c) => c.key))
  for (const key of Object.keys(points))
    if (!known.has(key))
      issues.push({ path: `points.${key}`, message: `评分表没有此项:${key} / not a criterion of the form` })
  const criteria: ScoredCriterion[] = []
  for (const c of form.criteria) {
    const p = points[c.key]
    if (p === undefined) {
      issues.push({
        path: `points.${c.key}`,
        message: `缺少「${c.label}」的得分 / missing points for ${c.key}`,
      })
      continue
    }
    if (!Number.isFinite(p) || p < 0 || p > c.maxPoints)
      issues.push({
        path: `points.${c.key}`,
        message: `「${c.label}」得分应在 0–${c.maxPoints} 之间 / points for ${c.key} must be 0–${c.maxPoints}`,
      })
    criteria.push({ ...c, points: p })
  }
  if (issues.length > 0) return { issues }
  const total = Decimal.sum(...criteria.map((c) => c.points))
  const max = Decimal.sum(...criteria.map((c) => c.maxPoints))
  return {
    issues,
    scored: {
      criteria,
      points: total.toNumber(),
      maxPoints: max.toNumber(),
      score: total.div(max).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber(),
    },
  }
}
