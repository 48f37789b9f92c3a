import { PassThrough, type Readable } from 'node:stream'
import type { ExportFormat, ExportKind } from '../../contracts/results.ts'
import type { Db } from '../../db/database.ts'
import { buildCycleExport, type ExportScope } from './build-cycle-export.ts'
import { writeCsvExport, writeXlsxExport } from './write-table-export.ts'

const kindNames: Record<ExportKind, string> = {
  sheets: '考核表',
  results: '考核结果',
  pay: '工资表',
  consequences: '结果应用',
  bonuses: '奖金池',
}

export type StreamedExport = { stream: Readable; contentType: string; filename: string }

/** Reads the export table (refusals surface here), then streams it as XLSX or CSV with BOM. */
export async function streamCycleExport(
  db: Db,
  companyId: number,
  what: ExportKind,
  cycleId: number,
  format: ExportFormat,
  scope: ExportScope = {},
): Promise<StreamedExport> {
  const table = await buildCycleExport(db, companyId, what, cycleId, scope)
  const out = new PassThrough()
  const write = format === 'xlsx' ? writeXlsxExport : writeCsvExport
  write(table, out).catch((error: unknown) =>
    out.destroy(error instanceof Error ? error : new Error(String(error))),
  )
  return {
    stream: out,
    contentType:
      format === 'xlsx'
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv; charset=utf-8',
    filename: `${kindNames[what]}-${cycleId}.${format}`,
  }
}
