import type { FactColumnType } from './fact-kinds.ts'

// Pure cell parsers for platform exports: placeholders, thousands separators, `12.34%`,
// durations with units, Chinese and slashed dates. Each returns a canonical string the
// database validates again, or null for an empty cell, or a reason it cannot be read.
export type ParsedValue = { ok: true; value: string | null } | { ok: false; reason: string }

/** Cells that mean "no value": blanks, dashes and 生意参谋's 延迟统计 (statistic delayed). */
export const placeholderValues = new Set([
  '',
  '-',
  '--',
  '—',
  '－',
  '/',
  'N/A',
  'n/a',
  'null',
  'NULL',
  '延迟统计',
])

/**
 * The documented bound of every imported number (money, prices, amounts, counts, rates, durations): finite and
 * within ±1,000,000,000,000 — the same bound as targets and actuals (src/contracts/bounds.ts `maxMeasure`).
 */
export const maxImportedMagnitude = 1e12

const ok = (value: string | null): ParsedValue => ({ ok: true, value })
const fail = (reason: string): ParsedValue => ({ ok: false, reason })

function clean(raw: string): string {
  return raw.replace(/[\u00a0\u3000]/g, ' ').trim()
}

/** A decimal number: strips thousands separators, currency signs and full-width digits. */
export function parseNumber(raw: string): ParsedValue {
  let s = clean(raw)
  if (placeholderValues.has(s)) return ok(null)
  s = s.replace(/[０-９．－]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
  s = s.replace(/^[¥￥$]\s*/, '').replace(/元$/, '')
  if (/^[-+]?\d{1,3}([,，]\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/[,，]/g, '')
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) {
    const n = Number(s)
    if (!Number.isFinite(n) || Math.abs(n) > maxImportedMagnitude)
      return fail(`"${raw.slice(0, 40)}" is out of range: numbers must lie within ±1,000,000,000,000`)
    return ok(normaliseNumber(s))
  }
  if (s.endsWith('%')) return fail(`"${raw}" is a percentage where a plain number is expected`)
  return fail(`"${raw}" is not a number`)
}

function normaliseNumber(s: string): string {
  let t = s.startsWith('+') ? s.slice(1) : s
  if (/[eE]/.test(t)) t = expandExponent(t)
  if (t.startsWith('.')) t = `0${t}`
  if (t.startsWith('-.')) t = `-0${t.slice(1)}`
  if (t.endsWith('.')) t = t.slice(0, -1)
  return t
}

function expandExponent(s: string): string {
  const [mantissa = '0', expText = '0'] = s.toLowerCase().split('e')
  const exp = Number(expText)
  const negative = mantissa.startsWith('-')
  const [intPart = '', fracPart = ''] = mantissa.replace('-', '').split('.')
  let digits = intPart + fracPart
  let point = intPart.length + exp
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits
    point = 1
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length)
  const out = `${digits.slice(0, point)}${point < digits.length ? `.${digits.slice(point)}` : ''}`.replace(
    /^0+(?=\d)/,
    '',
  )
  return negative ? `-${out}` : out
}

/** A whole number; `6.0` is accepted as 6. */
export function parseInteger(raw: string): ParsedValue {
  const n = parseNumber(raw)
  if (!n.ok || n.value === null) return n
  const m = /^(-?\d+)(\.0*)?$/.exec(n.value)
  if (!m) return fail(`"${raw}" is not a whole number`)
  return ok(m[1] ?? '0')
}

/** A rate as a fraction: `12.34%` → 0.1234; a plain number is taken as a fraction already. */
export function parseRate(raw: string): ParsedValue {
  const s = clean(raw)
  if (placeholderValues.has(s)) return ok(null)
  if (s.endsWith('%') || s.endsWith('％')) {
    const n = parseNumber(s.slice(0, -1))
    if (!n.ok || n.value === null) return fail(`"${raw}" is not a percentage`)
    return ok(shiftDecimal(n.value, -2))
  }
  return parseNumber(s)
}

function shiftDecimal(value: string, places: number): string {
  const negative = value.startsWith('-')
  const [i = '', f = ''] = value.replace('-', '').split('.')
  let digits = i + f
  let point = i.length + places
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits
    point = 1
  }
  const out = `${digits.slice(0, point).replace(/^0+(?=\d)/, '')}.${digits.slice(point)}`.replace(
    /\.?0*$/,
    '',
  )
  const result = out === '' ? '0' : out
  return negative && result !== '0' ? `-${result}` : result
}

const durationUnits: [RegExp, number][] = [
  [/(\d+(?:\.\d+)?)\s*(?:天|d)/, 86400],
  [/(\d+(?:\.\d+)?)\s*(?:小时|时|h)/, 3600],
  [/(\d+(?:\.\d+)?)\s*(?:分钟|分|min|m(?!s))/, 60],
  [/(\d+(?:\.\d+)?)\s*(?:秒|s)/, 1],
]

/** A duration in seconds: `1小时2分3秒`, `35秒`, `01:02:03`, `2:05`, `1h2m`, or plain seconds. */
export function parseDuration(raw: string): ParsedValue {
  const s = clean(raw)
  if (placeholderValues.has(s)) return ok(null)
  const plain = parseNumber(s)
  if (plain.ok) return plain
  const clock = /^(\d+):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?$/.exec(s)
  if (clock) {
    const [h, m, sec] =
      clock[3] === undefined
        ? [0, Number(clock[1]), Number(clock[2])]
        : [Number(clock[1]), Number(clock[2]), Number(clock[3])]
    return ok(String(h * 3600 + m * 60 + sec))
  }
  let rest = s
  let total = 0
  let matched = false
  for (const [re, factor] of durationUnits) {
    const m = re.exec(rest)
    if (m) {
      total += Number(m[1]) * factor
      rest = rest.replace(m[0], '')
      matched = true
    }
  }
  if (!matched || rest.trim() !== '') return fail(`"${raw}" is not a duration`)
  return ok(String(Math.round(total * 1000) / 1000))
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return false
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

const datePatterns = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?/,
  /^(\d{4})(\d{2})(\d{2})(?!\d)/,
]

/** A calendar date `YYYY-MM-DD` from `2011-11-05`, `2011/11/5`, `2011年11月5日`, `20111105`; impossible dates fail. */
export function parseDate(raw: string): ParsedValue {
  const s = clean(raw)
  if (placeholderValues.has(s)) return ok(null)
  const t = parseTimestamp(s)
  if (t.ok && t.value !== null) return ok(t.value.slice(0, 10))
  return t.ok ? fail(`"${raw}" is not a date`) : fail(t.reason.replace('date and time', 'date'))
}

/** A local date-time `YYYY-MM-DD HH:MM:SS`; a bare date is midnight. */
export function parseTimestamp(raw: string): ParsedValue {
  const s = clean(raw)
  if (placeholderValues.has(s)) return ok(null)
  for (const re of datePatterns) {
    const m = re.exec(s)
    if (!m) continue
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    if (!validDate(y, mo, d)) return fail(`"${raw}" is an impossible date`)
    const rest = s.slice(m[0].length).trim().replace(/^T/, '')
    if (rest === '') return ok(`${y}-${pad(mo)}-${pad(d)} 00:00:00`)
    const tm = /^(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})(?:\.\d+)?秒?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(rest)
    if (!tm) return fail(`"${raw}" is not a date and time`)
    const [h, mi, sec] = [Number(tm[1]), Number(tm[2]), Number(tm[3] ?? 0)]
    if (h > 23 || mi > 59 || sec > 59) return fail(`"${raw}" is an impossible time`)
    return ok(`${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(sec)}`)
  }
  return fail(`"${raw}" is not a date and time`)
}

const trueWords = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓'])
const falseWords = new Set(['否', '无', 'n', 'no', 'false', '0', '×', '✗'])

/** A yes/no cell: 是/否, Y/N, true/false, 1/0. */
export function parseBoolean(raw: string): ParsedValue {
  const s = clean(raw).toLowerCase()
  if (placeholderValues.has(s)) return ok(null)
  if (trueWords.has(s)) return ok('true')
  if (falseWords.has(s)) return ok('false')
  return fail(`"${raw}" is not yes/no`)
}

/** Text with surrounding spaces removed; placeholders become empty. */
export function parseText(raw: string): ParsedValue {
  const s = clean(raw)
  return ok(s === '' ? null : s)
}

/**
 * Whether a cell would run as a spreadsheet formula when the data is opened in Excel: `=…`, `@…`, `+`/`-` then a
 * letter, or `+`/`-` then a digit, `.` or `(` followed later by an operator (`-2+3+cmd|' /C calc'!A0`) — unless
 * the whole cell is a number (`-5`, `-1,234.50`, `+1.5e+3`).
 */
export function looksLikeFormula(raw: string): boolean {
  const s = raw.trim()
  if (/^(=|@|[+-][A-Za-z])/.test(s)) return true
  if (!/^[+-][\d.(][\s\S]*?[+*/^&|!()=<>]/.test(s)) return false
  return !/^[-+]?[\d,，.]+([eE][-+]?\d+)?%?$/.test(s)
}

/** Parses a cell for a column of the given type. */
export function parseCell(type: FactColumnType, raw: string): ParsedValue {
  switch (type) {
    case 'text':
      return parseText(raw)
    case 'int':
      return parseInteger(raw)
    case 'numeric':
      return parseNumber(raw)
    case 'rate':
      return parseRate(raw)
    case 'seconds':
      return parseDuration(raw)
    case 'date':
      return parseDate(raw)
    case 'timestamp':
      return parseTimestamp(raw)
    case 'bool':
      return parseBoolean(raw)
  }
}
