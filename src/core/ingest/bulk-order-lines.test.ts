import { describe, expect, it } from 'vitest'
import { BulkOrderLines, canonicalTimestamp, formatMoney, parseMoney, splitLine } from './bulk-order-lines.ts'

const uciFields = {
  order_no: 0,
  sku: 1,
  product_name: 2,
  quantity: 3,
  ordered_at: 4,
  unit_price: 5,
  customer_id: 6,
  shop: 7,
}
const make = () =>
  new BulkOrderLines({ companyId: 7, importId: 9, width: 8, fields: uciFields, shop: '', rowOffset: 1 })

describe('bulk order lines (fast path)', () => {
  it('passes clean lines through after the computed columns, and numbers lines per order', () => {
    const lines = make()
    const out = lines.push(
      '536365,85123A,WHITE HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n536365,71053,LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom\n',
    )
    expect(out.split('\n')).toEqual([
      '7,9,2,2010-12-01,1,15.30,f,536365,85123A,WHITE HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom',
      '7,9,3,2010-12-01,2,20.34,f,536365,71053,LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom',
      '',
    ])
    expect(lines.copyColumns.slice(0, 8)).toEqual([
      'company_id',
      'import_id',
      'row_no',
      'day',
      'line_no',
      'amount',
      'is_cancellation',
      'order_no',
    ])
    expect(lines.ordersCsv()).toBe(
      '7,9,United Kingdom,536365,17850.0,2010-12-01 08:26:00,2010-12-01,35.64,12,2,f,order\n',
    )
  })

  it('rewrites quoted, padded or short-time lines the way the staging path stores them', () => {
    const lines = make()
    const out = lines.push('C1, X ,"A, ""B""",-2,2011-11-04 10:00,7.650,,Deutschland\nrest-without-newline')
    expect(out).toBe(
      '7,9,2,2011-11-04,1,-15.300,t,C1,X,"A, ""B""",-2,2011-11-04 10:00:00,7.650,,Deutschland\n',
    )
    expect(lines.finish()).toBe('')
    expect(lines.bailed).toMatch(/columns/)
  })

  it('carries a line split across chunks and keeps period and order status', () => {
    const lines = make()
    const a = lines.push('A1,B,adj,1,2011-01-0')
    const b = lines.push('2 00:00:00,-5.00,,UK\n9,S,lost,-3,2011-01-03,0,,UK\n')
    expect(a).toBe('')
    expect(b.split('\n')).toHaveLength(3)
    expect(lines.finish()).toBe('')
    expect([lines.start, lines.end, lines.rows]).toEqual(['2011-01-02', '2011-01-03', 2])
    expect(lines.ordersCsv()).toBe(
      '7,9,UK,A1,,2011-01-02 00:00:00,2011-01-02,-5.00,1,1,f,adjustment\n7,9,UK,9,,2011-01-03 00:00:00,2011-01-03,0,-3,1,f,adjustment\n',
    )
  })

  it.each([
    ['an impossible date', '1,A,a,1,2011-02-29 10:00:00,1,,UK\n'],
    ['a non-canonical date', '1,A,a,1,03/02/2011 10:00,1,,UK\n'],
    ['a negative quantity that is not a cancellation', '1,A,a,-1,2011-02-03 10:00:00,1,,UK\n'],
    ['a negative price outside an adjustment', '1,A,a,1,2011-02-03 10:00:00,-1,,UK\n'],
    ['a formula', "1,A,=cmd|' /C calc'!A0,1,2011-02-03 10:00:00,1,,UK\n"],
    ['a number in exponent form', '1,A,a,1,2011-02-03 10:00:00,1e3,,UK\n'],
    ['a missing order number', ',A,a,1,2011-02-03 10:00:00,1,,UK\n'],
    ['a quote left open', '1,A,"a,1,2011-02-03 10:00:00,1,,UK\n'],
    ['an extra column', '1,A,a,1,2011-02-03 10:00:00,1,,UK,x\n'],
  ])('declines %s (the general path explains it)', (_name, text) => {
    const lines = make()
    expect(lines.push(text)).toBe('')
    expect(lines.bailed).toBeTruthy()
  })

  it('parses only canonical, real timestamps', () => {
    expect(canonicalTimestamp('2012-02-29T23:59')).toBe('2012-02-29 23:59:00')
    expect(canonicalTimestamp('2011-12-09')).toBe('2011-12-09 00:00:00')
    expect(canonicalTimestamp('1900-02-29 00:00:00')).toBeNull()
    expect(canonicalTimestamp('2011-12-09 24:00:00')).toBeNull()
    expect(canonicalTimestamp('2011-12-9 10:00')).toBeNull()
  })

  it('keeps money exact with the price scale', () => {
    expect(formatMoney(parseMoney('0.001') ?? { units: 0, scale: 0 })).toBe('0.001')
    expect(parseMoney('-11062.06')).toEqual({ units: -1106206, scale: 2 })
    expect(parseMoney('123456789012345.12')).toBeUndefined()
    expect(parseMoney('.5')).toBeUndefined()
    expect(formatMoney({ units: -5, scale: 3 })).toBe('-0.005')
    expect(formatMoney({ units: 0, scale: 2 })).toBe('0.00')
  })

  it('splits CSV lines as COPY reads them', () => {
    expect(splitLine('a,"b,c",,"d""e"')).toEqual(['a', 'b,c', '', 'd"e'])
    expect(splitLine('a,"b')).toBeUndefined()
    expect(splitLine('a,b"c')).toBeUndefined()
  })
})
