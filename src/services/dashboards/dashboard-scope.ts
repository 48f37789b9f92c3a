import { DomainError } from '../../core/errors.ts'
import { defaultGrades } from '../../core/results/default-scoring.ts'
import { roundScore } from '../../core/scoring/round-score.ts'
import type { LocalizedText } from '../../core/templates/template.ts'
import {
  type DashboardCycleRow,
  findDashboardCycle,
  findLatestDashboardCycle,
  listTemplateLabelParts,
  type SheetFilter,
} from '../../db/dashboard-queries.ts'
import type { Db } from '../../db/database.ts'

// What every dashboard shares: which cycle is shown, scores rounded once, and the labels read from the pinned
// template versions. Which sheets a reader may aggregate is a SheetFilter (db/dashboard-queries.ts).

export type { SheetFilter, SheetScope } from '../../db/dashboard-queries.ts'

export type CycleRef = DashboardCycleRow

/**
 * The cycle a dashboard shows: the one asked for (404 when it has no sheet the reader may see, unless the
 * reader sees the whole company), else 「最近一期」: the latest finished period (ended before `today`, scored)
 * of the reader's scope across all departments — a department filter narrows the figures, not the period —
 * else the latest with a scored sheet, else the latest with any.
 */
export async function resolveDashboardCycle(
  db: Db,
  filter: SheetFilter,
  cycleId: number | undefined,
  wholeCompany: boolean,
  today: string,
): Promise<CycleRef | null> {
  if (cycleId === undefined)
    return (await findLatestDashboardCycle(db, { ...filter, departmentId: undefined }, today)) ?? null
  const cycle = await findDashboardCycle(db, filter, cycleId, wholeCompany)
  if (!cycle) throw new DomainError('not_found', `考核周期 ${cycleId} 不存在`)
  return cycle
}

/**
 * A measured value (actual, target: 0.9567 for 95.67 %) from SQL at the precision its rule reads, not rounded
 * like a score: 6 decimals hold every percentage a rule shows to 0.01 %; null stays null.
 */
export function toMeasure(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null
  const n = Number(value)
  return Number.isFinite(n) ? Number(n.toFixed(6)) : null
}

/** A numeric (decimal string) from SQL as a score rounded once to 2 decimals; null stays null. */
export function toScore(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null
  const n = Number(value)
  return Number.isFinite(n) ? roundScore(n) : null
}

export type TemplateLabels = {
  grades: Map<string, LocalizedText>
  indicators: Map<string, { name: string; unit: string | null; dimension: string; lowerIsBetter: boolean }>
}

/** Grade labels and indicator names of the template versions a set of sheets pinned (first definition wins). */
export async function loadTemplateLabels(db: Db, versionIds: number[]): Promise<TemplateLabels> {
  const labels: TemplateLabels = { grades: new Map(), indicators: new Map() }
  if (versionIds.length === 0) return labels
  for (const row of await listTemplateLabelParts(db, versionIds)) {
    for (const g of row.grades ?? []) if (!labels.grades.has(g.grade)) labels.grades.set(g.grade, g.label)
    for (const d of row.dimensions ?? [])
      for (const i of d.indicators ?? [])
        if (!labels.indicators.has(i.key))
          labels.indicators.set(i.key, {
            name: i.name,
            unit: i.unit ?? null,
            dimension: d.name,
            lowerIsBetter: i.direction === 'lower_better',
          })
  }
  for (const g of defaultGrades) if (!labels.grades.has(g.grade)) labels.grades.set(g.grade, g.label)
  return labels
}
