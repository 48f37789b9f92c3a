import { roundScore } from '../scoring/round-score.ts'

// Quarterly and annual results (季度/年度考核): the monthly (or quarterly) totals weighted as the admin set,
// plus the cycle's own indicators (团队协作, 项目推进 …) with their weight. A missing part's weight is shared
// out over the parts present, and the result says so.

export type PeriodPart = { label: string; weight: number; total: number | undefined }

export type CombinedResult = {
  total: number
  parts: { label: string; weight: number; effectiveWeight: number; total: number | undefined }[]
  renormalised: boolean
  explanation: { 'zh-CN': string; en: string }
}

export function combinePeriodResults(parts: readonly PeriodPart[]): CombinedResult | undefined {
  const present = parts.filter((p) => p.total !== undefined && p.weight > 0)
  const presentWeight = present.reduce((s, p) => s + p.weight, 0)
  if (presentWeight <= 0) return undefined
  const configured = parts.reduce((s, p) => s + Math.max(0, p.weight), 0)
  let sum = 0
  const out = parts.map((p) => {
    const effectiveWeight = p.total !== undefined && p.weight > 0 ? p.weight / presentWeight : 0
    if (p.total !== undefined) sum += effectiveWeight * p.total
    return { label: p.label, weight: p.weight, total: p.total, effectiveWeight }
  })
  const total = roundScore(sum)
  const terms = out.filter((p) => p.effectiveWeight > 0)
  const renormalised = Math.abs(presentWeight - configured) > 1e-9
  const note = renormalised ? '（缺少的部分按比例分摊权重）' : ''
  return {
    total,
    parts: out,
    renormalised,
    explanation: {
      'zh-CN': `${terms.map((p) => `${p.label} ${p.total} × ${roundScore(p.effectiveWeight * 100)}%`).join(' + ')} = ${total}${note}`,
      en: `${terms.map((p) => `${p.label} ${p.total} × ${roundScore(p.effectiveWeight * 100)}%`).join(' + ')} = ${total}${renormalised ? ' (missing parts’ weight shared out)' : ''}`,
    },
  }
}
