import { describe, expect, it } from 'vitest'
import type { AppealSheet } from '../../../contracts/appeal-detail.ts'
import { customerServiceTemplate as seed000CustomerService } from '../../../contracts/testing/customer-service-template.ts'
import { buildChangedInputs, changeSourceOf, currentValue, findIndicator } from './build-changed-inputs.ts'

// The 客服专员 template (seed 000): service_quality is judged by the supervisor, customer_reviews is measured.
const template = seed000CustomerService
const sheet = {
  sharedInputs: { indicators: { customer_reviews: { actual: 0.98 } } },
  supervisorReview: {
    indicators: {
      service_quality: { score: 20, comment: '抽查良好' },
      problem_resolution_rate: { actual: 0.95 },
    },
  },
} as unknown as AppealSheet

describe('ruling changes', () => {
  it('changes a judged indicator in the supervisor review and a measured one in shared data', () => {
    expect(changeSourceOf(findIndicator(template, 'service_quality'))).toBe('supervisor')
    expect(changeSourceOf(findIndicator(template, 'customer_reviews'))).toBe('shared')
  })

  it('reads the value on the sheet now for each source', () => {
    expect(currentValue(sheet, { indicatorKey: 'service_quality', source: 'supervisor' })).toBe(20)
    expect(currentValue(sheet, { indicatorKey: 'customer_reviews', source: 'shared' })).toBe(0.98)
    expect(currentValue(sheet, { indicatorKey: 'problem_resolution_rate', source: 'supervisor' })).toBe(0.95)
    expect(currentValue(sheet, { indicatorKey: 'nothing', source: 'shared' })).toBeNull()
  })

  it('builds changed inputs for the rows with a value only, keeping the other fields of a supervisor input', () => {
    const changes = buildChangedInputs(
      sheet,
      [
        { indicatorKey: 'service_quality', source: 'supervisor', value: 24 },
        { indicatorKey: 'customer_reviews', source: 'shared', value: 0.99 },
        { indicatorKey: 'problem_resolution_rate', source: 'supervisor', value: 0.97 },
        { indicatorKey: 'complaint_handling_rate', source: 'shared', value: null },
      ],
      '差评已撤销',
    )
    expect(changes).toEqual({
      shared: { customer_reviews: { actual: 0.99 } },
      supervisor: {
        service_quality: { score: 24, comment: '差评已撤销' },
        // entered as an actual by the supervisor, so the change stays an actual
        problem_resolution_rate: { actual: 0.97, comment: '差评已撤销' },
      },
    })
  })
})
