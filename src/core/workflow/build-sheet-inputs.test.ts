import { describe, expect, it } from 'vitest'
import { DomainError } from '../errors.ts'
import { seed000CustomerService } from '../library/templates/seed-000-customer-service.ts'
import { scoreSheet } from '../scoring/score-sheet.ts'
import { buildSheetInputs, type SheetContent } from './build-sheet-inputs.ts'

const empty: SheetContent = {
  targets: {},
  selfReview: {},
  supervisorReview: {},
  peerReviews: [],
  sampling: null,
  shared: {},
}

describe('buildSheetInputs', () => {
  it('blends supervisor 75% and self 25% on the 客服 sheet (seed 000)', () => {
    const { template, inputs } = buildSheetInputs(seed000CustomerService, {
      ...empty,
      targets: { indicators: { problem_resolution_rate: { target: 0.95 } } },
      shared: { indicators: { customer_reviews: { actual: 0.98 }, complaint_handling_rate: { actual: 1 } } },
      supervisorReview: {
        indicators: {
          problem_resolution_rate: { actual: 0.95 },
          service_quality: { score: 20, comment: '抽查良好' },
        },
      },
      selfReview: {
        indicators: {
          problem_resolution_rate: { actual: 0.95 },
          service_quality: { score: 24, comment: '自评' },
        },
      },
    })
    const score = scoreSheet(template, inputs)
    // service_quality: 0.75 × 20 + 0.25 × 24 = 21; the other three indicators are full (25 each).
    const quality = score.dimensions[0]!.indicators.find((i) => i.key === 'service_quality')!
    expect(quality.points).toBe(21)
    expect(score.total).toBe(96)
    expect(score.raters.map((r) => [r.rater, r.effectiveWeight])).toEqual([
      ['supervisor', 0.75],
      ['self', 0.25],
    ])
  })

  it('applies agreed weights and refuses weights that break the budget', () => {
    const { template } = buildSheetInputs(seed000CustomerService, {
      ...empty,
      targets: { indicators: { service_quality: { weight: 35 }, customer_reviews: { weight: 15 } } },
    })
    expect(template.dimensions[0]!.indicators.map((i) => i.maxPoints)).toEqual([25, 35, 15, 25])
    expect(() =>
      buildSheetInputs(seed000CustomerService, {
        ...empty,
        targets: { indicators: { service_quality: { weight: 40 } } },
      }),
    ).toThrowError(DomainError)
  })

  it('averages the peer reviews as one rater role and ignores keys the template lacks', () => {
    const { inputs } = buildSheetInputs(seed000CustomerService, {
      ...empty,
      peerReviews: [
        { indicators: { service_quality: { score: 10 }, unknown: { score: 1 } } },
        { indicators: {} },
      ],
    })
    expect(inputs.raters).toEqual([{ rater: 'peer', indicators: { service_quality: { score: 10 } } }])
  })
})
