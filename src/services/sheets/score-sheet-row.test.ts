import { describe, expect, it } from 'vitest'
import { seed000CustomerService } from '../../core/library/templates/seed-000-customer-service.ts'
import { metricPeriodOf } from '../../core/metrics/metric-period-of.ts'
import type { SheetRow } from '../../db/sheet-repository.ts'
import { scoreSheetRow } from './score-sheet-row.ts'

// Imported metric actuals fill metric-bound indicators; a figure entered on the sheet wins, and the score
// records where each came from (the imports an appeal can point at).

const row = (shared: unknown) =>
  ({
    targets: {},
    self_review: {},
    supervisor_review: {
      indicators: { problem_resolution_rate: { actual: 0.95 }, service_quality: { score: 25 } },
    },
    shared_inputs: shared,
    sampling: null,
  }) as unknown as SheetRow

const base = { peerReviews: [], settings: {}, sourceTotals: new Map(), sourceNames: new Map() }

describe('scoreSheetRow with imported metrics', () => {
  it('fills metric-bound actuals from imports and keeps entered ones', () => {
    const patch = scoreSheetRow(row({ indicators: { complaint_handling_rate: { actual: 0.5 } } }), {
      ...base,
      template: seed000CustomerService,
      metricActuals: {
        customer_reviews: { metric: 'positive_review_rate', grouping: 'employee', value: 0.98, imports: [7] },
        complaint_handling_rate: {
          metric: 'complaint_handling_rate',
          grouping: 'employee',
          value: 1,
          imports: [8],
        },
      },
    })
    const score = patch.score as {
      dimensions: { indicators: { key: string; actual?: number; points: number }[] }[]
      metricSources: Record<string, { used: boolean; imports: number[] }>
    }
    const byKey = Object.fromEntries(score.dimensions[0]!.indicators.map((i) => [i.key, i]))
    expect(byKey.customer_reviews).toMatchObject({ actual: 0.98, points: 25 })
    // Entered 0.5 against the 100% target: 12.5 points, the imported 1.0 is not used.
    expect(byKey.complaint_handling_rate).toMatchObject({ actual: 0.5, points: 12.5 })
    expect(score.metricSources.customer_reviews).toMatchObject({ used: true, imports: [7] })
    expect(score.metricSources.complaint_handling_rate).toMatchObject({ used: false })
    expect(patch.total).toBe('87.5')
  })

  it('names the catalogue period of whole months, quarters and years only', () => {
    expect(metricPeriodOf({ kind: 'monthly', periodStart: '2026-09-01', periodEnd: '2026-09-30' })).toBe(
      '2026-09',
    )
    expect(metricPeriodOf({ kind: 'monthly', periodStart: '2026-02-01', periodEnd: '2026-02-28' })).toBe(
      '2026-02',
    )
    expect(metricPeriodOf({ kind: 'quarterly', periodStart: '2026-07-01', periodEnd: '2026-09-30' })).toBe(
      '2026-Q3',
    )
    expect(metricPeriodOf({ kind: 'annual', periodStart: '2026-01-01', periodEnd: '2026-12-31' })).toBe(
      '2026',
    )
    expect(
      metricPeriodOf({ kind: 'monthly', periodStart: '2026-09-05', periodEnd: '2026-10-04' }),
    ).toBeUndefined()
  })
})
