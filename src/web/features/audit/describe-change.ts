/** One field that an audited change altered: its path and the values before and after, shown as short text. */
export type FieldChange = { path: string; before: string; after: string }

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** A value in one short line: strings as they are, arrays by their length, objects as compact JSON (cut at 80). */
export function shortValue(value: unknown): string {
  if (value === undefined || value === null) return '—'
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return `[${value.length}]`
  const text = JSON.stringify(value)
  return text.length > 80 ? `${text.slice(0, 79)}…` : text
}

/**
 * What an audit row changed, field by field (before → after): the top-level keys of two objects whose values
 * differ, in key order; a row without two objects (a creation, a deletion, a list) is one change at path ''.
 */
export function describeChange(before: unknown, after: unknown): FieldChange[] {
  if (!isRecord(before) || !isRecord(after)) {
    if (before === null && after === null) return []
    return [{ path: '', before: shortValue(before), after: shortValue(after) }]
  }
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => ({ path: k, before: shortValue(before[k]), after: shortValue(after[k]) }))
}
