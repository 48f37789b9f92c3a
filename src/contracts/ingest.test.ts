import { describe, expect, it } from 'vitest'
import { importOptionsSchema, metricQuerySchema } from './ingest.ts'

describe('ingest contracts', () => {
  it('accepts a metric query and defaults the grouping to shop', () => {
    expect(metricQuerySchema.parse({ metric: 'gmv', period: '2011-11' })).toEqual({
      metric: 'gmv',
      by: 'shop',
      period: '2011-11',
    })
    expect(metricQuerySchema.safeParse({ metric: 'gmv', period: 'last month' }).success).toBe(false)
    expect(metricQuerySchema.safeParse({ metric: 'no_such_metric', period: '2011' }).success).toBe(false)
  })
  it('needs the fact kind with a column mapping', () => {
    expect(importOptionsSchema.safeParse({ mapping: { order_no: '单号' } }).success).toBe(false)
    expect(importOptionsSchema.safeParse({ kind: 'orders', mapping: { order_no: '单号' } }).success).toBe(
      true,
    )
    expect(importOptionsSchema.safeParse({ periodStart: '2011-02-30' }).success).toBe(false)
  })
})
