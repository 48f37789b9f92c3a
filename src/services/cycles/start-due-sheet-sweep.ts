import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { sweepAllCompanies } from './sweep-due-sheets.ts'

/** How often a running server finalises sheets whose appeal window has passed (hourly, like the leaver sweep). */
export const dueSheetSweepMs = 60 * 60 * 1000

function sweep(deps: WorkflowDeps): void {
  sweepAllCompanies(deps)
    .then((companies) => {
      for (const c of companies)
        if (c.finalized > 0)
          console.log(
            `[jixiao] company ${c.companyId}: ${c.finalized} sheet(s) finalised, appeal window passed (申诉期满归档)`,
          )
    })
    .catch((error: unknown) =>
      console.error('[jixiao] finalising sheets past their appeal window failed', error),
    )
}

/**
 * Finalises sheets past their appeal window now and then every hour; the write happens here (and through the
 * CLI and POST /api/cycles/sweep), never on a read. Answers the stop function.
 */
export function startDueSheetSweep(deps: WorkflowDeps): () => void {
  sweep(deps)
  const timer = setInterval(() => sweep(deps), dueSheetSweepMs)
  timer.unref()
  return () => clearInterval(timer)
}
