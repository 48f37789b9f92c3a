/** The period label the metric catalogue reads ('2026-09', '2026-Q3', '2026'), when the cycle covers exactly one. */
export function metricPeriodOf(cycle: {
  kind: string
  periodStart: string
  periodEnd: string
}): string | undefined {
  const [y, m] = cycle.periodStart.split('-').map(Number) as [number, number]
  const lastDay = (year: number, month: number) =>
    new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10)
  const mm = (n: number) => String(n).padStart(2, '0')
  if (!cycle.periodStart.endsWith('-01')) return undefined
  if (cycle.kind === 'monthly' && cycle.periodEnd === lastDay(y, m)) return `${y}-${mm(m)}`
  if (cycle.kind === 'quarterly' && (m - 1) % 3 === 0 && cycle.periodEnd === lastDay(y, m + 2))
    return `${y}-Q${(m + 2) / 3}`
  if (cycle.kind === 'annual' && m === 1 && cycle.periodEnd === `${y}-12-31`) return String(y)
  return undefined
}
