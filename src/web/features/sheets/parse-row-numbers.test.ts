import { describe, expect, it } from 'vitest'
import { parseRowNumbers } from './parse-row-numbers.ts'

describe('parseRowNumbers', () => {
  it('reads lists and ranges typed with Chinese or ASCII punctuation', () => {
    expect(parseRowNumbers('12, 3，20-22、3')).toEqual({ ok: true, rows: [3, 12, 20, 21, 22] })
    expect(parseRowNumbers('  ')).toEqual({ ok: true, rows: [] })
  })

  it('names the part that is not a row number', () => {
    expect(parseRowNumbers('3, x7')).toEqual({ ok: false, bad: 'x7' })
    expect(parseRowNumbers('0')).toEqual({ ok: false, bad: '0' })
    expect(parseRowNumbers('9-2')).toEqual({ ok: false, bad: '9-2' })
  })
})
