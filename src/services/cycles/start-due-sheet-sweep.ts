import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { createSilentLogger, type Logger } from '../telemetry/create-logger.ts'
import { sweepAllCompanies } from './sweep-due-sheets.ts'

/** How often a running server finalises sheets whose appeal window has passed (hourly, like the leaver sweep). */
export const dueSheetSweepMs = 60 * 60 * 1000

function sweep(deps: WorkflowDeps, log: Logger): void {
  sweepAllCompanies(deps)
    .then((companies) => {
      for (const c of companies)
        if (c.finalized > 0)
          log.info(
            { companyId: c.companyId, finalized: c.finalized },
            'sheets finalised, appeal window passed (申诉期满归档)',
          )
    })
    .catch((error: unknown) => log.error({ err: error }, 'finalising sheets past their appeal window failed'))
}

/**
 * Finalises sheets past their appeal window now and then every hour; the write happens here (and through the
 * CLI and POST /api/cycles/sweep), never on a read. Answers the stop function.
 */
export function startDueSheetSweep(deps: WorkflowDeps & { log?: Logger }): () => void {
  const log = deps.log ?? createSilentLogger()
  sweep(deps, log)
  const timer = setInterval(() => sweep(deps, log), dueSheetSweepMs)
  timer.unref()
  return () => clearInterval(timer)
}
