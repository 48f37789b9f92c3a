import { PassThrough, type Readable } from 'node:stream'
import type { ExportColumnType, ExportTable } from '../../core/exports/export-table.ts'
import { type RosterField, rosterColumns } from '../../core/roster/roster-columns.ts'
import type { Db } from '../../db/database.ts'
import { listDepartmentParents, listRosterPeople } from '../../db/roster-repository.ts'
import { writeXlsxExport } from '../exports/write-table-export.ts'

// The roster export (导出花名册): every employee in the template's columns, so the file imports back unchanged.

const typeOf = (field: RosterField): ExportColumnType =>
  field === 'hireDate' || field === 'leaveDate' ? 'date' : 'text'

/** The roster columns as an export table's columns (also the template's). */
export const rosterExportColumns = rosterColumns.map((c) => ({
  key: c.field,
  header: c.header,
  type: typeOf(c.field),
  width: c.field === 'email' ? 28 : c.field === 'managerNo' ? 14 : 12,
}))

/** Every employee of the company, one row each in 工号 order. */
export async function buildRosterExport(db: Db, companyId: number): Promise<ExportTable> {
  const [people, parents] = await Promise.all([
    listRosterPeople(db, companyId),
    listDepartmentParents(db, companyId),
  ])
  return {
    title: '花名册',
    columns: rosterExportColumns,
    rows: people.map((p) => ({
      employeeNo: p.employeeNo,
      name: p.name,
      department: p.department,
      parentDepartment: p.department ? (parents.get(p.department) ?? null) : null,
      position: p.position,
      managerNo: p.managerNo,
      hireDate: p.hireDate,
      leaveDate: p.leaveDate,
      phone: p.phone,
      email: p.email,
    })),
  }
}

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The export as a streamed XLSX workbook (refusals surface before the stream starts). */
export async function streamRosterExport(db: Db, companyId: number): Promise<Readable> {
  const table = await buildRosterExport(db, companyId)
  const out = new PassThrough()
  writeXlsxExport(table, out).catch((error: unknown) =>
    out.destroy(error instanceof Error ? error : new Error(String(error))),
  )
  return out
}
