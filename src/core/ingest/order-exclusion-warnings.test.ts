import { describe, expect, it } from 'vitest'
import { orderExclusionWarnings } from './order-exclusion-warnings.ts'

const uci = { cancellation: 'C', adjustment: 'A' }

describe('orderExclusionWarnings', () => {
  // A few cancellations are normal; a file with nothing left for the sales figures must say why.
  it('says nothing while some rows are orders', () => {
    expect(
      orderExclusionWarnings({ rows: 3, cancellationPrefix: 2, status: 0, adjustmentPrefix: 0 }, uci),
    ).toEqual([])
    expect(
      orderExclusionWarnings({ rows: 0, cancellationPrefix: 0, status: 0, adjustmentPrefix: 0 }, uci),
    ).toEqual([])
  })

  it('names each rule and its count when every row is excluded', () => {
    const warnings = orderExclusionWarnings(
      { rows: 5, cancellationPrefix: 3, status: 0, adjustmentPrefix: 2 },
      uci,
    )
    expect(warnings.map((w) => [w.rule, w.rows, w.of])).toEqual([
      ['cancellation_prefix', 3, 5],
      ['adjustment_prefix', 2, 5],
    ])
    expect(warnings[0]?.message['zh-CN']).toBe(
      '5 行中 3 行按本预设的规则（订单号以 C 开头即取消单）算作取消，不计入销售额和订单数',
    )
    expect(warnings[1]?.message.en).toContain('2 of 5 rows count as adjustments')
  })

  it('names the status column for a file without a prefix convention', () => {
    const [warning] = orderExclusionWarnings(
      { rows: 2, cancellationPrefix: 0, status: 2, adjustmentPrefix: 0 },
      undefined,
    )
    expect(warning?.message['zh-TW']).toBe('2 行全部的訂單狀態為已取消，不計入銷售額和訂單數')
  })
})
