/** A decimal money string ("1413.5") shown with thousands separators and two decimals: "1,413.50". */
export function formatMoney(amount: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '—'
  const negative = amount.trim().startsWith('-')
  const [whole = '0', fraction = ''] = amount.trim().replace(/^[+-]/, '').split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${negative ? '−' : ''}¥${grouped}.${fraction.padEnd(2, '0').slice(0, 2)}`
}
