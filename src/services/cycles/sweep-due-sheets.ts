import { DomainError } from '../../core/errors.ts'
import { companyToday } from '../calendar/company-today.ts'
import { transitionSheet } from '../sheets/transition-sheet.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'

export type SweepResult = { finalized: number[] }

/**
 * Finalises every sheet whose appeal window has passed with no appeal (申诉期满无申诉 → 归档). Called by the
 * CLI or a job, and on read so nobody sees a stale state. Each sheet is its own audited transition.
 */
export async function sweepDueSheets(
  deps: WorkflowDeps,
  companyId: number,
  only?: { sheetIds?: readonly number[] },
): Promise<SweepResult> {
  const db = deps.db
  const today = await companyToday(db, companyId, deps.now())
  let q = db
    .selectFrom('appraisal_sheets')
    .select('id')
    .where('company_id', '=', companyId)
    .where('state', '=', 'appeal_window')
    .where('appeal_deadline', '<', today)
  if (only?.sheetIds) {
    if (only.sheetIds.length === 0) return { finalized: [] }
    q = q.where('id', 'in', [...only.sheetIds])
  }
  const due = await q.orderBy('id').execute()
  const finalized: number[] = []
  for (const { id } of due) {
    try {
      await transitionSheet(deps, null, companyId, id, {
        action: 'finalize',
        reason: `申诉期已于 ${today} 前届满且无申诉，自动归档（appeal window passed with no appeal）`,
        patch: (ctx) => ({ finalized_at: ctx.now }),
      })
      finalized.push(id)
    } catch (error) {
      // Another request finalised or appealed it meanwhile: the sheet is no longer due.
      if (!(error instanceof DomainError && (error.code === 'invalid_state' || error.code === 'locked')))
        throw error
    }
  }
  return { finalized }
}

/** All companies with due sheets, for the CLI and the server's periodic sweep. */
export async function sweepAllCompanies(
  deps: WorkflowDeps,
): Promise<{ companyId: number; finalized: number }[]> {
  const companies = await deps.db.selectFrom('companies').select('id').orderBy('id').execute()
  const out: { companyId: number; finalized: number }[] = []
  for (const c of companies) {
    const r = await sweepDueSheets(deps, c.id)
    out.push({ companyId: c.id, finalized: r.finalized.length })
  }
  return out
}
