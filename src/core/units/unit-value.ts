// One reading of every value (一个数只有一种读法): one parser and one formatter per unit, shared by the template
// editor, the live preview, sheets, imports, the CLI and exports.
//
// The rule for percentages: a % value is stored as a ratio (0.95 = 95 %). Text with a percent sign is percent
// (`95%`, `95 %`, `95％` → 0.95). Text without a sign is read as stored: in a file, the CLI or the API `0.95` is
// 0.95. An input box in the app shows the % sign after the box, so what a person types there is percent points
// (`95` → 0.95, as people type 96 on sheets), and a typed `95%` means the same.
import { parseNumber, parseRate } from '../ingest/parse-value.ts'

/** The units Jixiao reads and writes: a % ratio, money (元), a count, days, hours, or a plain number. */
export type ValueUnit = 'percent' | 'money' | 'count' | 'days' | 'hours' | 'plain'

export const valueUnits: readonly ValueUnit[] = ['percent', 'money', 'count', 'days', 'hours', 'plain']

const unitWords: Record<Exclude<ValueUnit, 'plain'>, readonly string[]> = {
  percent: ['%', '％', 'percent'],
  money: ['元', '¥', '￥', 'yuan', 'cny', 'rmb'],
  count: ['次', '人', '笔', '条', '项', '家', '名', '件', '个', '单', 'count'],
  days: ['天', '日', 'day', 'days'],
  hours: ['小时', '小時', '时', 'h', 'hour', 'hours'],
}

/** The unit a template's free-text unit stands for ('%' → percent, '元' → money, '次' → count …). */
export function unitOf(unit: string | undefined): ValueUnit {
  const word = unit?.trim().toLowerCase()
  if (!word) return 'plain'
  for (const kind of ['percent', 'money', 'count', 'days', 'hours'] as const)
    if (unitWords[kind].includes(word)) return kind
  return 'plain'
}

export type UnitParse = { ok: true; value: number | undefined } | { ok: false; reason: UnitProblem }

/** Why a text is no value of its unit, in zh-CN, zh-TW and en. */
export type UnitProblem = { 'zh-CN': string; 'zh-TW': string; en: string }

const notANumber = (raw: string): UnitParse => ({
  ok: false,
  reason: {
    'zh-CN': `「${raw.slice(0, 40)}」不是数字`,
    'zh-TW': `「${raw.slice(0, 40)}」不是數字`,
    en: `"${raw.slice(0, 40)}" is not a number`,
  },
})

const suffixes: Record<Exclude<ValueUnit, 'plain' | 'percent' | 'money'>, RegExp> = {
  count: /\s*(次|人|笔|条|项|家|名|件|个|单)$/,
  days: /\s*(天|日|days?|d)$/i,
  hours: /\s*(小时|小時|时|時|hours?|h)$/i,
}

function number(raw: string): UnitParse {
  const n = parseNumber(raw)
  if (!n.ok) return notANumber(raw)
  return { ok: true, value: n.value === null ? undefined : Number(n.value) }
}

/**
 * Read a value as text (a file cell, a CLI flag, an API field): `90%`, `90 %` and `0.9` are the same % value;
 * `¥1,234.50`, `1234.5元` money; `3次` a count; `2天` days; `1.5小时` hours. Empty text is no value (undefined),
 * never 0.
 */
export function parseUnitValue(raw: string, unit: ValueUnit): UnitParse {
  const text = raw.replace(/[\u00a0\u3000]/g, ' ').trim()
  if (unit === 'percent') {
    const r = parseRate(text)
    if (!r.ok) return notANumber(raw)
    return { ok: true, value: r.value === null ? undefined : Number(r.value) }
  }
  if (unit === 'money') return number(text.replace(/^-\s*[¥￥]\s*/, '-'))
  if (unit === 'plain') return number(text)
  return number(text.replace(suffixes[unit], ''))
}

/**
 * Read what a person typed in an input box that shows the unit after it: for % the box holds percent points
 * (`96` → 0.96, `96%` → 0.96); the other units read as parseUnitValue.
 */
export function parseTypedValue(raw: string, unit: ValueUnit): UnitParse {
  if (unit !== 'percent') return parseUnitValue(raw, unit)
  const text = raw.replace(/[\u00a0\u3000]/g, ' ').trim()
  return parseUnitValue(/[%％]$/.test(text) || text === '' ? text : `${text}%`, 'percent')
}

/** The number an input box shows for a stored value (percent points for %), without float noise. */
export function toTypedNumber(value: number, unit: ValueUnit): number {
  return unit === 'percent' ? Number((value * 100).toPrecision(12)) : value
}

/** The stored value of the number an input box holds (the inverse of toTypedNumber). */
export function fromTypedNumber(typed: number, unit: ValueUnit): number {
  return unit === 'percent' ? Number((typed / 100).toPrecision(12)) : typed
}

export type UnitLanguage = 'zh-CN' | 'zh-TW' | 'en'

const grouped = (digits: number) =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })
const plainFormat = grouped(4)
const twoDecimals = grouped(2)
const moneyFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

/**
 * Write a value in its unit, the same digits in every language: 0.95 → `95%` (two decimals of a percent at
 * most), 1234.5 → `¥1,234.50` (to the fen), 3 → `3` (the caller adds the template's word: 次, 人 …),
 * 2 → `2 天`/`2 days`, 1.5 → `1.5 小时`/`1.5 h`.
 * parseUnitValue reads every one of these back to the same value.
 */
export function formatUnitValue(value: number, unit: ValueUnit, language: UnitLanguage = 'zh-CN'): string {
  const en = language === 'en'
  switch (unit) {
    case 'percent':
      return `${twoDecimals.format(Number((value * 100).toPrecision(12)))}%`
    case 'money':
      return `${value < 0 ? '-' : ''}¥${moneyFormat.format(Math.abs(value))}`
    case 'count':
      return twoDecimals.format(value)
    case 'days':
      return `${twoDecimals.format(value)} ${en ? 'days' : '天'}`
    case 'hours':
      return `${twoDecimals.format(value)} ${en ? 'h' : language === 'zh-TW' ? '小時' : '小时'}`
    case 'plain':
      return plainFormat.format(value)
  }
}
