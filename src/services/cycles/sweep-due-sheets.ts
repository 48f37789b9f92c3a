import { DomainError } from '../../core/errors.ts'
import { listCompanyIds } from '../../db/company-repository.ts'
import { listSheetsPastAppealWindow } from '../../db/sheet-repository.ts'
import { companyToday } from '../calendar/company-today.ts'
import { transitionSheet } from '../sheets/transition-sheet.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'

export type SweepResult = { finalized: number[] }

/**
 * Finalises every sheet whose appeal window has passed with no appeal (申诉期满无申诉 → 归档). Called by the
 * server hourly, the CLI or POST /api/cycles/sweep (a read shows such a sheet final without writing). Each sheet is its own audited transition.
 */
export async function sweepDueSheets(
  deps: WorkflowDeps,
  companyId: number,
  only?: { sheetIds?: readonly number[] },
): Promise<SweepResult> {
  const today = await companyToday(deps.db, companyId, deps.now())
  const due = await listSheetsPastAppealWindow(deps.db, companyId, today, only?.sheetIds)
  const finalized: number[] = []
  for (const id of due) {
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
  const companies = await listCompanyIds(deps.db)
  const out: { companyId: number; finalized: number }[] = []
  for (const companyId of companies) {
    const r = await sweepDueSheets(deps, companyId)
    out.push({ companyId, finalized: r.finalized.length })
  }
  return out
}
