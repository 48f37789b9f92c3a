// Number and band formatting shared by the explanations (zh-CN and en use the same digits and separators).
import type { Band } from '../templates/template.ts'
import { roundScore } from './round-score.ts'

export type Explanation = { 'zh-CN': string; en: string }

/** Shared empty explanation for bulk scoring (`explain: false`): no strings are built. */
export const noExplanation: Explanation = Object.freeze({ 'zh-CN': '', en: '' })

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

/** Group the digits of a rounded number (faster than Intl for the common case; Intl beyond 1e15). */
function group(rounded: number): string {
  const abs = rounded < 0 ? -rounded : rounded
  if (abs >= 1e15 || !Number.isFinite(abs)) return numberFormat.format(rounded)
  const text = String(abs)
  const dot = text.indexOf('.')
  const whole = dot < 0 ? text : text.slice(0, dot)
  let grouped = whole
  if (whole.length > 3) {
    grouped = ''
    for (let i = 0; i < whole.length; i++) {
      if (i > 0 && (whole.length - i) % 3 === 0) grouped += ','
      grouped += whole[i]
    }
  }
  const sign = rounded < 0 ? '-' : ''
  return dot < 0 ? sign + grouped : sign + grouped + text.slice(dot)
}

/** 12000 → "12,000"; 2.675 → "2.68". */
export function fmt(value: number): string {
  return group(roundScore(value))
}

/** A fraction as a percentage: 0.875 → "87.5%". */
export function pct(fraction: number): string {
  return `${group(roundScore(fraction * 100))}%`
}

/**
 * A value with its unit, e.g. "12,000 次" (the unit is template data, used as is in both languages). A '%'
 * indicator holds fractions (1 = 100%, as the templates define them), so 0.98 reads "98%", not "0.98 %".
 */
export function withUnit(value: number, unit: string | undefined, percent = false): string {
  if (percent || unit === '%') return pct(value)
  return unit ? `${fmt(value)} ${unit}` : fmt(value)
}

/** Describe a band's bounds: "≥ 80,000 且 < 100,000" / "≥ 80,000 and < 100,000". */
export function describeBand(band: Omit<Band, 'points'>, percent: boolean): Explanation {
  const show = (v: number) => (percent ? pct(v) : fmt(v))
  const parts: [string, string][] = []
  if (band.min !== undefined) parts.push([`${band.minInclusive === false ? '>' : '≥'} ${show(band.min)}`, ''])
  if (band.max !== undefined) parts.push([`${band.maxInclusive === true ? '≤' : '<'} ${show(band.max)}`, ''])
  if (parts.length === 0) return { 'zh-CN': '任意值', en: 'any value' }
  return {
    'zh-CN': parts.map((p) => p[0]).join(' 且 '),
    en: parts.map((p) => p[0]).join(' and '),
  }
}

/** Whether a value lies in a band; `minInclusive` defaults to true and `maxInclusive` to false ([min, max)). */
export function bandContains(band: Omit<Band, 'points'>, value: number): boolean {
  if (band.min !== undefined && (band.minInclusive === false ? value <= band.min : value < band.min))
    return false
  if (band.max !== undefined && (band.maxInclusive === true ? value > band.max : value >= band.max))
    return false
  return true
}
