import { createReadStream } from 'node:fs'
import { parse } from 'csv-parse'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { DomainError } from '../../../core/errors.ts'
import type { DetectedEncoding } from '../../../core/ingest/detect-encoding.ts'

// Streams the rows of a CSV (any detected encoding) or of the first XLSX worksheet as text cells.
export type SheetRow = { row: number; cells: string[] }

/** The decoded text of a file, chunk by chunk; a strict UTF-8 decode names the byte offset it fails at. */
export async function* decodeFile(
  path: string,
  fileName: string,
  encoding: DetectedEncoding,
  signal?: AbortSignal,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<string> {
  const stream = createReadStream(path, { start: encoding.bomLength, highWaterMark: 1 << 20 })
  const utf8 = encoding.encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }) : undefined
  const other = utf8 ? undefined : iconv.getDecoder(encoding.encoding)
  let offset = encoding.bomLength
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      signal?.throwIfAborted()
      let text: string
      try {
        text = utf8 ? utf8.decode(chunk, { stream: true }) : (other?.write(chunk) ?? '')
      } catch {
        throw new DomainError(
          'invalid_input',
          `${fileName}: the bytes near offset ${offset} are not valid UTF-8; if the file is GBK/GB18030 (e.g. a promotion CSV), import it with encoding gbk`,
          [{ path: 'encoding', message: `invalid UTF-8 near byte ${offset}` }],
        )
      }
      offset += chunk.length
      onBytes?.(chunk.length)
      if (text) yield text
    }
    const rest = utf8 ? utf8.decode() : (other?.end() ?? '')
    if (rest) yield rest
  } finally {
    stream.destroy()
  }
}

/** CSV rows, 1-based row numbers as a spreadsheet shows them; ragged rows are returned as they are. */
export async function* readCsvRows(
  path: string,
  fileName: string,
  encoding: DetectedEncoding,
  signal?: AbortSignal,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<SheetRow> {
  const parser = parse({ relax_column_count: true, relax_quotes: true, skip_empty_lines: false })
  const feed = (async () => {
    try {
      for await (const text of decodeFile(path, fileName, encoding, signal, onBytes)) {
        if (parser.destroyed) return
        if (!parser.write(text))
          await new Promise((resolve) => {
            parser.once('drain', resolve)
            parser.once('close', resolve)
          })
      }
      if (!parser.destroyed) parser.end()
    } catch (error) {
      parser.destroy(error as Error)
    }
  })()
  let row = 0
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++
      yield { row, cells: record }
    }
  } catch (error) {
    if (error instanceof DomainError || (error as Error).name === 'AbortError') throw error
    throw new DomainError('invalid_input', `${fileName}: row ${row + 1}: ${(error as Error).message}`, [
      { path: `row ${row + 1}`, message: (error as Error).message },
    ])
  } finally {
    if (!parser.writableEnded) parser.destroy()
    await feed
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function columnLetter(n: number): string {
  let s = ''
  let x = n
  while (x > 0) {
    const m = (x - 1) % 26
    s = String.fromCharCode(65 + m) + s
    x = Math.floor((x - 1) / 26)
  }
  return s
}

/** A cell as text; dates as local wall time; formula cells are refused (they could run `=cmd|…` when re-opened). */
export function cellText(value: unknown, fileName: string, row: number, col: number): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) {
    const d = value
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
    const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
    return time === '00:00:00' ? date : `${date} ${time}`
  }
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>
    if ('formula' in v || 'sharedFormula' in v) {
      const formula = String(v.formula ?? v.sharedFormula)
      throw new DomainError(
        'invalid_input',
        `${fileName}: row ${row}, column ${columnLetter(col)}: the cell is a formula (=${formula}); formulas are not imported, paste the values instead`,
        [{ path: `row ${row}.${columnLetter(col)}`, message: `formula =${formula}` }],
      )
    }
    if (Array.isArray(v.richText)) return v.richText.map((t: { text?: string }) => t.text ?? '').join('')
    if ('text' in v) return String(v.text)
    if ('error' in v) return ''
    if ('result' in v) return cellText(v.result, fileName, row, col)
  }
  return String(value)
}

/** Rows of the first worksheet of an XLSX workbook, streamed. */
export async function* readXlsxRows(
  path: string,
  fileName: string,
  signal?: AbortSignal,
): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'emit',
  })
  try {
    for await (const sheet of reader) {
      let expected = 1
      for await (const row of sheet) {
        signal?.throwIfAborted()
        while (expected < row.number) yield { row: expected++, cells: [] }
        const values = row.values as unknown[]
        const cells: string[] = []
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i], fileName, row.number, i))
        expected = row.number + 1
        yield { row: row.number, cells }
      }
      break
    }
  } catch (error) {
    if (error instanceof DomainError || (error as Error).name === 'AbortError') throw error
    throw new DomainError(
      'invalid_input',
      `${fileName}: the XLSX workbook cannot be read (${(error as Error).message}); it may be truncated or damaged`,
      [{ path: 'file', message: (error as Error).message }],
    )
  }
}
