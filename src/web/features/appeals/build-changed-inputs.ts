import type { AppealSheet } from '../../../contracts/appeal-detail.ts'
import type { ChangedInputs } from '../../../contracts/appeals.ts'
import type { IndicatorInput } from '../../../contracts/sheets.ts'
import type { Indicator, Template } from '../../../contracts/template.ts'

/** One changed value in a ruling: the indicator, where its input lives and the new value. */
export type ChangeRow = {
  indicatorKey: string
  /** shared data → the actual (实际值); supervisor review → the score the supervisor gave. */
  source: 'shared' | 'supervisor'
  value: number | null
}

export function findIndicator(template: Template, key: string): Indicator | undefined {
  for (const d of template.dimensions) for (const i of d.indicators) if (i.key === key) return i
  return undefined
}

/** Where an indicator's input is changed: data-fed (metric) or measured KPIs take an actual, judged ones a score. */
export function changeSourceOf(indicator: Indicator | undefined): ChangeRow['source'] {
  if (!indicator) return 'supervisor'
  if (indicator.dataSource.kind === 'metric') return 'shared'
  const judged = ['discretionary', 'levels', 'bonus_range'].includes(indicator.rule.shape)
  return indicator.type === 'kci' || judged ? 'supervisor' : 'shared'
}

/** The value on the sheet now, for the row's source: the shared actual or the supervisor's score (or actual). */
export function currentValue(
  sheet: AppealSheet,
  row: Pick<ChangeRow, 'indicatorKey' | 'source'>,
): number | null {
  const input: IndicatorInput | undefined =
    row.source === 'shared'
      ? sheet.sharedInputs?.indicators?.[row.indicatorKey]
      : sheet.supervisorReview?.indicators?.[row.indicatorKey]
  if (!input) return null
  const value = row.source === 'shared' ? input.actual : (input.score ?? input.actual)
  return value ?? null
}

/**
 * The ruling's `changedInputs`: each row that has a value becomes `{ actual }` in shared data or `{ score }`
 * in the supervisor review (a supervisor input given as an actual stays an actual), keeping the comment there.
 */
export function buildChangedInputs(
  sheet: AppealSheet,
  rows: readonly ChangeRow[],
  note: string,
): ChangedInputs {
  const out: ChangedInputs = {}
  for (const row of rows) {
    if (row.value === null || !Number.isFinite(row.value)) continue
    if (row.source === 'shared') {
      out.shared = { ...out.shared, [row.indicatorKey]: { actual: row.value } }
    } else {
      const before = sheet.supervisorReview?.indicators?.[row.indicatorKey]
      const field = before?.score === undefined && before?.actual !== undefined ? 'actual' : 'score'
      out.supervisor = {
        ...out.supervisor,
        [row.indicatorKey]: { ...before, [field]: row.value, comment: note },
      }
    }
  }
  return out
}
