// Period codes as the metrics API reads them (2011-11-05, 2011-W45, 2011-11, 2011-Q4, 2011) to and from the
// first day of the period, for the date pickers of the metrics explorer.
export type PeriodKind = 'date' | 'week' | 'month' | 'quarter' | 'year'

const pad = (n: number) => String(n).padStart(2, '0')
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`

export function periodKindOf(code: string): PeriodKind {
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(code)) return 'date'
  if (/W/i.test(code)) return 'week'
  if (/Q/i.test(code)) return 'quarter'
  if (/^\d{4}$/.test(code)) return 'year'
  return 'month'
}

/** The period's first day (YYYY-MM-DD), or null for a code that is not a period. */
export function periodStart(code: string): string | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(code)
  if (m) return iso(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))))
  m = /^(\d{4})-?W(\d{1,2})$/i.exec(code)
  if (m) {
    const jan4 = new Date(Date.UTC(Number(m[1]), 0, 4))
    const monday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000
    return iso(new Date(monday + (Number(m[2]) - 1) * 7 * 86400000))
  }
  m = /^(\d{4})-?Q([1-4])$/i.exec(code)
  if (m) return `${m[1]}-${pad(Number(m[2]) * 3 - 2)}-01`
  m = /^(\d{4})-(\d{1,2})$/.exec(code)
  if (m) return `${m[1]}-${pad(Number(m[2]))}-01`
  m = /^(\d{4})$/.exec(code)
  if (m) return `${m[1]}-01-01`
  return null
}

/** The code of the period of the given kind that contains the day (YYYY-MM-DD). */
export function periodCode(kind: PeriodKind, day: string): string {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number]
  switch (kind) {
    case 'date':
      return day
    case 'month':
      return `${y}-${pad(mo)}`
    case 'quarter':
      return `${y}-Q${Math.floor((mo - 1) / 3) + 1}`
    case 'year':
      return String(y)
    case 'week': {
      // ISO 8601: weeks start on Monday and belong to the year of their Thursday.
      const date = new Date(Date.UTC(y, mo - 1, d))
      const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * 86400000)
      const year = thursday.getUTCFullYear()
      const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86400000)) + 1
      return `${year}-W${pad(week)}`
    }
  }
}
