import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  computeCycle,
  openCycle,
  type RealApi,
  reviewServiceSheets,
  startRealApi,
} from '../../../../test-support/real-api.ts'
import { fireEvent, page, waitFor, within } from '../../../test-support/register-dom.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

// Calibration (绩效校准) against the real API on the demo company: 小冰 (97.5) and 小焦 (96.5) are both 优秀 in
// a November cycle that allows at most 20% 优秀 (强制分布), so both break the quota; HR lowers 小冰 to 85 with a
// reason, which leaves one 优秀 over the quota.

let api: RealApi
let cycleId = 0

beforeAll(async () => {
  api = await startRealApi({ now: new Date('2026-12-02T02:00:00Z') })
  cycleId = await openCycle(api, {
    name: '2026年11月 客服考核',
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    positions: ['客服专员'],
    settings: { gradeQuotas: [{ grade: 'excellent', maxShare: 0.2 }] },
  })
  await reviewServiceSheets(api, cycleId, [
    { name: '小冰', username: 'xiaobing', selfScore: 24, supervisorScore: 22, goodReviews: 0.98 },
    { name: '小焦', username: 'xiaojiao', selfScore: 23, supervisorScore: 21, goodReviews: 0.99 },
  ])
  await computeCycle(api, cycleId)
  await api.signIn('hr')
})
afterAll(async () => {
  await api.close()
})

const card = async (title: string) =>
  (await page.findByText(title, { selector: '.ant-card-head-title' })).closest<HTMLElement>('.ant-card')!
const sheetRow = async (name: string) =>
  (await within(await card('考核表')).findByText(name)).closest<HTMLElement>('tr')!
// antd spaces out two-character button labels (调 整); a user reads 调整
const cells = (row: HTMLElement) =>
  [...row.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, ''))
const violations = async () =>
  within(await card('超出比例'))
    .queryAllByRole('alert')
    .map((a) => a.textContent)

describe('CalibrationPage', () => {
  it('shows the grade quota violations and marks the sheets over the quota', async () => {
    await renderApp(`/cycles/${cycleId}/calibration`, api)
    await page.findByRole('heading', { name: '绩效校准：2026年11月 客服考核' })
    await waitFor(async () =>
      expect(await violations()).toEqual([
        '全公司「优秀」2 人，超过上限 20%（2 人中最多 0 人）',
        '客服部「优秀」2 人，超过上限 20%（2 人中最多 0 人）',
      ]),
    )
    expect(cells(await sheetRow('小冰'))).toEqual(['小冰', '客服部', '已计算', '97.5', '优秀超比例', '调整'])
    expect(cells(await sheetRow('小焦'))).toEqual(['小焦', '客服部', '已计算', '96.5', '优秀超比例', '调整'])
  })

  it('adjusts a total only with a reason, then shows the new total, grade and the remaining violation', async () => {
    await renderApp(`/cycles/${cycleId}/calibration`, api)
    fireEvent.click(await page.findByRole('button', { name: '调整 小冰 的总分' }))
    const dialog = await page.findByRole('dialog')
    await within(dialog).findByText('调整总分：小冰')
    fireEvent.change(within(dialog).getByLabelText('调整后总分'), { target: { value: '85' } })
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s?存/ }))
    await within(dialog).findByText('请写明调整理由')
    expect(api.requests.filter((r) => r.includes('/calibrate'))).toEqual([])

    fireEvent.change(within(dialog).getByLabelText('调整理由'), {
      target: { value: '部门强制分布：优秀不超过 20%' },
    })
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s?存/ }))
    await page.findByText('总分已调整')
    await waitFor(async () =>
      expect(cells(await sheetRow('小冰'))).toEqual(['小冰', '客服部', '已计算', '85', '良好已校准', '调整']),
    )
    await waitFor(async () =>
      expect(await violations()).toEqual([
        '全公司「优秀」1 人，超过上限 20%（2 人中最多 0 人）',
        '客服部「优秀」1 人，超过上限 20%（2 人中最多 0 人）',
      ]),
    )
    expect(api.requests.filter((r) => r.includes('/calibrate'))).toHaveLength(1)
  })
})
