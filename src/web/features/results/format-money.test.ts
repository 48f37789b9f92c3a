import { describe, expect, it } from 'vitest'
import { formatMoney } from './format-money.ts'

describe('formatMoney', () => {
  it('shows the decimal string as it is, to the fen, without going through floating point', () => {
    expect(formatMoney('1413.5')).toBe('¥1,413.50')
    expect(formatMoney('12345678901.99')).toBe('¥12,345,678,901.99')
    expect(formatMoney('-20')).toBe('−¥20.00')
    expect(formatMoney('0.07')).toBe('¥0.07')
    expect(formatMoney(null)).toBe('—')
  })
})
