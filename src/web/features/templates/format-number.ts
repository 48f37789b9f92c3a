const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

/** 12000 → "12,000"; 2.675 → "2.68" (the same digits in every interface language, like the engine's). */
export function formatNumber(value: number): string {
  return numberFormat.format(value)
}

/** A fraction as a percentage: 0.875 → "87.5%". */
export function formatPercent(fraction: number): string {
  return `${numberFormat.format(Math.round(fraction * 10_000) / 100)}%`
}
