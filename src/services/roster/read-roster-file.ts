import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { DomainError } from '../../core/errors.ts'
import type { RosterRow } from '../../core/roster/plan-roster-changes.ts'
import { type RosterField, rosterFieldOf, rosterHeaderOf } from '../../core/roster/roster-columns.ts'
import { defaultImportLimits } from '../ingest/import-file.ts'
import { readCsvRows, readXlsxRows, type SheetRow } from '../ingest/readers/read-rows.ts'
import { columnLetter, readerLimits } from '../ingest/readers/reader-limits.ts'
import { sniffFile } from '../ingest/readers/sniff-file.ts'

// Reads a roster file (花名册: XLSX, or CSV in UTF-8 or GBK) with the import readers and their limits: the first
// non-blank row is the header (zh-CN or English column names, other columns ignored), every later non-blank row
// is one person. At most 10,000 people; a file that cannot be read is refused naming its row and column.

export const rosterLimits = {
  /** People per file (the bound: a company of up to 10,000). */
  maxPeople: 10_000,
  /** Bytes per file: 10,000 people take well under 2 MB. */
  maxBytes: 20 * 1024 * 1024,
}

export type RosterFile = {
  format: 'csv' | 'xlsx'
  /** The CSV's encoding (utf-8, gb18030…); null for XLSX. */
  encoding: string | null
  /** The header row, and where each recognised column is. */
  headerRow: number
  columns: { field: RosterField; header: string; letter: string }[]
  rows: RosterRow[]
  /** SHA-256 of the file's bytes (hex): the import's audit row names the file by it. */
  sha256: string
}

export type ReadRosterOptions = { maxPeople?: number }

/** A cell as exported: text written with an apostrophe so it could not run as a formula is read back without it. */
function cellText(cell: string | undefined): string {
  const text = (cell ?? '').trim()
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text
}

export async function readRosterFile(
  filePath: string,
  fileName: string,
  options: ReadRosterOptions = {},
): Promise<RosterFile> {
  const maxPeople = options.maxPeople ?? rosterLimits.maxPeople
  const sniffed = await sniffFile(filePath, fileName, {
    maxBytes: rosterLimits.maxBytes,
    zip: {
      maxUncompressedBytes: defaultImportLimits.maxUncompressedBytes,
      maxRatio: defaultImportLimits.maxZipRatio,
    },
  })
  // Blank rows count towards the reader's bound: a file of a million empty rows stops early.
  const limits = { ...readerLimits, maxRows: maxPeople * 2 + 1000 }
  const source: AsyncGenerator<SheetRow> =
    sniffed.format === 'csv'
      ? readCsvRows(filePath, fileName, sniffed.encoding, undefined, undefined, limits)
      : readXlsxRows(filePath, fileName, undefined, limits)

  let header: { row: number; columns: RosterFile['columns']; index: Map<RosterField, number> } | undefined
  const rows: RosterRow[] = []
  try {
    for await (const sheetRow of source) {
      if (sheetRow.cells.every((c) => c.trim() === '')) continue
      if (!header) {
        header = readHeader(fileName, sheetRow)
        continue
      }
      if (rows.length >= maxPeople)
        throw new DomainError(
          'invalid_input',
          `${fileName}: 第 ${sheetRow.row} 行超出了每个花名册 ${maxPeople} 人的上限，请拆分文件（row ${sheetRow.row} is past the limit of ${maxPeople} people per roster）`,
          [{ path: `row ${sheetRow.row}`, message: `over the limit of ${maxPeople} people` }],
          { limit: 'maxPeople', maxPeople },
        )
      for (const [field, at] of header.index) {
        const error = sheetRow.errors?.get(at)
        if (error !== undefined)
          throw new DomainError(
            'invalid_input',
            `${fileName}: 第 ${sheetRow.row} 行 ${columnLetter(at + 1)} 列（${rosterHeaderOf(field)}）是错误值 ${error}`,
            [{ path: `row ${sheetRow.row}.${columnLetter(at + 1)}`, message: `error value ${error}` }],
          )
      }
      const row: RosterRow = { row: sheetRow.row, employeeNo: '' }
      for (const [field, at] of header.index) row[field] = cellText(sheetRow.cells[at])
      rows.push(row)
    }
  } finally {
    await source.return(undefined)
  }
  if (!header)
    throw new DomainError(
      'invalid_input',
      `${fileName}: 文件是空的，没有表头（the file has no header row）`,
      [{ path: 'file', message: 'no header row' }],
    )
  return {
    format: sniffed.format,
    encoding: sniffed.format === 'csv' ? sniffed.encoding.encoding : null,
    headerRow: header.row,
    columns: header.columns,
    rows,
    sha256: createHash('sha256')
      .update(await readFile(filePath))
      .digest('hex'),
  }
}

function readHeader(fileName: string, sheetRow: SheetRow) {
  const index = new Map<RosterField, number>()
  const columns: RosterFile['columns'] = []
  sheetRow.cells.forEach((cell, at) => {
    const field = rosterFieldOf(cell)
    if (!field) return
    const letter = columnLetter(at + 1)
    const earlier = index.get(field)
    if (earlier !== undefined)
      throw new DomainError(
        'invalid_input',
        `${fileName}: 第 ${sheetRow.row} 行的表头中「${rosterHeaderOf(field)}」出现了两次（${columnLetter(earlier + 1)} 列和 ${letter} 列）`,
        [{ path: `row ${sheetRow.row}.${letter}`, message: `${rosterHeaderOf(field)} appears twice` }],
      )
    index.set(field, at)
    columns.push({ field, header: cell.trim(), letter })
  })
  for (const field of ['employeeNo', 'name'] as const)
    if (!index.has(field))
      throw new DomainError(
        'invalid_input',
        `${fileName}: 第 ${sheetRow.row} 行的表头缺少「${rosterHeaderOf(field)}」列（请用花名册模板：工号、姓名、部门、岗位、直接上级工号、入职日期…）`,
        [{ path: `row ${sheetRow.row}`, message: `missing column ${rosterHeaderOf(field)}` }],
      )
  return { row: sheetRow.row, columns, index }
}
