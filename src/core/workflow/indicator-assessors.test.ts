import { describe, expect, it } from 'vitest'
import { defaultScoring } from '../results/default-scoring.ts'
import { scoreSheet } from '../scoring/score-sheet.ts'
import type { Indicator, Template } from '../templates/template.ts'
import { awaitedItems, buildSheetInputs, heldRaters, type SheetContent } from './build-sheet-inputs.ts'

const empty: SheetContent = {
  targets: {},
  selfReview: {},
  supervisorReview: {},
  peerReviews: [],
  sampling: null,
  shared: {},
}

function item(key: string, name: string, assessor: Indicator['assessor']): Indicator {
  return {
    key,
    name,
    direction: 'higher_better',
    type: 'kci',
    maxPoints: 50,
    target: { kind: 'none' },
    rule: { shape: 'discretionary', min: 0, max: 50 },
    assessor,
    dataSource: { kind: 'manual' },
  }
}

// 002 T9 电商部负责人: 财务部 scores the cost row, the supervisor the rest.
const head: Template = {
  code: 'head',
  name: '电商部负责人',
  period: 'monthly',
  dimensions: [
    {
      key: 'd',
      name: '业绩',
      maxPoints: 100,
      indicators: [
        item('plan', '计划完成', { rater: 'supervisor' }),
        item('cost', '费用控制', { rater: 'department', department: '财务部' }),
      ],
    },
  ],
  adjustments: [],
  scoring: { ...defaultScoring, raterWeights: { supervisor: 0.75, self: 0.25 } },
}

describe('indicator assessors and empty reviews', () => {
  it("a row's named assessor scores it: their entry is the row's input, the raters' entries for it set aside", () => {
    const { template, inputs } = buildSheetInputs(head, {
      ...empty,
      supervisorReview: {
        indicators: { plan: { score: 40, comment: '好' }, cost: { score: 10, comment: '猜' } },
      },
      selfReview: { indicators: { plan: { score: 48, comment: '自评' } } },
      peerReviews: [{ kind: 'assessor', indicators: { cost: { score: 45, comment: '费用在预算内' } } }],
    })
    const score = scoreSheet(template, inputs)
    const [plan, cost] = score.dimensions[0]!.indicators
    // plan: 0.75 × 40 + 0.25 × 48 = 42; cost: the 财务部 head's 45 alone.
    expect(plan?.points).toBe(42)
    expect(cost?.points).toBe(45)
    expect(score.total).toBe(87)
  })

  it("an empty self review is left out and named under the default 'exclude' rule", () => {
    const { template, inputs } = buildSheetInputs(head, {
      ...empty,
      supervisorReview: {
        indicators: { plan: { score: 40, comment: '好' }, cost: { score: 30, comment: '好' } },
      },
    })
    expect(heldRaters(head, { ...empty })).toEqual([])
    const score = scoreSheet(template, inputs)
    expect(score.total).toBe(70)
    expect(score.explanation['zh-CN']).toContain('（自评未评分，按模板规定不计入，权重按到场评分人重新折算）')
    expect(score.explanation.en).toContain('(self did not score; as the template says, left out')
  })

  it("an empty self review holds the sheet when the template's rater settings say 'block'", () => {
    const blocking: Template = { ...head, scoring: { ...head.scoring, raters: { whenMissing: 'block' } } }
    const content = { ...empty, supervisorReview: { indicators: { plan: { score: 40, comment: '好' } } } }
    expect(heldRaters(blocking, content)).toEqual(['self'])
    expect(
      heldRaters(blocking, {
        ...content,
        selfReview: { indicators: { plan: { score: 45, comment: '自' } } },
      }),
    ).toEqual([])
  })
})

describe('awaitedItems', () => {
  it('lists the rows of assessors who have not submitted, and a held rater’s rows', () => {
    const pending = { kind: 'assessor' as const, pending: true, keys: ['cost'], indicators: {} }
    expect(awaitedItems(head, { ...empty, peerReviews: [pending] })).toEqual(['cost'])
    const blocking: Template = { ...head, scoring: { ...head.scoring, raters: { whenMissing: 'block' } } }
    expect(awaitedItems(blocking, { ...empty, peerReviews: [pending] })).toEqual(['cost', 'plan'])
    // A pending task's (empty) review does not take the row from the supervisor meanwhile.
    const { inputs } = buildSheetInputs(head, {
      ...empty,
      supervisorReview: { indicators: { cost: { score: 10, comment: '暂' } } },
      peerReviews: [pending],
    })
    expect(inputs.raters?.[0]?.indicators.cost?.score).toBe(10)
  })
})
