import Decimal from 'decimal.js'

// The customer-service review split (000_7e0bba9429147a53.txt): supervisor's weekly samples 75% + month-end self 25%.

export type SamplingWeights = { supervisor: number; self: number }
export const defaultSamplingWeights: SamplingWeights = { supervisor: 0.75, self: 0.25 }

export type SamplingComponent = {
  sampleCount: number
  /** Mean of the month's sample scores (100 scale, 2 places); null without samples. */
  supervisorScore: number | null
  /** The month-end self assessment (自我鉴定), 100 scale. */
  selfScore: number | null
  weights: SamplingWeights
  /** supervisor × weight + self × weight (2 places); null while either part is missing. */
  total: number | null
  missing: ('supervisor' | 'self')[]
  explanation: string
}

const round2 = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
const pct = (w: number) => `${new Decimal(w).times(100).toString()}%`

/** Blends the mean supervisor sample score with the self score; weights must be ≥ 0 and add up to 1. */
export function blendSamplingComponent(input: {
  sampleScores: number[]
  selfScore: number | null
  weights?: SamplingWeights
}): SamplingComponent {
  const weights = input.weights ?? defaultSamplingWeights
  const n = input.sampleScores.length
  const mean = n === 0 ? null : round2(Decimal.sum(...input.sampleScores).div(n))
  const missing: SamplingComponent['missing'] = []
  if (mean === null) missing.push('supervisor')
  if (input.selfScore === null) missing.push('self')
  const supervisorPart =
    mean === null
      ? `主管抽查无评分 / no supervisor samples`
      : `主管抽查 ${n} 次平均 ${mean.toString()} × ${pct(weights.supervisor)}`
  const selfPart =
    input.selfScore === null
      ? '自评未提交 / no self assessment'
      : `自评 ${input.selfScore} × ${pct(weights.self)}`
  if (mean === null || input.selfScore === null)
    return {
      sampleCount: n,
      supervisorScore: mean?.toNumber() ?? null,
      selfScore: input.selfScore,
      weights,
      total: null,
      missing,
      explanation: `${supervisorPart};${selfPart}`,
    }
  const total = round2(mean.times(weights.supervisor).plus(new Decimal(input.selfScore).times(weights.self)))
  return {
    sampleCount: n,
    supervisorScore: mean.toNumber(),
    selfScore: input.selfScore,
    weights,
    total: total.toNumber(),
    missing,
    explanation: `${supervisorPart} + ${selfPart} = ${total.toString()}`,
  }
}

/** Whether the weights are usable: each ≥ 0 and together exactly 1. */
export function areValidWeights(w: SamplingWeights): boolean {
  return w.supervisor >= 0 && w.self >= 0 && new Decimal(w.supervisor).plus(w.self).equals(1)
}
