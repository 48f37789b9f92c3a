import type { RosterIssue, RosterPreview } from '../../contracts/roster.ts'
import type { RosterPlan } from '../../core/roster/plan-roster-changes.ts'
import { rosterHeaderOf } from '../../core/roster/roster-columns.ts'
import type { Db } from '../../db/database.ts'
import { planRosterFile, type RosterPlanBasis } from './plan-roster-file.ts'
import { type RosterFile, readRosterFile } from './read-roster-file.ts'
import type { PlannedOrganisation } from './write-roster-plan.ts'

/** Rows and refusals listed in a preview; the counts always cover the whole file. */
export const previewRowsLimit = 2000

/**
 * A previewed roster kept for its apply (the API keeps it with the upload; the CLI between its two steps): the
 * file as read, and the plan with the data and basis it was made against. Apply writes this plan when the basis
 * still holds, so the file is read and planned once; otherwise it plans the read file again.
 */
export type PreparedRoster = {
  companyId: number
  createMissing: boolean
  file: RosterFile
  plan: RosterPlan
  org: PlannedOrganisation
  basis: RosterPlanBasis
}

/** What importing an uploaded roster would do, nothing written: counts, rows with their changes, refusals. */
export async function previewRosterImport(
  deps: { db: Db; now: () => Date },
  input: { companyId: number; filePath: string; fileName: string; createMissing: boolean },
): Promise<Omit<RosterPreview, 'uploadId'>> {
  return (await prepareRosterImport(deps, input)).preview
}

/** The preview, and the read file and plan behind it for the apply that may follow (applyRosterImport's `prepared`). */
export async function prepareRosterImport(
  deps: { db: Db; now: () => Date },
  input: { companyId: number; filePath: string; fileName: string; createMissing: boolean },
): Promise<{ preview: Omit<RosterPreview, 'uploadId'>; prepared: PreparedRoster }> {
  const file = await readRosterFile(input.filePath, input.fileName)
  const { plan, org, basis } = await planRosterFile(
    deps.db,
    input.companyId,
    deps.now(),
    file,
    input.createMissing,
  )
  const rows = [...plan.rows, ...plan.leavers]
  const preview = {
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
  const prepared = { companyId: input.companyId, createMissing: input.createMissing, file, plan, org, basis }
  return { preview, prepared }
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
