import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import type { Writable } from 'node:stream'
import { setImmediate as nextTurn } from 'node:timers/promises'
import ExcelJS from 'exceljs'
import type { ExportColumn, ExportTable, ExportValue } from '../../core/exports/export-table.ts'
import { neutraliseCell } from '../../core/exports/neutralise-cell.ts'

// Writes an export table as XLSX (streamed: rows are committed as they come, so memory stays flat) or as
// CSV in UTF-8 with a BOM (so Excel opens Chinese correctly). Text never becomes a formula in either.
// Rows are written in slices of ROWS_PER_TURN with a turn of the event loop between, so a large export does
// not hold other requests (issue 12.2): a for-await over an array never leaves the microtask queue.

/** Rows written between turns of the event loop: a few ms of ExcelJS work. */
export const ROWS_PER_TURN = 100

const numberFormats: Record<ExportColumn['type'], string | undefined> = {
  text: '@',
  integer: '0',
  decimal2: '#,##0.00',
  percent: '0.00%',
  date: 'yyyy-mm-dd',
}

function xlsxValue(column: ExportColumn, value: ExportValue): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null
  switch (column.type) {
    case 'integer':
    case 'decimal2':
    case 'percent': {
      // Money arrives as decimal strings; Excel stores doubles, which hold 2-decimal amounts exactly enough to show.
      const n = typeof value === 'number' ? value : Number(value)
      return Number.isFinite(n) ? n : neutraliseCell(String(value))
    }
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? new Date(`${value}T00:00:00Z`)
        : neutraliseCell(String(value))
    case 'text':
      return neutraliseCell(String(value))
  }
}

/** Streams the table into an XLSX workbook at `path` (or a writable stream): frozen header, widths, formats. */
export async function writeXlsxExport(
  table: ExportTable,
  target: string | Writable,
): Promise<{ rows: number }> {
  const stream = typeof target === 'string' ? createWriteStream(target) : target
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  })
  let rows = 0
  let written = 0
  for (const part of [table, ...(table.extraSheets ?? [])]) {
    const sheet = workbook.addWorksheet(part.title.slice(0, 31) || 'Sheet1', {
      views: [{ state: 'frozen', ySplit: 1 }],
    })
    sheet.columns = part.columns.map((c) => ({
      key: c.key,
      header: neutraliseCell(c.header),
      width: c.width ?? Math.max(10, [...c.header].length * 2 + 2),
      style: { numFmt: numberFormats[c.type] },
    }))
    sheet.getRow(1).font = { bold: true }
    sheet.getRow(1).commit()
    const cells = (row: Record<string, ExportValue>) => part.columns.map((c) => xlsxValue(c, row[c.key]))
    for await (const row of part.rows) {
      sheet.addRow(cells(row)).commit()
      if (part === table) rows++
      if (++written % ROWS_PER_TURN === 0) await nextTurn()
    }
    if (part.footer) {
      const footer = sheet.addRow(cells(part.footer))
      footer.font = { bold: true }
      footer.commit()
    }
    sheet.commit()
  }
  await workbook.commit()
  return { rows }
}

function csvField(value: ExportValue, column: ExportColumn): string {
  if (value === null || value === undefined) return ''
  const text =
    typeof value === 'number' ? String(value) : column.type === 'text' ? neutraliseCell(value) : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Streams the table as CSV, UTF-8 with BOM, CRLF line ends. */
export async function writeCsvExport(
  table: ExportTable,
  target: string | Writable,
): Promise<{ rows: number }> {
  const stream = typeof target === 'string' ? createWriteStream(target) : target
  const write = async (line: string) => {
    if (!stream.write(line)) await once(stream, 'drain')
  }
  await write('\uFEFF')
  await write(`${table.columns.map((c) => csvField(c.header, { ...c, type: 'text' })).join(',')}\r\n`)
  let rows = 0
  for await (const row of table.rows) {
    await write(`${table.columns.map((c) => csvField(row[c.key], c)).join(',')}\r\n`)
    if (++rows % ROWS_PER_TURN === 0) await nextTurn()
  }
  const footer = table.footer
  if (footer) await write(`${table.columns.map((c) => csvField(footer[c.key], c)).join(',')}\r\n`)
  stream.end()
  await once(stream, 'finish')
  return { rows }
}
