// An orders import whose rows a rule keeps out of the sales figures says so: the rule, how many rows of how
// many, in zh-CN, zh-TW and en. Only a file with every row excluded warns (a few cancellations are normal).
import type { OrderNumberPrefixes } from './presets/preset.ts'

export type OrderExclusionRule = 'cancellation_prefix' | 'status' | 'adjustment_prefix'

export type ImportWarning = {
  rule: OrderExclusionRule
  /** Rows the rule excluded. */
  rows: number
  /** Rows in the file. */
  of: number
  message: { 'zh-CN': string; 'zh-TW': string; en: string }
}

export type OrderExclusionCounts = {
  rows: number
  cancellationPrefix: number
  status: number
  adjustmentPrefix: number
}

/** The warnings of an orders file whose rows are all excluded, one per rule that excluded some (none otherwise). */
export function orderExclusionWarnings(
  counts: OrderExclusionCounts,
  prefixes: OrderNumberPrefixes | undefined,
): ImportWarning[] {
  const excluded = counts.cancellationPrefix + counts.status + counts.adjustmentPrefix
  if (counts.rows === 0 || excluded < counts.rows) return []
  const all = counts.rows
  const warnings: ImportWarning[] = []
  const whole = (n: number) => n === all
  if (counts.cancellationPrefix > 0 && prefixes) {
    const p = prefixes.cancellation
    const n = counts.cancellationPrefix
    warnings.push({
      rule: 'cancellation_prefix',
      rows: n,
      of: all,
      message: {
        'zh-CN': `${whole(n) ? `${all} 行全部` : `${all} 行中 ${n} 行`}按本预设的规则（订单号以 ${p} 开头即取消单）算作取消，不计入销售额和订单数`,
        'zh-TW': `${whole(n) ? `${all} 行全部` : `${all} 行中 ${n} 行`}按本預設的規則（訂單號以 ${p} 開頭即取消單）算作取消，不計入銷售額和訂單數`,
        en: `${whole(n) ? `all ${all} rows` : `${n} of ${all} rows`} count as cancellations under this preset's rule (an order number starting with ${p} is a cancellation) and are left out of sales and order counts`,
      },
    })
  }
  if (counts.status > 0) {
    const n = counts.status
    warnings.push({
      rule: 'status',
      rows: n,
      of: all,
      message: {
        'zh-CN': `${whole(n) ? `${all} 行全部` : `${all} 行中 ${n} 行`}的订单状态为已取消，不计入销售额和订单数`,
        'zh-TW': `${whole(n) ? `${all} 行全部` : `${all} 行中 ${n} 行`}的訂單狀態為已取消，不計入銷售額和訂單數`,
        en: `${whole(n) ? `all ${all} rows have` : `${n} of ${all} rows have`} a cancelled order status and are left out of sales and order counts`,
      },
    })
  }
  if (counts.adjustmentPrefix > 0 && prefixes) {
    const p = prefixes.adjustment
    const n = counts.adjustmentPrefix
    warnings.push({
      rule: 'adjustment_prefix',
      rows: n,
      of: all,
      message: {
        'zh-CN': `${whole(n) ? `${all} 行全部` : `${all} 行中 ${n} 行`}按本预设的规则（订单号以 ${p} 开头即调整单）算作调整，不计入销售额和订单数`,
        'zh-TW': `${whole(n) ? `${all} 行全部` : `${all} 行中 ${n} 行`}按本預設的規則（訂單號以 ${p} 開頭即調整單）算作調整，不計入銷售額和訂單數`,
        en: `${whole(n) ? `all ${all} rows` : `${n} of ${all} rows`} count as adjustments under this preset's rule (an order number starting with ${p} is an adjustment) and are left out of sales and order counts`,
      },
    })
  }
  return warnings
}
