import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { parse } from 'csv-parse/sync'
import iconv from 'iconv-lite'
import { DomainError } from '../../core/errors.ts'
import { readXlsxRows } from '../ingest/readers/read-xlsx-rows.ts'

/** A values file as a header and rows of text, with the spreadsheet's own 1-based row numbers. */
export type ValuesTable = { header: string[]; rows: { row: number; cells: string[] }[] }

const maxValuesFileBytes = 20 * 1024 * 1024

/** Reads a small CSV (UTF-8, with or without BOM, or GB18030) or the first sheet of an XLSX file. */
export async function readValuesFile(path: string): Promise<ValuesTable> {
  const bytes = await readFile(path)
  if (bytes.length > maxValuesFileBytes) {
    throw new DomainError('too_large', `${path}: a values file may be at most 20 MB`)
  }
  const lines = extname(path).toLowerCase() === '.xlsx' ? await xlsxLines(path) : csvLines(bytes)
  const [header, ...rest] = lines
  if (!header) throw new DomainError('invalid_input', `${path}: the file is empty`)
  return {
    header: header.map((h) => h.trim()),
    rows: rest.map((cells, i) => ({ row: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== '')),
  }
}

function csvLines(bytes: Buffer): string[][] {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(hasBom ? bytes.subarray(3) : bytes)
  } catch {
    // Not UTF-8: Chinese Excel saves CSV as GBK, which GB18030 decodes.
    text = iconv.decode(bytes, 'gb18030')
  }
  return parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][]
}

/** The first sheet's rows as text (read-xlsx-rows: shared and rich text, dates, any part order); formulas refused. */
async function xlsxLines(path: string): Promise<string[][]> {
  const lines: string[][] = []
  for await (const row of readXlsxRows(path, path)) lines[row.row - 1] = row.cells
  return Array.from(lines, (l) => l ?? [])
}
