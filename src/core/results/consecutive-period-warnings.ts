// Warnings from a run of consecutive periods: two months in a row below 65 → dismissal review (000:
// "二个月低于65分抄退" / "连续两个月的绩效分数低于65分,将被辞退"), or N periods in a row at a grade → promotion
// candidate (001: repeated 優秀 gives promotion priority). A warning starts a review; it decides nothing.
import type { GradeBand } from '../templates/template.ts'
import { defaultGrades } from './default-scoring.ts'
import { gradeFor } from './grade-for.ts'

/** One period's result; `period` is 'YYYY-MM', 'YYYY-Qn' or 'YYYY' (other labels are taken in the given order). */
export type PeriodResult = { period: string; total: number; grade?: string }

export type WarningAction = 'dismissal_review' | 'improvement_plan' | 'promotion_candidate'

export type WarningRule =
  /** `consecutive` periods in a row with a total below `threshold` (strictly below). */
  | { kind: 'below_threshold'; threshold: number; consecutive: number; action: WarningAction }
  /** `consecutive` periods in a row at one of `grades`. */
  | { kind: 'at_grade'; grades: string[]; consecutive: number; action: WarningAction }

/** Seed 000: two consecutive months below 65 → dismissal review. */
export const dismissalReviewRule: WarningRule = {
  kind: 'below_threshold',
  threshold: 65,
  consecutive: 2,
  action: 'dismissal_review',
}

/** Seed 001 names no count for "repeated 優秀"; three periods in a row is a marked default. */
export const promotionCandidateRule: WarningRule = {
  kind: 'at_grade',
  grades: ['excellent'],
  consecutive: 3,
  action: 'promotion_candidate',
}

export type PeriodWarning = {
  action: WarningAction
  /** The periods of the run, oldest first. */
  periods: string[]
  explanation: { 'zh-CN': string; en: string }
}

function periodIndex(period: string): number | undefined {
  let m = /^(\d{4})-(\d{2})$/.exec(period)
  if (m) return Number(m[1]) * 12 + Number(m[2]) - 1
  m = /^(\d{4})-Q([1-4])$/i.exec(period)
  if (m) return Number(m[1]) * 4 + Number(m[2]) - 1
  m = /^(\d{4})$/.exec(period)
  if (m) return Number(m[1])
  return undefined
}

function adjacent(previous: string, next: string): boolean {
  const a = periodIndex(previous)
  const b = periodIndex(next)
  if (a === undefined || b === undefined) return true
  return b - a === 1
}

const actionText: Record<WarningAction, { zh: string; en: string }> = {
  dismissal_review: { zh: '进入辞退评审', en: 'dismissal review' },
  improvement_plan: { zh: '制定绩效改进计划', en: 'performance improvement plan' },
  promotion_candidate: { zh: '列为晋升优先人选', en: 'promotion candidate' },
}

/** One warning per maximal run of at least `rule.consecutive` adjacent periods that meet the rule. */
export function consecutivePeriodWarnings(
  history: readonly PeriodResult[],
  rule: WarningRule,
  grades: readonly GradeBand[] = defaultGrades,
): PeriodWarning[] {
  const sorted = [...history].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
  const meets = (r: PeriodResult) =>
    rule.kind === 'below_threshold'
      ? r.total < rule.threshold
      : rule.grades.includes(r.grade ?? gradeFor(r.total, grades)?.grade ?? '')
  const warnings: PeriodWarning[] = []
  let run: PeriodResult[] = []
  const close = () => {
    if (run.length >= rule.consecutive && rule.consecutive > 0) warnings.push(warningFor(run, rule))
    run = []
  }
  for (const result of sorted) {
    if (!meets(result)) {
      close()
      continue
    }
    const last = run[run.length - 1]
    if (last && !adjacent(last.period, result.period)) close()
    run.push(result)
  }
  close()
  return warnings
}

function warningFor(run: PeriodResult[], rule: WarningRule): PeriodWarning {
  const periods = run.map((r) => r.period)
  const scores = run.map((r) => `${r.period}: ${r.total}`).join(', ')
  const action = actionText[rule.action]
  const conditionZh =
    rule.kind === 'below_threshold' ? `得分低于 ${rule.threshold} 分` : `等级为 ${rule.grades.join('/')}`
  const conditionEn =
    rule.kind === 'below_threshold' ? `scored below ${rule.threshold}` : `graded ${rule.grades.join('/')}`
  return {
    action: rule.action,
    periods,
    explanation: {
      'zh-CN': `连续 ${run.length} 期${conditionZh}（${scores}），达到连续 ${rule.consecutive} 期的规则 → ${action.zh}`,
      en: `${run.length} periods in a row ${conditionEn} (${scores}), meeting the ${rule.consecutive}-in-a-row rule → ${action.en}`,
    },
  }
}
