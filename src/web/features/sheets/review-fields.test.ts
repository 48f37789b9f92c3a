import { describe, expect, it } from 'vitest'
import type { Indicator } from '../../../contracts/sheets.ts'
import { customerServiceTemplate as seed000CustomerService } from '../../../contracts/testing/customer-service-template.ts'
import { checkReview, cleanReview, reviewFieldsFor, scoreBounds } from './review-fields.ts'

const template = seed000CustomerService
const indicator = (key: string) =>
  template.dimensions.flatMap((d) => d.indicators).find((i) => i.key === key) as Indicator

describe('review fields (客服专员, seed 000)', () => {
  it('asks the rater for the manual actual and the judged score, never for imported figures', () => {
    expect(reviewFieldsFor(indicator('problem_resolution_rate'))).toEqual(['actual'])
    expect(reviewFieldsFor(indicator('service_quality'))).toEqual(['score'])
    // 好评率 comes from the imported reviews, so nobody types it into a review
    expect(reviewFieldsFor(indicator('customer_reviews'))).toEqual([])
    expect(scoreBounds(indicator('service_quality').rule)).toEqual({ min: 0, max: 25 })
  })

  it('refuses a discretionary score outside 0–25 even in a draft', () => {
    const issues = checkReview(
      template,
      { indicators: { service_quality: { score: 26 } } },
      { submit: false },
    )
    expect(issues).toEqual([
      { key: 'service_quality', field: 'score', problem: 'outOfBounds', min: 0, max: 25 },
    ])
  })

  it('on submit requires every field and the reason of a discretionary score (酌情给分须写明理由)', () => {
    const issues = checkReview(template, { indicators: { service_quality: { score: 20 } } }, { submit: true })
    expect(issues).toEqual([
      { key: 'problem_resolution_rate', field: 'actual', problem: 'required' },
      { key: 'service_quality', field: 'comment', problem: 'commentRequired' },
    ])
    const complete = {
      indicators: {
        problem_resolution_rate: { actual: 0.96 },
        service_quality: { score: 20, comment: '  抽查 5 单，态度良好 ' },
      },
    }
    expect(checkReview(template, complete, { submit: true })).toEqual([])
  })

  it('sends only what was filled in, trimmed', () => {
    expect(
      cleanReview(template, {
        indicators: {
          service_quality: { score: 20, comment: '  好 ' },
          problem_resolution_rate: { comment: '   ' },
          unknown: { score: 1 },
        },
        comment: '  ',
      }),
    ).toEqual({ indicators: { service_quality: { score: 20, comment: '好' } } })
  })
})
