// Immutable list edits for the template editor (the draft is plain data, replaced on every change).

export function replaceAt<T>(list: readonly T[], index: number, value: T): T[] {
  return list.map((item, i) => (i === index ? value : item))
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index)
}

/** Moves an item one place up (-1) or down (+1); a move past either end leaves the list as it is. */
export function moveAt<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list]
  const next = [...list]
  const [item] = next.splice(index, 1)
  next.splice(to, 0, item as T)
  return next
}

/** A key not yet used in `taken`: `${base}_${n}` with the smallest n ≥ 1. */
export function uniqueKey(base: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  for (let n = 1; ; n++) {
    const key = `${base}_${n}`
    if (!used.has(key)) return key
  }
}
