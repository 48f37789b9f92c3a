import type { ScoreMemo } from '../../core/scoring/score-memo.ts'
import type { SheetScore } from '../../core/scoring/score-sheet.ts'
import type { Template } from '../../core/templates/template.ts'
import type { ReviewInputs } from '../../core/workflow/build-sheet-inputs.ts'
import type { CycleSettings } from '../../db/cycle-repository.ts'
import type { SheetRow } from '../../db/sheet-repository.ts'
import type { LeaverSource } from '../sheets/create-leaver-lookup.ts'
import type { MetricActual } from '../sheets/create-metric-lookup.ts'
import { type PeriodSamples, scoreSheetRow } from '../sheets/score-sheet-row.ts'

// One slice of a cycle's computation, without I/O: every sheet scored with the engine, and the scores as the JSON
// the slice's UPDATE reads. The same function runs on the server's thread or on the scoring thread
// (scoring-thread.ts), so both write byte for byte the same.

/** What a cycle's sheets share: their template versions (by id), the cycle's settings and roll-up sources. */
export type SliceContext = {
  templates: Map<number, Template>
  settings: CycleSettings
  sourceNames: Map<number, string>
}

/** One sheet with what was read for it: its submitted peer reviews, imported actuals, rolled-up totals. */
export type SliceSheet = {
  row: SheetRow
  peerReviews: ReviewInputs[]
  metricActuals: Record<string, MetricActual>
  /** Leavers by tenure read from the organisation (002 T9), by indicator key. */
  leaverSources?: Record<string, LeaverSource>
  sourceTotals: Map<number, number>
  /** The weekly sample scores of the period, for a template with an indicator fed by them. */
  periodSamples?: PeriodSamples
}

/** What the batch keeps of a scored sheet (for the audit row); the full score travels in `payload`. */
export type ScoredSheet = { id: number; total: string | undefined; grade: string | null | undefined }

/** A sheet held by missing data (缺少数据): the items declared 'block' that nothing was entered for. */
export type HeldSheet = { id: number; employeeId: number; items: { key: string; name: string }[] }

export type ScoredSlice = { payload: string; sheets: ScoredSheet[]; held: HeldSheet[] }

/** The names of a template's indicators and bonus/deduction items, by key. */
function itemNames(template: Template): Map<string, string> {
  const names = new Map<string, string>()
  for (const d of template.dimensions) for (const i of d.indicators) names.set(i.key, i.name)
  for (const a of template.adjustments) names.set(a.key, a.name)
  return names
}

/**
 * Scores a slice; `between` runs every `every` sheets (the server's thread yields there to its other work). A sheet
 * whose missing inputs are declared 'block' is not written: it is listed in `held` with those items.
 */
export async function scoreSlice(
  sheets: SliceSheet[],
  context: SliceContext,
  memo: ScoreMemo,
  pause?: { every: number; between: () => Promise<unknown> },
): Promise<ScoredSlice> {
  const scored: { id: number; score: unknown; total: unknown; grade: unknown; coefficient: unknown }[] = []
  const held: HeldSheet[] = []
  for (const [i, sheet] of sheets.entries()) {
    if (pause && i > 0 && i % pause.every === 0) await pause.between()
    const template = context.templates.get(sheet.row.template_version_id)!
    const patch = scoreSheetRow(sheet.row, {
      template,
      metricActuals: sheet.metricActuals,
      peerReviews: sheet.peerReviews,
      settings: context.settings,
      sourceTotals: sheet.sourceTotals,
      sourceNames: context.sourceNames,
      memo,
      ...(sheet.leaverSources ? { leaverSources: sheet.leaverSources } : {}),
      ...(sheet.periodSamples ? { periodSamples: sheet.periodSamples } : {}),
    })
    const heldKeys = (patch.score as SheetScore).held
    if (heldKeys && heldKeys.length > 0) {
      const names = itemNames(template)
      held.push({
        id: sheet.row.id,
        employeeId: sheet.row.employee_id,
        items: heldKeys.map((key) => ({ key, name: names.get(key) ?? key })),
      })
      continue
    }
    scored.push({
      id: sheet.row.id,
      score: patch.score,
      total: patch.total,
      grade: patch.grade,
      coefficient: patch.coefficient,
    })
  }
  return {
    payload: JSON.stringify(scored),
    sheets: scored.map((s) => ({
      id: s.id,
      total: s.total as string | undefined,
      grade: s.grade as string | null | undefined,
    })),
    held,
  }
}
