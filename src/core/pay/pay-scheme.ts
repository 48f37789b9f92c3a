// Pay schemes (薪酬方案) as data: a list of pay lines, each one rule, summed after rounding each line to the fen.
// Amounts are decimal strings (or plain numbers typed by a person); computePay works in decimal.js only.
// The three seed systems are presets below; custom schemes mix the same lines or use formulas.
import type { CoefficientBand } from '../templates/template.ts'

/** A money amount or rate as typed: a decimal string ("0.02", "1800") or a JSON number. */
export type Amount = string | number

export type PayLabel = { 'zh-CN': string; en: string }

/** How the task-completion coefficient (任务完成系数) is found; the seed leaves it open (digest §8.9). */
export type TaskCompletion =
  /** The performance-coefficient band of the score (default). */
  | { kind: 'score_band' }
  /** The completion rate from the inputs (e.g. 1.05 = 105%), held within [0, cap]. */
  | { kind: 'completion_rate'; input: string; cap?: number }

export type PayLine =
  /** base × coefficient: the performance coefficient (绩效系数) or the task-completion coefficient (任务完成系数). */
  | {
      kind: 'base_times_coefficient'
      code: string
      label: PayLabel
      base: Amount
      coefficient: 'performance' | 'task_completion'
    }
  /** rate × a named input (销售提成 2% × sales; 团队绩效分成 as a rate × team sales). */
  | { kind: 'rate_times_input'; code: string; label: PayLabel; rate: Amount; input: string }
  /** amount × a named count (中评修改个数 × 10). */
  | { kind: 'per_unit'; code: string; label: PayLabel; amountEach: Amount; input: string }
  /** A fixed amount (团队绩效分成 as a fixed amount). */
  | { kind: 'fixed'; code: string; label: PayLabel; amount: Amount }
  /** Threshold-gated performance pay (002 T14): score ≥ fullAt → 100%; score < zeroBelow → 0; else score% × amount. */
  | {
      kind: 'threshold_gated'
      code: string
      label: PayLabel
      amount: Amount
      fullAt: number
      zeroBelow: number
    }
  /** base × score (002 T15 绩效基数 × 绩效分值): score read as a percentage (score/100) or as points (base = value per point). */
  | { kind: 'base_times_score'; code: string; label: PayLabel; base: Amount; scoreAs: 'percent' | 'points' }
  /** Rewards and penalties (奖惩), one pay line per item given in the inputs. */
  | { kind: 'rewards_penalties'; code: string; label: PayLabel }
  /** A custom formula over score, coefficient and the named inputs (compiled once, evaluated in decimal). */
  | { kind: 'formula'; code: string; label: PayLabel; expression: string; variables: string[] }

export type PayScheme = {
  code: string
  name: PayLabel
  lines: PayLine[]
  /** Bands for the performance coefficient (绩效系数); the default bands (000) when absent. */
  coefficients?: CoefficientBand[]
  taskCompletion?: TaskCompletion
}

export type PayItem = { code?: string; label: string; amount: Amount }

export type PayInputs = {
  /** The appraisal total (on the 100-point scale). */
  score: number
  /** Named inputs: sales, review counts, team sales, completion rates … */
  values?: Readonly<Record<string, Amount>>
  /** Rewards (+) and penalties (−) for the rewards_penalties line. */
  rewardsPenalties?: readonly PayItem[]
  /** The performance coefficient to pay on when it is already known (the sheet's own, after calibration);
   * by default the scheme's bands (or the default bands) for the score. */
  coefficient?: number
}

/** 000 客服: 500 × 绩效系数 + 2% × sales + 10 × 中评修改 + 20 × 差评修改 + 奖惩. The sales base for the 2% is the `sales` input. */
export function customerServicePayScheme(
  options: {
    base?: Amount
    commissionRate?: Amount
    neutralReviewAmount?: Amount
    negativeReviewAmount?: Amount
  } = {},
): PayScheme {
  return {
    code: 'seed-000-customer-service-pay',
    name: { 'zh-CN': '客服工资制度', en: 'Customer-service pay' },
    lines: [
      {
        kind: 'base_times_coefficient',
        code: 'base',
        label: { 'zh-CN': '底薪 × 绩效系数', en: 'Base × performance coefficient' },
        base: options.base ?? '500',
        coefficient: 'performance',
      },
      {
        kind: 'rate_times_input',
        code: 'commission',
        label: { 'zh-CN': '销售提成', en: 'Sales commission' },
        rate: options.commissionRate ?? '0.02',
        input: 'sales',
      },
      {
        kind: 'per_unit',
        code: 'neutral_reviews',
        label: { 'zh-CN': '中评修改', en: 'Neutral reviews revised' },
        amountEach: options.neutralReviewAmount ?? '10',
        input: 'neutral_reviews_revised',
      },
      {
        kind: 'per_unit',
        code: 'negative_reviews',
        label: { 'zh-CN': '差评修改', en: 'Negative reviews revised' },
        amountEach: options.negativeReviewAmount ?? '20',
        input: 'negative_reviews_revised',
      },
      {
        kind: 'rewards_penalties',
        code: 'rewards_penalties',
        label: { 'zh-CN': '奖惩', en: 'Rewards and penalties' },
      },
    ],
  }
}

/** 000 店长: 1800 × 任务完成系数 + 团队绩效分成 (a rate × team sales, or a fixed amount) + 奖惩. */
export function storeManagerPayScheme(options: {
  base?: Amount
  teamShare: { kind: 'rate'; rate: Amount; input?: string } | { kind: 'fixed'; amount: Amount }
  taskCompletion?: TaskCompletion
}): PayScheme {
  const teamLabel = { 'zh-CN': '团队绩效分成', en: 'Team performance share' }
  return {
    code: 'seed-000-store-manager-pay',
    name: { 'zh-CN': '店长工资制度', en: 'Store-manager pay' },
    taskCompletion: options.taskCompletion ?? { kind: 'score_band' },
    lines: [
      {
        kind: 'base_times_coefficient',
        code: 'base',
        label: { 'zh-CN': '底薪 × 任务完成系数', en: 'Base × task-completion coefficient' },
        base: options.base ?? '1800',
        coefficient: 'task_completion',
      },
      options.teamShare.kind === 'rate'
        ? {
            kind: 'rate_times_input',
            code: 'team_share',
            label: teamLabel,
            rate: options.teamShare.rate,
            input: options.teamShare.input ?? 'team_sales',
          }
        : { kind: 'fixed', code: 'team_share', label: teamLabel, amount: options.teamShare.amount },
      {
        kind: 'rewards_penalties',
        code: 'rewards_penalties',
        label: { 'zh-CN': '奖惩', en: 'Rewards and penalties' },
      },
    ],
  }
}

/** 002 T14: ≥90 full monthly performance pay, <70 none, in between score% × performance pay. */
export function thresholdGatedPayScheme(options: {
  performancePay: Amount
  fullAt?: number
  zeroBelow?: number
}): PayScheme {
  return {
    code: 'seed-002-t14-threshold-gated-pay',
    name: {
      'zh-CN': '绩效工资（90 分全额，70 分以下不发）',
      en: 'Performance pay (full from 90, none below 70)',
    },
    lines: [
      {
        kind: 'threshold_gated',
        code: 'performance_pay',
        label: { 'zh-CN': '当月绩效工资', en: 'Monthly performance pay' },
        amount: options.performancePay,
        fullAt: options.fullAt ?? 90,
        zeroBelow: options.zeroBelow ?? 70,
      },
    ],
  }
}

/** 002 T15: 绩效基数 × 绩效分值 = 应发绩效金额 (score read as a percentage unless told otherwise). */
export function baseTimesScorePayScheme(options: {
  base: Amount
  scoreAs?: 'percent' | 'points'
}): PayScheme {
  return {
    code: 'seed-002-t15-base-times-score-pay',
    name: { 'zh-CN': '绩效基数 × 绩效分值', en: 'Performance base × score' },
    lines: [
      {
        kind: 'base_times_score',
        code: 'performance_pay',
        label: { 'zh-CN': '应发绩效金额', en: 'Performance pay due' },
        base: options.base,
        scoreAs: options.scoreAs ?? 'percent',
      },
    ],
  }
}
