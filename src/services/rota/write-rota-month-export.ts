import { createWriteStream } from 'node:fs'
import type { Writable } from 'node:stream'
import { setImmediate as nextTurn } from 'node:timers/promises'
import ExcelJS from 'exceljs'
import { monthSchema } from '../../contracts/rota.ts'
import type { ExportColumn, ExportTable, ExportValue } from '../../core/exports/export-table.ts'
import { neutraliseCell } from '../../core/exports/neutralise-cell.ts'
import { monthRange } from '../../core/rota/zoned-time.ts'
import { ROWS_PER_TURN } from '../exports/write-table-export.ts'
import { buildRotaMonthTables } from './build-rota-month-tables.ts'
import { checkCoverage } from './check-coverage.ts'
import { getRota } from './get-rota.ts'
import { parseRotaInput } from './parse-rota-input.ts'
import type { RotaDeps } from './rota-deps.ts'
import { isInRotaScope, rotaScopeOf } from './rota-scope.ts'

const numberFormats: Record<ExportColumn['type'], string> = {
  text: '@',
  integer: '0',
  decimal2: '#,##0.00',
  percent: '0.00%',
  date: 'yyyy-mm-dd',
}

function cellValue(column: ExportColumn, value: ExportValue): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null
  if (column.type === 'text') return neutraliseCell(String(value))
  if (column.type === 'date')
    return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T00:00:00Z`)
      : neutraliseCell(String(value))
  const n = typeof value === 'number' ? value : Number(value)
  return Number.isFinite(n) ? n : neutraliseCell(String(value))
}

/** Streams several export tables as the sheets of one XLSX workbook: frozen header and first column, widths, formats; no formula. */
export async function writeXlsxWorkbook(tables: ExportTable[], target: string | Writable): Promise<void> {
  const stream = typeof target === 'string' ? createWriteStream(target) : target
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  })
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.title.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }],
    })
    sheet.columns = table.columns.map((c) => ({
      key: c.key,
      header: neutraliseCell(c.header),
      width: c.width ?? Math.max(10, [...c.header].length + 2),
      style: { numFmt: numberFormats[c.type] },
    }))
    sheet.getRow(1).font = { bold: true }
    sheet.getRow(1).commit()
    let rows = 0
    for await (const row of table.rows) {
      sheet.addRow(table.columns.map((c) => cellValue(c, row[c.key]))).commit()
      // A turn of the event loop between slices, so other requests are answered (issue 12.2).
      if (++rows % ROWS_PER_TURN === 0) await nextTurn()
    }
    sheet.commit()
  }
  await workbook.commit()
}

/** The month's rota as export tables (排班表 grid, 覆盖缺口 gaps, 超限 limits) of the agents within the caller's reach. */
export async function buildRotaMonthExport(
  deps: Pick<RotaDeps, 'db' | 'actor'>,
  companyId: number,
  month: string,
): Promise<ExportTable[]> {
  const valid = parseRotaInput(monthSchema, month, 'month')
  const { first, last } = monthRange(valid)
  const rota = await getRota(deps, companyId, first, last)
  const coverage = await checkCoverage(deps, companyId, first, last)
  const scope = await rotaScopeOf(deps)
  const inScope = (id: number) => isInRotaScope(scope, id)
  return buildRotaMonthTables(valid, rota, {
    ...coverage,
    weeklyHoursViolations: coverage.weeklyHoursViolations.filter((v) => inScope(v.employeeId)),
    consecutiveDaysViolations: coverage.consecutiveDaysViolations.filter((v) => inScope(v.employeeId)),
  })
}

/** Writes the month's rota workbook to a file or stream (the CLI's `jixiao rota export`). */
export async function writeRotaMonthExport(
  deps: Pick<RotaDeps, 'db'>,
  companyId: number,
  month: string,
  target: string | Writable,
): Promise<{ sheets: string[] }> {
  const tables = await buildRotaMonthExport(deps, companyId, month)
  await writeXlsxWorkbook(tables, target)
  return { sheets: tables.map((t) => t.title) }
}
