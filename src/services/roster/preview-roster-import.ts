import type { RosterIssue, RosterPreview } from '../../contracts/roster.ts'
import type { RosterPlan } from '../../core/roster/plan-roster-changes.ts'
import { rosterHeaderOf } from '../../core/roster/roster-columns.ts'
import type { Db } from '../../db/database.ts'
import { planRosterFile } from './plan-roster-file.ts'
import { type RosterFile, readRosterFile } from './read-roster-file.ts'

/** Rows and refusals listed in a preview; the counts always cover the whole file. */
export const previewRowsLimit = 2000

/** What importing an uploaded roster would do, nothing written: counts, rows with their changes, refusals. */
export async function previewRosterImport(
  deps: { db: Db; now: () => Date },
  input: { companyId: number; filePath: string; fileName: string; createMissing: boolean },
): Promise<Omit<RosterPreview, 'uploadId'>> {
  const file = await readRosterFile(input.filePath, input.fileName)
  const { plan } = await planRosterFile(deps.db, input.companyId, deps.now(), file, input.createMissing)
  const rows = [...plan.rows, ...plan.leavers]
  return {
    fileName: input.fileName,
    format: file.format,
    encoding: file.encoding,
    createMissing: input.createMissing,
    counts: plan.counts,
    departmentsToCreate: plan.departmentsToCreate,
    positionsToCreate: plan.positionsToCreate,
    rows: rows.slice(0, previewRowsLimit).map((r) => ({
      row: r.row,
      employeeNo: r.employeeNo,
      name: r.name,
      action: r.action,
      changes: r.changes,
    })),
    rowsTotal: rows.length,
    errors: issuesOf(file, plan).slice(0, previewRowsLimit),
    errorsTotal: plan.errors.length,
    rowsLimit: previewRowsLimit,
  }
}

/** The plan's refusals with the column named as the file has it: 部门 (C). */
export function issuesOf(file: RosterFile, plan: RosterPlan): RosterIssue[] {
  const letters = new Map(file.columns.map((c) => [c.field, c]))
  return plan.errors.map((e) => {
    const column = e.field ? letters.get(e.field) : undefined
    return {
      row: e.row,
      field: e.field,
      column: e.field ? (column ? `${column.header} (${column.letter})` : rosterHeaderOf(e.field)) : null,
      code: e.code,
      value: e.value,
      message: e.message,
    }
  })
}
