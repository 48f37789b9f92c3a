// Targets derived from history (002 T15: 目标值为上个月的日均UV*110%): the previous period's daily average or
// total, times a factor. The metric values come from the caller (services compute them from imported data).
import type { Target } from '../templates/template.ts'
import { roundScore } from './round-score.ts'

export type PreviousPeriod = { total: number; days: number }

/** The target a derived rule gives for this period, or undefined when the history is missing or empty. */
export function deriveTarget(target: Target, previous: PreviousPeriod | undefined): number | undefined {
  if (target.kind !== 'derived' || !previous) return undefined
  if (target.from === 'previous_period_total') return roundScore(previous.total * target.factor)
  if (!(previous.days > 0)) return undefined
  return roundScore((previous.total / previous.days) * target.factor)
}
