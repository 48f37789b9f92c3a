/** Row numbers typed by a person ("3, 12, 20-22" or "3，12、20–22") as a sorted list, or the part that is not one. */
export function parseRowNumbers(text: string): { ok: true; rows: number[] } | { ok: false; bad: string } {
  const rows = new Set<number>()
  for (const raw of text.split(/[\s,，、;；]+/)) {
    const part = raw.trim()
    if (part === '') continue
    const range = /^(\d+)\s*[-–~～]\s*(\d+)$/.exec(part)
    if (range) {
      const from = Number(range[1])
      const to = Number(range[2])
      if (from < 1 || to < from || to - from > 1000) return { ok: false, bad: part }
      for (let n = from; n <= to; n++) rows.add(n)
      continue
    }
    if (!/^\d+$/.test(part) || Number(part) < 1) return { ok: false, bad: part }
    rows.add(Number(part))
  }
  if (rows.size > 1000) return { ok: false, bad: text }
  return { ok: true, rows: [...rows].sort((a, b) => a - b) }
}
