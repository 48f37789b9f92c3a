// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AppProviders } from '../../../app/providers.tsx'
import { changeLanguage, initI18n, type Language } from '../../../i18n/i18n.ts'
import type { CalendarCoverageWarning } from '../api/open-cycle.ts'
import { CalendarCoverageWarnings } from './calendar-coverage-warnings.tsx'

// The warning the admin sees after opening a cycle whose dates run past the statutory holiday data (the API's
// `warnings` of POST /api/cycles), in each language.

beforeAll(async () => {
  await initI18n()
})
afterEach(() => cleanup())

const warning: CalendarCoverageWarning = {
  code: 'calendar_not_covered',
  lastYear: 2026,
  years: [2027],
  dates: ['2027-01-31', '2027-02-09'],
  message: '法定节假日数据只覆盖到 2026 年',
}

describe('CalendarCoverageWarnings', () => {
  it.each<[Language, string]>([
    ['zh-CN', '法定节假日数据只覆盖到 2026 年：本周期 2027 年的日期（2027-01-31, 2027-02-09）只按周末计算'],
    ['zh-TW', '法定節假日資料只涵蓋到 2026 年：本週期 2027 年的日期（2027-01-31, 2027-02-09）只按週末計算'],
    [
      'en',
      'The statutory holiday data only covers up to 2026: this cycle’s dates in 2027 (2027-01-31, 2027-02-09)',
    ],
  ])('tells the admin in %s which dates are past the covered year', async (language, text) => {
    await changeLanguage(language)
    render(
      <AppProviders>
        <CalendarCoverageWarnings warnings={[warning]} />
      </AppProviders>,
    )
    expect(screen.getByTestId('calendar-not-covered').textContent).toContain(text)
  })

  it('shows nothing when the cycle stays within the covered years', () => {
    const { container } = render(
      <AppProviders>
        <CalendarCoverageWarnings warnings={[]} />
      </AppProviders>,
    )
    expect(container.textContent).toBe('')
  })
})
