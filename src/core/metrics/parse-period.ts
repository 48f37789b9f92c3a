import { DomainError } from '../errors.ts'

// Appraisal periods as text: a day `2011-11-05`, ISO week `2011-W45`, month `2011-11`, quarter `2011-Q4`, year `2011`.
export type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'year'

/** `start` inclusive and `end` exclusive, both `YYYY-MM-DD`. */
export type Period = { kind: PeriodKind; label: string; start: string; end: string }

const iso = (d: Date) => d.toISOString().slice(0, 10)
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))

export function parsePeriod(text: string): Period {
  const t = text.trim()
  let m = /^(\d{4})$/.exec(t)
  if (m) {
    const y = Number(m[1])
    return { kind: 'year', label: t, start: iso(utc(y, 1, 1)), end: iso(utc(y + 1, 1, 1)) }
  }
  m = /^(\d{4})-?Q([1-4])$/i.exec(t)
  if (m) {
    const y = Number(m[1])
    const q = Number(m[2])
    return {
      kind: 'quarter',
      label: `${y}-Q${q}`,
      start: iso(utc(y, q * 3 - 2, 1)),
      end: iso(utc(y, q * 3 + 1, 1)),
    }
  }
  m = /^(\d{4})-?W(\d{1,2})$/i.exec(t)
  if (m) {
    const y = Number(m[1])
    const w = Number(m[2])
    const jan4 = utc(y, 1, 4)
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 + (w - 1) * 7 * 86400000)
    const weeks = isoWeeksInYear(y)
    if (w < 1 || w > weeks) throw invalid(text, `week ${w} does not exist in ${y}`)
    return {
      kind: 'week',
      label: `${y}-W${String(w).padStart(2, '0')}`,
      start: iso(monday),
      end: iso(new Date(monday.getTime() + 7 * 86400000)),
    }
  }
  m = /^(\d{4})-(\d{1,2})$/.exec(t)
  if (m) {
    const y = Number(m[1])
    const mo = Number(m[2])
    if (mo < 1 || mo > 12) throw invalid(text, 'month must be 01–12')
    return {
      kind: 'month',
      label: `${y}-${String(mo).padStart(2, '0')}`,
      start: iso(utc(y, mo, 1)),
      end: iso(utc(y, mo + 1, 1)),
    }
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t)
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    const date = utc(y, mo, d)
    if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) throw invalid(text, 'no such day')
    return { kind: 'day', label: iso(date), start: iso(date), end: iso(utc(y, mo, d + 1)) }
  }
  throw invalid(text, 'use 2011-11-05, 2011-W45, 2011-11, 2011-Q4 or 2011')
}

function isoWeeksInYear(y: number): number {
  const dec28 = utc(y, 12, 28)
  const jan4 = utc(y, 1, 4)
  const mondayOfWeek1 = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000
  return Math.floor((dec28.getTime() - mondayOfWeek1) / (7 * 86400000)) + 1
}

function invalid(text: string, why: string): DomainError {
  return new DomainError('invalid_input', `period "${text}": ${why}`, [{ path: 'period', message: why }])
}

/** The period of the same kind just before this one (for growth and retention). */
export function previousPeriod(period: Period): Period {
  const start = new Date(`${period.start}T00:00:00Z`)
  switch (period.kind) {
    case 'day':
      return parsePeriod(iso(new Date(start.getTime() - 86400000)))
    case 'week': {
      const prev = new Date(start.getTime() - 7 * 86400000)
      return { ...period, label: `week of ${iso(prev)}`, start: iso(prev), end: period.start }
    }
    case 'month': {
      const prev = utc(start.getUTCFullYear(), start.getUTCMonth(), 1)
      return parsePeriod(iso(prev).slice(0, 7))
    }
    case 'quarter': {
      const prev = utc(start.getUTCFullYear(), start.getUTCMonth() - 2, 1)
      return parsePeriod(`${prev.getUTCFullYear()}-Q${Math.floor(prev.getUTCMonth() / 3) + 1}`)
    }
    case 'year':
      return parsePeriod(String(start.getUTCFullYear() - 1))
  }
}

/** Number of days in the period. */
export function periodDays(period: Period): number {
  return Math.round((Date.parse(period.end) - Date.parse(period.start)) / 86400000)
}
