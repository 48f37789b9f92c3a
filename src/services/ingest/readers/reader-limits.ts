import { performance } from 'node:perf_hooks'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { DomainError } from '../../../core/errors.ts'

// The bounds every import file is read within, and the refusals that name the row, column and bound. Files are
// read in slices that hand the event loop back to other requests every few milliseconds (issue 12.2).

export type ReaderLimits = {
  /** Rows of the file, counted as a spreadsheet numbers them (blank rows included); Excel's own row limit. */
  maxRows: number
  /** Cells in one row. */
  maxColumns: number
  /** Characters in one cell; Excel's own cell limit. */
  maxFieldChars: number
  /** Bytes of one CSV record (its cells, as UTF-8): bounds a line with no end or a quote never closed. */
  maxRecordBytes: number
}

export const readerLimits: ReaderLimits = {
  maxRows: 1_048_576,
  maxColumns: 1000,
  maxFieldChars: 32_767,
  maxRecordBytes: 1_048_576,
}

/** Longest stretch of reading work before the reader lets other requests run. */
export const SLICE_MS = 10

/** Spreadsheet column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = ''
  let x = n
  while (x > 0) {
    const m = (x - 1) % 26
    s = String.fromCharCode(65 + m) + s
    x = Math.floor((x - 1) / 26)
  }
  return s
}

/** Resolves at once while the current slice is under SLICE_MS, else after one turn of the event loop. */
export function createSlicer(sliceMs = SLICE_MS): () => Promise<void> | undefined {
  let since = performance.now()
  return () => {
    if (performance.now() - since < sliceMs) return undefined
    return nextTurn().then(() => {
      since = performance.now()
    })
  }
}

// Chinese with its English after it: a client that asks for one language gets that half (api/messages).
const limitError = (fileName: string, zh: string, en: string, path: string, bound: string) =>
  new DomainError('invalid_input', `${fileName}: ${zh}（${en}）`, [{ path, message: `${zh} / ${en}` }], {
    limit: bound,
  })

export function tooManyRows(fileName: string, row: number, limits: ReaderLimits): DomainError {
  return limitError(
    fileName,
    `第 ${row} 行超出了每个文件 ${limits.maxRows} 行的上限（空行也计入）；请按期间拆分文件后再导入`,
    `row ${row} is past the limit of ${limits.maxRows} rows per file, blank rows included; split the file by period`,
    `row ${row}`,
    'maxRows',
  )
}

export function tooManyColumns(
  fileName: string,
  row: number,
  columns: number,
  limits: ReaderLimits,
): DomainError {
  return limitError(
    fileName,
    `第 ${row} 行有 ${columns} 列，超出了每行 ${limits.maxColumns} 列的上限`,
    `row ${row} has ${columns} columns, over the limit of ${limits.maxColumns}`,
    `row ${row}`,
    'maxColumns',
  )
}

export function fieldTooLong(
  fileName: string,
  row: number,
  column: number,
  chars: number,
  limits: ReaderLimits,
): DomainError {
  const letter = columnLetter(column)
  return limitError(
    fileName,
    `第 ${row} 行 ${letter} 列有 ${chars} 个字符，超出了每个单元格 ${limits.maxFieldChars} 个字符的上限`,
    `row ${row}, column ${letter} has ${chars} characters, over the limit of ${limits.maxFieldChars} per cell`,
    `row ${row}.${letter}`,
    'maxFieldChars',
  )
}

export function recordTooLong(fileName: string, row: number, limits: ReaderLimits): DomainError {
  return limitError(
    fileName,
    `第 ${row} 行超出了每行 ${limits.maxRecordBytes} 字节的上限（是否有引号没有闭合，或缺少换行？）`,
    `row ${row} is longer than the limit of ${limits.maxRecordBytes} bytes; is a quote left open or are line breaks missing?`,
    `row ${row}`,
    'maxRecordBytes',
  )
}

/** Checks one row against the bounds (cells counted up to the last non-empty one); throws the refusal. */
export function checkRow(fileName: string, row: number, cells: string[], limits: ReaderLimits): void {
  if (row > limits.maxRows) throw tooManyRows(fileName, row, limits)
  if (cells.length > limits.maxColumns) {
    let last = cells.length
    while (last > 0 && cells[last - 1] === '') last--
    if (last > limits.maxColumns) throw tooManyColumns(fileName, row, last, limits)
  }
  for (let i = 0; i < cells.length; i++) {
    const length = (cells[i] as string).length
    if (length > limits.maxFieldChars) throw fieldTooLong(fileName, row, i + 1, length, limits)
  }
}
