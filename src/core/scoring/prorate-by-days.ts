// An employee who joined, left or changed position during a period is scored pro rata by the days spent in
// each position: each position's sheet is scored with its own template, then the totals are weighted by days.
import { type Explanation, fmt, pct } from './explain-format.ts'
import { roundScore } from './round-score.ts'

export type PositionSegment = {
  /** The position's name, for the explanation (e.g. 客服专员). */
  position: string
  /** Days in this position within the period (inclusive count). */
  days: number
  /** The sheet total scored with this position's template. */
  total: number
}

export type ProratedScore = {
  /** Σ total × days ÷ Σ days, rounded once (2 decimals, half up). */
  total: number
  /** Σ days ÷ the period's days: the part of the period worked, for pay that is paid pro rata. */
  coverage: number
  segments: (PositionSegment & { weight: number })[]
  explanation: Explanation
}

export function prorateByDays(segments: readonly PositionSegment[], periodDays: number): ProratedScore {
  if (!(Number.isInteger(periodDays) && periodDays > 0))
    throw new RangeError('periodDays must be a positive integer')
  const counted = segments.filter((s) => s.days > 0)
  const days = counted.reduce((sum, s) => sum + s.days, 0)
  if (counted.some((s) => !Number.isInteger(s.days)) || days > periodDays)
    throw new RangeError('segment days must be whole days that fit in the period')
  if (days === 0) {
    return {
      total: 0,
      coverage: 0,
      segments: [],
      explanation: {
        'zh-CN': '考核期内没有在岗天数，得 0 分',
        en: 'no days in post during the period: 0 points',
      },
    }
  }
  const weighted = counted.reduce((sum, s) => sum + s.total * s.days, 0)
  const total = roundScore(weighted / days)
  const parts = counted.map((s) => ({ ...s, weight: s.days / days }))
  const coverage = days / periodDays
  return {
    total,
    coverage,
    segments: parts,
    explanation: {
      'zh-CN': `按在岗天数加权：${parts.map((s) => `${s.position} ${s.days} 天 × ${fmt(s.total)} 分`).join(' + ')}，÷ ${days} 天 = ${fmt(total)} 分；在岗 ${days}/${periodDays} 天（${pct(coverage)}）`,
      en: `weighted by days in post: ${parts.map((s) => `${s.position} ${s.days} d × ${fmt(s.total)}`).join(' + ')}, ÷ ${days} d = ${fmt(total)}; in post ${days}/${periodDays} days (${pct(coverage)})`,
    },
  }
}
