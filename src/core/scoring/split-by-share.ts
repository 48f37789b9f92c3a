// Splitting a shared figure (a shop's or team's GMV, a live room's sales) among the people who produced it, by
// their contribution share (e.g. inquiries handled): own share = own contribution ÷ the group's contribution.
import { type Explanation, fmt, pct } from './explain-format.ts'

export type ShareSplit = {
  /** The person's part of the shared figure, or null when it cannot be split. */
  value: number | null
  /** own ÷ group, 0..1 when defined. */
  share: number | null
  explanation: Explanation
}

/**
 * `shared × own ÷ groupTotal`. No value (never NaN or Infinity) when the shared figure or the person's
 * contribution is missing, or the group's contribution is zero.
 */
export function splitByShare(input: {
  shared: number | null
  own: number | null
  groupTotal: number | null
  /** The contribution measure, for the explanation (e.g. 接待人数 / inquiries). */
  measure: string
}): ShareSplit {
  const { shared, own, groupTotal, measure } = input
  if (shared === null) {
    return {
      value: null,
      share: null,
      explanation: {
        'zh-CN': '共享指标没有数值，无法分摊',
        en: 'the shared figure has no value, so it cannot be split',
      },
    }
  }
  if (own === null || groupTotal === null || groupTotal === 0) {
    return {
      value: null,
      share: null,
      explanation: {
        'zh-CN': `按「${measure}」分摊：团队合计为 0 或本人没有记录，无法计算占比`,
        en: `split by ${measure}: the group total is 0 or there is no record of this person, so there is no share`,
      },
    }
  }
  const share = own / groupTotal
  const value = shared * share
  return {
    value,
    share,
    explanation: {
      'zh-CN': `按「${measure}」分摊：本人 ${fmt(own)} ÷ 团队 ${fmt(groupTotal)} = ${pct(share)}，× 共享值 ${fmt(shared)} = ${fmt(value)}`,
      en: `split by ${measure}: own ${fmt(own)} ÷ group ${fmt(groupTotal)} = ${pct(share)}, × shared ${fmt(shared)} = ${fmt(value)}`,
    },
  }
}
