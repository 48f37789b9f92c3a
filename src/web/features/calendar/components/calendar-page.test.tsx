import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RealApi, startRealApi } from '../../../../test-support/real-api.ts'
import { fireEvent, page, waitFor, within } from '../../../test-support/register-dom.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

// 工作日历 against the real API on the demo company: the statutory arrangement from the chinese-days package,
// the company's entry over a statutory holiday, and the notice for a year the package does not cover.

let api: RealApi

beforeAll(async () => {
  api = await startRealApi({ now: new Date('2026-12-06T02:00:00Z') })
  const admin = await api.as('admin')
  const res = await admin.raw('/api/calendar?year=2026', {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-csrf-token': admin.csrfToken! },
    body: JSON.stringify({ set: [{ date: '2026-10-07', kind: 'workday', name: '公司值班' }] }),
  })
  expect(res.status).toBe(200)
  await api.signIn('admin')
})
afterAll(async () => {
  await api.close()
})

const setYear = (year: number) =>
  fireEvent.change(page.getByRole('spinbutton', { name: '年份' }), { target: { value: String(year) } })

describe('CalendarPage', () => {
  it('shows which days are statutory and which the company set, and the years the package covers', async () => {
    await renderApp('/settings/calendar', api)
    await page.findByRole('heading', { name: '工作日历' })
    setYear(2026)
    const notice = await page.findByTestId('calendar-coverage')
    await waitFor(() => expect(notice.textContent).toContain('chinese-days 1.5.7'))
    expect(notice.textContent).toContain('2004–2026')
    const national = within((await page.findByText('2026-10-01')).closest('tr')!)
    national.getByText('国庆节')
    national.getByText('国务院安排（法定）')
    const override = within(page.getByText('2026-10-07').closest('tr')!)
    override.getByText('公司值班')
    override.getByText('公司设置')
    override.getByText('覆盖法定安排：国庆节（放假）')
  })

  it('says plainly when a year is past the statutory data', async () => {
    await renderApp('/settings/calendar', api)
    await page.findByRole('heading', { name: '工作日历' })
    setYear(2027)
    await waitFor(() =>
      expect(page.getByTestId('calendar-coverage').textContent).toContain(
        '2027 年不在法定节假日数据之内（只覆盖到 2026 年）',
      ),
    )
  })
})
