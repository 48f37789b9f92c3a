import { z } from 'zod'

// The documented bounds of every number that reaches pay and scores (issue 12): checked at the boundary, each
// refusal naming the field (its path) and the bound in zh-CN. docs/security.md lists them.

/** Money (元): at most 10,000,000.00 either way, to the fen. */
export const maxMoneyYuan = 10_000_000
/** A rate (比例, e.g. 0.02 = 2%): 0 to 10 (1,000%). */
export const maxRate = 10
/** A coefficient (绩效系数, 任务完成系数, its cap): 0 to 10. */
export const maxCoefficient = 10
/** A rater weight (权重): 0 to 100 (percent; fractions such as 0.7 are within it). */
export const maxWeight = 100
/** Targets, actuals, counts, variables and entered pay inputs: finite, within ±1,000,000,000,000. */
export const maxMeasure = 1e12
/** A score threshold (分数线): 0 to 1,000 points. */
export const maxScore = 1000

const grouped = (n: number) => n.toLocaleString('en-US')

/** A number (or decimal string) within [min, max]; the message names what it is and the bound. */
export function within<T extends z.ZodType<number | string>>(
  schema: T,
  what: string,
  min: number,
  max: number,
) {
  return schema.refine(
    (v) => {
      const n = Number(v)
      return Number.isFinite(n) && n >= min && n <= max
    },
    { message: `${what}应在 ${grouped(min)} 到 ${grouped(max)} 之间` },
  )
}

/** A finite number within ±maxMeasure (targets, actuals, variables). */
export const measureSchema = within(z.number(), '数值（目标/实际值）', -maxMeasure, maxMeasure)
/** A whole count ≥ 0 within maxMeasure. */
export const countSchema = within(z.number().int('应为整数'), '次数', 0, maxMeasure)
/** A coefficient 0–10. */
export const coefficientSchema = within(z.number(), '系数', 0, maxCoefficient)
/** A rater weight 0–100. */
export const weightSchema = within(z.number(), '权重', 0, maxWeight)
/** A score threshold 0–1,000. */
export const scoreThresholdSchema = within(z.number(), '分数线', 0, maxScore)
