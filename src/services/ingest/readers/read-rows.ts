import { createReadStream } from 'node:fs'
import { type Parser, parse } from 'csv-parse'
import iconv from 'iconv-lite'
import { DomainError } from '../../../core/errors.ts'
import { type DetectedEncoding, MixedEncodingCheck } from '../../../core/ingest/detect-encoding.ts'
import { checkRow, createSlicer, type ReaderLimits, readerLimits, recordTooLong } from './reader-limits.ts'

// Streams the rows of a CSV (any detected encoding) or of the first XLSX worksheet (read-xlsx-rows) as text cells.
export type SheetRow = {
  row: number
  cells: string[]
  /** XLSX cells holding an error value (`#DIV/0!`, `#N/A`…), by 0-based column: read as "", refused if mapped. */
  errors?: Map<number, string>
}

/** The decoded text of a file, chunk by chunk; a strict UTF-8 decode names the byte offset it fails at. */
export async function* decodeFile(
  path: string,
  fileName: string,
  encoding: DetectedEncoding,
  signal?: AbortSignal,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<string> {
  const stream = createReadStream(path, { start: encoding.bomLength, highWaterMark: 64 * 1024 })
  const utf8 = encoding.encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }) : undefined
  const other = utf8 ? undefined : iconv.getDecoder(encoding.encoding)
  let offset = encoding.bomLength
  const mixed = encoding.encoding === 'gb18030' ? new MixedEncodingCheck() : undefined
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      signal?.throwIfAborted()
      const utf8Line = mixed?.push(chunk)
      if (utf8Line !== undefined) throw mixedEncoding(fileName, utf8Line)
      let text: string
      try {
        text = utf8 ? utf8.decode(chunk, { stream: true }) : (other?.write(chunk) ?? '')
      } catch {
        throw new DomainError(
          'invalid_input',
          `${fileName}: 第 ${offset} 字节附近不是有效的 UTF-8；如果文件是 GBK/GB18030（如推广报表 CSV），请选择 gbk 编码导入 / the bytes near offset ${offset} are not valid UTF-8; if the file is GBK/GB18030 (e.g. a promotion CSV), import it with encoding gbk`,
          [{ path: 'encoding', message: `invalid UTF-8 near byte ${offset}` }],
        )
      }
      offset += chunk.length
      onBytes?.(chunk.length)
      if (text) yield text
    }
    const lastLine = mixed?.end()
    if (lastLine !== undefined) throw mixedEncoding(fileName, lastLine)
    const rest = utf8 ? utf8.decode() : (other?.end() ?? '')
    if (rest) yield rest
  } finally {
    stream.destroy()
  }
}

/** A file read as GBK/GB18030 with a UTF-8 line: it would import as mojibake, so it is refused naming the line. */
export function mixedEncoding(fileName: string, line: number): DomainError {
  return new DomainError(
    'invalid_input',
    `${fileName}: 编码不一致：第 ${line} 行是 UTF-8，文件其余部分是 GBK/GB18030，请把整个文件存为同一种编码 / line ${line} is UTF-8 while the file is GBK/GB18030; save the whole file in one encoding`,
    [{ path: `row ${line}`, message: '编码不一致：此行是 UTF-8，文件其余部分是 GBK/GB18030' }],
  )
}

/** CSV rows, 1-based row numbers as a spreadsheet shows them; ragged rows are returned as they are. */
export async function* readCsvRows(
  path: string,
  fileName: string,
  encoding: DetectedEncoding,
  signal?: AbortSignal,
  onBytes?: (bytes: number) => void,
  limits: ReaderLimits = readerLimits,
): AsyncGenerator<SheetRow> {
  // Line endings given (csv-parse's discovery allocates per byte until the first line break: minutes for one
  // long line), records capped, and small writes, so that one write never holds the event loop for long.
  const parser = parse({
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    record_delimiter: ['\r\n', '\n', '\r'],
    max_record_size: limits.maxRecordBytes,
  })
  acceptRaggedRowsCheaply(parser)
  const slice = createSlicer()
  const feed = (async () => {
    try {
      for await (const text of decodeFile(path, fileName, encoding, signal, onBytes)) {
        for (let at = 0; at < text.length; at += WRITE_CHARS) {
          if (parser.destroyed) return
          const written = parser.write(text.slice(at, at + WRITE_CHARS))
          if (!written) await drained(parser)
          await slice()
        }
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
      checkRow(fileName, row, record, limits)
      yield { row, cells: record }
      await slice()
    }
  } catch (error) {
    if (error instanceof DomainError || (error as Error).name === 'AbortError') throw error
    throw csvError(error as Error & { code?: string; records?: number }, fileName, row, limits)
  } finally {
    if (!parser.writableEnded) parser.destroy()
    await feed
  }
}

/**
 * csv-parse builds (and, with relax_column_count, throws away) an Error with a stack for every row whose width
 * differs from the first row's: a blank line after a header cost about 5 µs, so 5 MB of them froze the server for
 * seconds. Ragged rows are expected here (the import checks widths itself), so each row is taken as the width
 * to expect before csv-parse compares it.
 */
function acceptRaggedRowsCheaply(parser: Parser): void {
  const api = (parser as unknown as { api?: { __onRecord?: (...args: unknown[]) => unknown } }).api
  const onRecord = api?.__onRecord
  if (!api || typeof onRecord !== 'function') return
  api.__onRecord = function (this: { state: { record: unknown[]; expectedRecordLength: number } }, ...args) {
    this.state.expectedRecordLength = this.state.record.length
    return onRecord.apply(this, args)
  }
}

/** Resolves when the parser wants more input (or has closed). */
function drained(parser: Parser): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      parser.off('drain', done)
      parser.off('close', done)
      resolve()
    }
    parser.on('drain', done)
    parser.on('close', done)
  })
}

/** Characters handed to the CSV parser per write: parsing them takes a few milliseconds at most. */
const WRITE_CHARS = 8 * 1024

/** csv-parse's errors in the file's terms, naming the row. */
function csvError(
  error: Error & { code?: string; records?: number },
  fileName: string,
  rowsRead: number,
  limits: ReaderLimits,
): DomainError {
  const row = typeof error.records === 'number' ? error.records + 1 : rowsRead + 1
  if (error.code === 'CSV_MAX_RECORD_SIZE') return recordTooLong(fileName, row, limits)
  const why =
    error.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quoted field is never closed (is the file truncated?)'
      : error.message
  const zh = error.code === 'CSV_QUOTE_NOT_CLOSED' ? '引号没有闭合（文件是否不完整？）' : '无法解析'
  return new DomainError(
    'invalid_input',
    `${fileName}: 第 ${row} 行${zh} / row ${row}: ${why}`,
    [{ path: `row ${row}`, message: why }],
    {
      csv: error.code ?? 'parse',
    },
  )
}

export { readXlsxRows } from './read-xlsx-rows.ts'
