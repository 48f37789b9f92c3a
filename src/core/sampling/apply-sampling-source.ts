import type { Explanation } from '../scoring/explain-format.ts'
import { fmt } from '../scoring/explain-format.ts'
import { roundScore } from '../scoring/round-score.ts'
import type { IndicatorInput } from '../scoring/score-indicator.ts'
import type { Indicator } from '../templates/template.ts'
import { isoWeeksOfMonth } from './iso-week.ts'

// An indicator fed by the weekly samples (数据来源：每周抽查, the 客服 sheet's 服务质量): the mean of the period's
// sample scores (100 scale) becomes the supervisor's score on the indicator's scale, so the template's rater
// weights give the seed's 75 % supervisor sampling + 25 % self assessment (000_7e0bba9429147a53.txt). Weeks without
// samples are left out of the mean, never counted as 0; a period without any leaves the supervisor's input as it
// was (missing when nothing was typed). A score the supervisor typed with a reason (its comment) wins.

/** One scored sample of the period: its ISO week and its score on the 100 scale. */
export type PeriodSample = { week: string; score: number }

/** Where an indicator's supervisor input came from, shown on the sheet beside the indicator. */
export type SamplingSource = {
  /** Scored samples in the period. */
  samples: number
  /** The period's ISO weeks (by the Thursday rule) and those that had scored samples. */
  weeks: string[]
  weeksSampled: string[]
  /** Mean sample score on the 100 scale, and the same on the indicator's scale (2 places); null without samples. */
  meanScore: number | null
  points: number | null
  /** Whether the samples became the supervisor's input. */
  used: boolean
  /** A score the supervisor typed: kept when given with a reason, else set aside for the samples. */
  typed?: { score: number; reason?: string; kept: boolean }
  explanation: Explanation
}

/** The ISO weeks of a period's months (YYYY-MM-DD to YYYY-MM-DD), each week in the month of its Thursday. */
export function isoWeeksOfPeriod(periodStart: string, periodEnd: string): string[] {
  const weeks: string[] = []
  let month = periodStart.slice(0, 7)
  const last = periodEnd.slice(0, 7)
  while (month <= last) {
    weeks.push(...isoWeeksOfMonth(month))
    const [y, m] = month.split('-').map(Number) as [number, number]
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
  }
  return weeks
}

/** Whether an indicator takes the weekly samples as its supervisor input (a discretionary score, 酌情给分). */
export function isSampledIndicator(indicator: Indicator): boolean {
  return indicator.dataSource.kind === 'sampling' && indicator.rule.shape === 'discretionary'
}

/**
 * The supervisor's input for a sampled indicator and its source: the samples' mean on the indicator's scale
 * (rule.min + (max − min) × mean/100), unless the supervisor typed a score with a reason.
 */
export function applySamplingSource(
  indicator: Indicator,
  typed: IndicatorInput | undefined,
  samples: readonly PeriodSample[],
  weeks: readonly string[],
): { input: IndicatorInput | undefined; source: SamplingSource } {
  const rule = indicator.rule
  const min = rule.shape === 'discretionary' ? rule.min : 0
  const max = rule.shape === 'discretionary' ? rule.max : indicator.maxPoints
  const inPeriod = samples.filter((s) => weeks.includes(s.week))
  const weeksSampled = weeks.filter((w) => inPeriod.some((s) => s.week === w))
  const n = inPeriod.length
  const meanScore = n === 0 ? null : roundScore(inPeriod.reduce((sum, s) => sum + s.score, 0) / n)
  const points = meanScore === null ? null : roundScore(min + ((max - min) * meanScore) / 100)
  const reason = typed?.comment?.trim() || undefined
  const typedScore = typed?.score
  const keepTyped = typedScore !== undefined && (reason !== undefined || points === null)
  const base = { samples: n, weeks: [...weeks], weeksSampled, meanScore, points }
  const typedPart =
    typedScore === undefined
      ? {}
      : { typed: { score: typedScore, ...(reason ? { reason } : {}), kept: keepTyped } }
  const sampled =
    points === null
      ? null
      : {
          zh: `来自每周抽查：${n} 次，平均 ${fmt(points)} 分（百分制 ${fmt(meanScore!)}，${weeksSampled.length}/${weeks.length} 周有抽查）`,
          en: `From the weekly samples: ${n}, mean ${fmt(points)} points (${fmt(meanScore!)} of 100; ${weeksSampled.length} of ${weeks.length} weeks sampled)`,
        }
  if (points === null || keepTyped) {
    const explanation: Explanation =
      typedScore !== undefined && sampled
        ? {
            'zh-CN': `主管录入 ${fmt(typedScore)} 分并说明理由「${reason}」，优先于${sampled.zh}`,
            en: `The supervisor's ${fmt(typedScore)} with the reason "${reason}" wins over: ${sampled.en}`,
          }
        : {
            'zh-CN': '本期没有每周抽查评分，按主管录入计；未录入则按缺少数据的规则处理',
            en: 'No weekly samples were scored this period: the supervisor’s entry counts; without one the missing-data rule applies',
          }
    return { input: typed, source: { ...base, used: false, ...typedPart, explanation } }
  }
  const note = typedScore === undefined ? '' : `；主管录入的 ${fmt(typedScore)} 分未说明理由，未采用`
  const noteEn =
    typedScore === undefined
      ? ''
      : `; the supervisor's ${fmt(typedScore)} came without a reason and was set aside`
  return {
    input: { score: points, comment: sampled!.zh },
    source: {
      ...base,
      used: true,
      ...typedPart,
      explanation: { 'zh-CN': sampled!.zh + note, en: sampled!.en + noteEn },
    },
  }
}
