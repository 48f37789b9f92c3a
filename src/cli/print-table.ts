/** Prints rows as an aligned text table; wide (CJK) characters count as two columns. */
export function formatTable(header: string[], rows: (string | number)[][]): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0)
  const text = rows.map((r) => r.map(String))
  const widths = header.map((h, i) => Math.max(width(h), ...text.map((r) => width(r[i] ?? ''))))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c + ' '.repeat(widths[i]! - width(c)))
      .join('  ')
      .trimEnd()
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n')
}
