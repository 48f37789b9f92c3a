// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { SheetScore } from '../../../../contracts/sheets.ts'
import { customerServiceTemplate as seed000CustomerService } from '../../../../contracts/testing/customer-service-template.ts'
import { AppProviders } from '../../../app/providers.tsx'
import { changeLanguage, initI18n } from '../../../i18n/i18n.ts'
import { IndicatorBreakdown } from './indicator-breakdown.tsx'

// The breakdown a person reads after computing: each indicator's points out of its weight, the engine's
// explanation, and for imported figures the import they came from (what an appeal points at).

beforeAll(async () => {
  await initI18n()
  await changeLanguage('zh-CN')
})
afterEach(() => cleanup())

describe('IndicatorBreakdown', () => {
  it('shows each indicator’s points out of its weight with the engine’s explanation and where the figure came from', async () => {
    const score = {
      templateCode: 'seed-000',
      scale: 'hundred',
      dimensions: [
        {
          key: 'service',
          name: '客服岗位KPI',
          points: 71.5,
          maxPoints: 100,
          vetoed: false,
          indicators: [
            {
              key: 'service_quality',
              points: 21.5,
              maxPoints: 25,
              ruleShape: 'discretionary',
              explanation: { 'zh-CN': '评分人给分 21.5（0–25）', en: 'scored 21.5 (0–25)' },
            },
            {
              key: 'customer_reviews',
              points: 25,
              maxPoints: 25,
              actual: 0.99,
              target: 0.98,
              ruleShape: 'ratio_to_target',
              explanation: { 'zh-CN': '实际 99% ≥ 目标 98%，得满分', en: 'full marks' },
            },
          ],
        },
      ],
      subtotal: 71.5,
      base: 71.5,
      adjustments: [],
      bonus: 0,
      deduction: 0,
      total: 71.5,
      raters: [],
      coefficient: 1,
      missing: [],
      explanation: { 'zh-CN': '', en: '' },
      metricSources: {
        customer_reviews: {
          metric: 'positive_review_rate',
          grouping: 'employee',
          value: 0.99,
          imports: [12],
          used: true,
        },
      },
    } satisfies SheetScore
    render(
      <AppProviders>
        <IndicatorBreakdown template={seed000CustomerService} score={score} />
      </AppProviders>,
    )
    expect((await screen.findAllByTestId('indicator-points-service_quality'))[0]!.textContent).toBe(
      '21.5 / 25 分',
    )
    expect(screen.getAllByTestId('indicator-explanation-customer_reviews')[0]!.textContent).toContain(
      '得满分',
    )
    expect(screen.getAllByText('来自导入数据（导入批次 12）').length).toBeGreaterThan(0)
    expect(screen.getAllByText('99%').length).toBeGreaterThan(0)
    // not computed yet: the weight alone
    expect(screen.getAllByTestId('indicator-points-problem_resolution_rate')[0]!.textContent).toBe('满分 25')
  })
})
