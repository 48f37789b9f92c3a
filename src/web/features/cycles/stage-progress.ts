import type { SheetState } from '../../../contracts/sheets.ts'
import { sheetStates } from '../../../contracts/workflow.ts'

export type StageProgress = { state: SheetState; count: number; reached: number; reachedPercent: number }

/**
 * Progress by stage for the cycle board: how many sheets sit in each state, and how many have reached it
 * (are in it or any later state), as a whole percentage of all sheets.
 */
export function stageProgress(byState: Partial<Record<SheetState, number>>, total: number): StageProgress[] {
  let reached = 0
  const rows: StageProgress[] = []
  for (const state of [...sheetStates].reverse()) {
    const count = byState[state] ?? 0
    reached += count
    rows.unshift({
      state,
      count,
      reached,
      reachedPercent: total > 0 ? Math.round((reached / total) * 100) : 0,
    })
  }
  return rows
}
