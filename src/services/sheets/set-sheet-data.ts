import { DomainError } from '../../core/errors.ts'
import type { IndicatorInput } from '../../core/scoring/score-indicator.ts'
import type { PositionSegments, ReviewInputs, SharedInputs } from '../../core/workflow/build-sheet-inputs.ts'
import type { SheetPatch } from '../../db/sheet-repository.ts'
import { findSheetCyclePeriod } from '../../db/sheet-workflow-queries.ts'
import type { Actor } from '../auth/actor.ts'
import { transitionSheet } from './transition-sheet.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

/**
 * Enters the sheet's data before it is computed: actuals of metric-bound indicators, bonus/deduction
 * items, and the aggregated customer-service sampling component (抽查, the 'sampling' rater). Given keys
 * replace their earlier value; others stay.
 */
export async function setSheetData(
  deps: WorkflowDeps,
  actor: Actor | null,
  companyId: number,
  sheetId: number,
  input: {
    expectedVersion?: number
    indicators?: Record<string, IndicatorInput>
    adjustments?: Record<string, IndicatorInput>
    sampling?: (ReviewInputs & { source?: string }) | null
    positionSegments?: Omit<PositionSegments, 'periodDays'> | null
    reason?: string
  },
) {
  const segments =
    input.positionSegments === undefined || input.positionSegments === null
      ? input.positionSegments
      : await withPeriodDays(deps, companyId, sheetId, input.positionSegments)
  return transitionSheet(deps, actor, companyId, sheetId, {
    action: 'set_data',
    expectedVersion: input.expectedVersion,
    reason: input.reason ?? null,
    patch: (ctx) => {
      const current = ctx.row.shared_inputs as SharedInputs
      const patch: SheetPatch = {
        shared_inputs: {
          indicators: { ...(current.indicators ?? {}), ...(input.indicators ?? {}) },
          adjustments: { ...(current.adjustments ?? {}), ...(input.adjustments ?? {}) },
        },
      }
      const keptSegments = segments === undefined ? current.positionSegments : (segments ?? undefined)
      if (keptSegments) (patch.shared_inputs as SharedInputs).positionSegments = keptSegments
      if (input.sampling !== undefined) patch.sampling = input.sampling
      return patch
    },
  })
}

/** Checks the days against the cycle's period (calendar days, both ends counted) and records the period length. */
async function withPeriodDays(
  deps: WorkflowDeps,
  companyId: number,
  sheetId: number,
  segments: Omit<PositionSegments, 'periodDays'>,
): Promise<PositionSegments> {
  const cycle = await findSheetCyclePeriod(deps.db, companyId, sheetId)
  if (!cycle) throw new DomainError('not_found', `考核表 ${sheetId} 不存在`)
  const periodDays =
    Math.round((Date.parse(cycle.period_end) - Date.parse(cycle.period_start)) / 86_400_000) + 1
  const days = segments.ownDays + segments.earlier.reduce((sum, s) => sum + s.days, 0)
  if (days > periodDays)
    throw new DomainError(
      'invalid_input',
      `在岗天数合计 ${days} 天，超过考核期的 ${periodDays} 天 / ${days} days in post exceed the period's ${periodDays} days`,
      [{ path: 'positionSegments', message: `合计 ${days} 天 > 考核期 ${periodDays} 天` }],
    )
  return { ...segments, periodDays }
}
