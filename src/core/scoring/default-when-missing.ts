// What an absent input means when the template does not say (缺少数据的默认规则): a rule that counts what went
// wrong (deductions, error ladders, vetoes) has nothing to count, so full marks; a bonus has nothing to award,
// so 0; a rule that measures or judges (ratio, bands, levels, formula, pass/fail, discretionary) cannot be
// scored without its input, so the sheet is held until it is entered.
import type { AdjustmentItem, Indicator, Rule, WhenMissing } from '../templates/template.ts'

/** The default missing-data rule of a rule shape. */
export function defaultWhenMissing(rule: Rule): WhenMissing {
  switch (rule.shape) {
    case 'deduct_per_occurrence':
    case 'deduct_per_shortfall':
    case 'weighted_deductions':
    case 'count_ladder':
    case 'veto':
      return 'full'
    case 'bonus_per_occurrence':
    case 'bonus_range':
      return 'zero'
    case 'bands':
    case 'ratio_to_target':
    case 'levels':
    case 'pass_fail':
    case 'discretionary':
    case 'formula':
      return 'block'
  }
}

/** The missing-data rule that applies to an indicator: its own, else its rule shape's default. */
export function whenMissingOf(item: Pick<Indicator, 'rule' | 'whenMissing'>): WhenMissing {
  return item.whenMissing ?? defaultWhenMissing(item.rule)
}

/**
 * The rule for a bonus or deduction item: its own, else nothing added or deducted ('full' for a deduction:
 * nothing is taken off; 'zero' for a bonus: nothing is added).
 */
export function adjustmentWhenMissing(item: Pick<AdjustmentItem, 'kind' | 'whenMissing'>): WhenMissing {
  return item.whenMissing ?? (item.kind === 'deduction' ? 'full' : 'zero')
}

/** The rule in plain words, for explanations and lists (zh-CN, zh-TW, en). */
export const whenMissingWords: Record<WhenMissing, { 'zh-CN': string; 'zh-TW': string; en: string }> = {
  block: {
    'zh-CN': '须录入后才能计算',
    'zh-TW': '須錄入後才能計算',
    en: 'must be entered before the sheet is computed',
  },
  zero: { 'zh-CN': '按 0 分计', 'zh-TW': '按 0 分計', en: 'scores 0' },
  full: { 'zh-CN': '按满分计', 'zh-TW': '按滿分計', en: 'scores full marks' },
  exclude: {
    'zh-CN': '不计入，权重由其余指标分摊',
    'zh-TW': '不計入，權重由其餘指標分攤',
    en: 'is left out and the other indicators share its weight',
  },
}
