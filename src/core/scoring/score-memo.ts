// A memo of indicator scores for one bulk job (computing a cycle): most sheets of a cycle share their rules and
// many share an input (the same level, the same discretionary score, the same shop figure), so each distinct
// rule and input is scored and explained once and its result, which nothing mutates, is shared. It belongs to
// one job, never to the module, so it is dropped with the job's template versions.
import type { AdjustmentItem, Indicator } from '../templates/template.ts'
import type { AdjustmentScore } from './score-adjustment.ts'
import type { IndicatorInput, IndicatorScore } from './score-indicator.ts'
import type { Blend } from './score-sheet.ts'

export type ScoreMemo = {
  indicators: WeakMap<Indicator, Map<string, IndicatorScore>>
  blends: WeakMap<Indicator, Map<string, Blend>>
  adjustments: WeakMap<AdjustmentItem, Map<string, AdjustmentScore>>
}

/** Results kept per rule: past this many distinct inputs a rule is scored afresh (memory stays bounded). */
const entriesPerRule = 4096

export function createScoreMemo(): ScoreMemo {
  return { indicators: new WeakMap(), blends: new WeakMap(), adjustments: new WeakMap() }
}

/** The results cached for one rule. */
export function memoEntries<K extends object, V>(memo: WeakMap<K, Map<string, V>>, rule: K): Map<string, V> {
  let entries = memo.get(rule)
  if (!entries) {
    entries = new Map()
    memo.set(rule, entries)
  }
  return entries
}

/**
 * The score of one rule for one input: from the memo when this input was scored before (with or without
 * explanations, as asked), else `score()`, remembered. Without a memo, or for an input it cannot key, `score()`.
 */
export function scoredOnce<K extends object, V>(
  memo: WeakMap<K, Map<string, V>> | undefined,
  rule: K,
  input: IndicatorInput | undefined,
  explain: boolean,
  score: () => V,
): V {
  const inputKey = memo ? memoKeyOf(input) : undefined
  if (!memo || inputKey === undefined) return score()
  const entries = memoEntries(memo, rule)
  const key = explain ? `e${inputKey}` : `n${inputKey}`
  return entries.get(key) ?? remember(entries, key, score())
}

/** Cache a result unless the rule already holds its share of entries. */
export function remember<V>(entries: Map<string, V>, key: string, value: V): V {
  if (entries.size < entriesPerRule) entries.set(key, value)
  return value
}

/**
 * The key of an input: its JSON, when JSON tells equal inputs apart. Inputs holding a number JSON cannot
 * write (NaN, ±Infinity, −0) or anything but plain data are not cached (undefined). Key order is kept, so
 * the same values in another order only miss the cache.
 */
export function memoKeyOf(input: IndicatorInput | undefined): string | undefined {
  if (input === undefined) return ''
  return isPlainData(input, 0) ? JSON.stringify(input) : undefined
}

function isPlainData(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0)
    case 'string':
    case 'boolean':
    case 'undefined':
      return true
    case 'object': {
      if (value === null) return true
      if (depth > 2 || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return false
      for (const key in value)
        if (!isPlainData((value as Record<string, unknown>)[key], depth + 1)) return false
      return true
    }
    default:
      return false
  }
}
