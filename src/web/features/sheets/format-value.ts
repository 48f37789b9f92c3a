import { formatNumber, formatPercent } from '../templates/format-number.ts'
import { isPercentUnit } from './review-fields.ts'

/** An indicator's value in its unit: fractions as percentages for '%', else the number and unit. */
export function formatValue(value: number | undefined | null, unit?: string): string {
  if (value === undefined || value === null) return '—'
  if (isPercentUnit(unit)) return formatPercent(value)
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value)
}

export { formatNumber }
