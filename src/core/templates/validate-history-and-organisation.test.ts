import { describe, expect, it } from 'vitest'
import { seed002T9EcommerceHead } from '../library/templates/seed-002-t9-ecommerce-head.ts'
import { seed002T15NewMediaDepartment } from '../library/templates/seed-002-t15-new-media-department.ts'
import { departmentsUnder } from '../organisation/departments-under.ts'
import type { Indicator, Template } from './template.ts'
import { validateTemplate } from './validate-template.ts'

/** The template with one indicator changed. */
function withIndicator(template: Template, key: string, change: (i: Indicator) => Indicator): Template {
  return {
    ...template,
    dimensions: template.dimensions.map((d) => ({
      ...d,
      indicators: d.indicators.map((i) => (i.key === key ? change(i) : i)),
    })),
  }
}

const paths = (template: Template) => validateTemplate(template).map((i) => i.path)

describe('validateTemplate: targets from history and leavers from the organisation', () => {
  it('accepts the built-in T15 (上月日均UV × 110%) and T9 (leavers by tenure)', () => {
    expect(validateTemplate(seed002T15NewMediaDepartment)).toEqual([])
    expect(validateTemplate(seed002T9EcommerceHead)).toEqual([])
  })

  it('refuses an unknown metric, a factor of 0 and an average without 2–24 periods', () => {
    const bad = withIndicator(seed002T15NewMediaDepartment, 'platform_page_views', (i) => ({
      ...i,
      target: {
        kind: 'derived',
        metric: 'no_such_metric',
        from: 'last_periods_average',
        periods: 1,
        factor: 0,
      },
    }))
    expect(paths(bad)).toEqual([
      'dimensions[0].indicators[0].target.metric',
      'dimensions[0].indicators[0].target.factor',
      'dimensions[0].indicators[0].target.periods',
    ])
  })

  it('refuses leavers by tenure on a rule that is not the three tenure bands', () => {
    const bad = withIndicator(seed002T15NewMediaDepartment, 'platform_page_views', (i) => ({
      ...i,
      dataSource: { kind: 'organisation', fact: 'leavers_by_tenure' },
    }))
    expect(paths(bad)).toEqual(['dimensions[0].indicators[0].dataSource'])
  })
})

describe('departmentsUnder', () => {
  it('holds the department and every one below it, not its parent or siblings', () => {
    const tree = [
      { id: 1, parentId: null },
      { id: 2, parentId: 1 },
      { id: 3, parentId: 2 },
      { id: 4, parentId: 1 },
      { id: 5, parentId: null },
    ]
    expect([...departmentsUnder(tree, 2)].sort()).toEqual([2, 3])
    expect([...departmentsUnder(tree, 1)].sort()).toEqual([1, 2, 3, 4])
  })
})
