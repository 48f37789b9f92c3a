// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import { MemoryRouter } from 'react-router-dom'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { SamplingSource, SheetScore } from '../../../../contracts/sheets.ts'
import { seed000CustomerService as customerServiceTemplate } from '../../../../core/library/templates/seed-000-customer-service.ts'
import { AppProviders } from '../../../app/providers.tsx'
import { changeLanguage, initI18n } from '../../../i18n/i18n.ts'
import { IndicatorBreakdown } from './indicator-breakdown.tsx'
import { mondayOfIsoWeek } from './sampling-source-note.tsx'

// The 客服 sheet's 服务质量 takes the supervisor's part from the weekly samples (issue 16 part 6): the row says so,
// with the count and the mean on the row's scale, and links to the samples so a reader can check them.

beforeAll(async () => {
  await initI18n()
  await changeLanguage('zh-CN')
})
afterEach(() => cleanup())

const source: SamplingSource = {
  samples: 4,
  weeks: ['2026-W45', '2026-W46', '2026-W47', '2026-W48'],
  weeksSampled: ['2026-W46', '2026-W47'],
  meanScore: 86,
  points: 21.5,
  used: true,
  explanation: { 'zh-CN': '来自每周抽查：4 次，平均 21.5 分', en: 'From the weekly samples' },
}

function scoreWith(sampling: SamplingSource): SheetScore {
  return {
    templateCode: 'seed-000-customer-service',
    scale: 'hundred',
    dimensions: [
      {
        key: 'service',
        name: '客服岗位KPI',
        points: 21.13,
        maxPoints: 100,
        vetoed: false,
        indicators: [
          {
            key: 'service_quality',
            points: 21.13,
            maxPoints: 25,
            ruleShape: 'discretionary',
            explanation: { 'zh-CN': '多人评分加权', en: 'Raters blended' },
          },
        ],
      },
    ],
    subtotal: 21.13,
    base: 21.13,
    adjustments: [],
    bonus: 0,
    deduction: 0,
    total: 21.13,
    raters: [],
    coefficient: 0.5,
    missing: [],
    explanation: { 'zh-CN': '', en: '' },
    samplingSources: { service_quality: sampling },
  }
}

const renderBreakdown = (sampling: SamplingSource) =>
  render(
    <AppProviders>
      <MemoryRouter>
        <IndicatorBreakdown template={customerServiceTemplate} score={scoreWith(sampling)} />
      </MemoryRouter>
    </AppProviders>,
  )

describe('the weekly samples as the source of 服务质量', () => {
  it('shows the count and mean, and links to the first sampled week on the samples page', async () => {
    renderBreakdown(source)
    const note = (await screen.findAllByTestId('sampling-source-service_quality'))[0]!
    expect(note.textContent).toContain('来自每周抽查：4 次，平均 21.5 分')
    const link = screen.getAllByRole('link', { name: '查看抽查' })[0]!
    expect(link.getAttribute('href')).toBe('/rota/sampling?weekOf=2026-11-09')
  })

  it('says when the supervisor’s own score with its reason was used instead', async () => {
    renderBreakdown({ ...source, used: false, typed: { score: 24, reason: '处理了重大投诉', kept: true } })
    const note = (await screen.findAllByTestId('sampling-source-service_quality'))[0]!
    expect(note.textContent).toContain('主管录入 24 分（理由：处理了重大投诉）')
  })

  it('says when the period had no samples', async () => {
    renderBreakdown({ ...source, samples: 0, weeksSampled: [], meanScore: null, points: null, used: false })
    const note = (await screen.findAllByTestId('sampling-source-service_quality'))[0]!
    expect(note.textContent).toContain('本期没有每周抽查评分，主管也未录入')
  })

  it('finds the Monday of an ISO week', () => {
    expect(mondayOfIsoWeek('2026-W46')).toBe('2026-11-09')
    expect(mondayOfIsoWeek('2026-W01')).toBe('2025-12-29')
    expect(mondayOfIsoWeek('2027-W01')).toBe('2027-01-04')
  })
})
