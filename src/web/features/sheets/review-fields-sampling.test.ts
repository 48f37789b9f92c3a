import { describe, expect, it } from 'vitest'
import { seed000CustomerService } from '../../../core/library/templates/seed-000-customer-service.ts'
import { checkReview } from './review-fields.ts'

// 服务质量 on the 客服 sheet takes the supervisor's part from the weekly samples (issue 16 part 6): the supervisor
// may submit without scoring it, while the agent's self assessment (25 %) still must; a typed score needs its reason.

const others = {
  problem_resolution_rate: { actual: 1 },
  customer_reviews: { actual: 0.98 },
  complaint_handling_rate: { actual: 1 },
}

describe('checkReview with an indicator fed by the weekly samples', () => {
  it('lets the supervisor leave 服务质量 empty', () => {
    const issues = checkReview(
      seed000CustomerService,
      { indicators: others },
      { submit: true, rater: 'supervisor' },
    )
    expect(issues.filter((i) => i.key === 'service_quality')).toEqual([])
  })

  it('still asks the agent to score it in the self review', () => {
    const issues = checkReview(
      seed000CustomerService,
      { indicators: others },
      { submit: true, rater: 'self' },
    )
    expect(issues.filter((i) => i.key === 'service_quality').map((i) => i.problem)).toContain('required')
  })

  it('asks the supervisor for the reason of a typed score', () => {
    const issues = checkReview(
      seed000CustomerService,
      { indicators: { ...others, service_quality: { score: 24 } } },
      { submit: true, rater: 'supervisor' },
    )
    expect(issues).toEqual([{ key: 'service_quality', field: 'comment', problem: 'commentRequired' }])
  })
})
