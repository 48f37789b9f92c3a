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

// Enforced forced distribution (强制分布, issue 16.7) from the calibration page: 小冰 and 小焦 are both 优秀 where
// at most 20% may be, so once HR switches the quotas to 强制执行 客服部 is held (签字和工资审批暂停) until HR records
// an exception with a reason, which is then listed under the violations.

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

const violationsCard = async () =>
  (await page.findByText('超出比例', { selector: '.ant-card-head-title' })).closest<HTMLElement>('.ant-card')!

describe('CalibrationPage quota holds', () => {
  it('switches to enforced quotas, shows the held department and records an exception with a reason', async () => {
    await renderApp(`/cycles/${cycleId}/calibration`, api)
    const card = await violationsCard()
    const enforced = await within(card).findByRole('radio', { name: '强制执行' })
    expect(within(card).getByRole('radio', { name: '仅提示' })).toHaveProperty('checked', true)
    expect(within(card).queryByText('已暂停签字和工资审批')).toBeNull()

    fireEvent.click(enforced)
    await within(card).findByText('已暂停签字和工资审批')
    expect(enforced).toHaveProperty('checked', true)
    expect(api.requests.filter((r) => r.includes('/settings'))).toHaveLength(1)

    fireEvent.click(within(card).getByRole('button', { name: '为客服部记录例外' }))
    const dialog = await page.findByRole('dialog')
    await within(dialog).findByText('记录例外：客服部')
    // A reason is required: nothing is sent without one.
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s?存/ }))
    await within(dialog).findByText('请写明例外理由')
    expect(api.requests.filter((r) => r.includes('/quota-exceptions'))).toEqual([])

    fireEvent.change(within(dialog).getByLabelText('例外理由'), {
      target: { value: '两人均超额完成双十一目标' },
    })
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s?存/ }))
    await page.findByText('例外已记录')
    await within(card).findByText('已记录的例外')
    await waitFor(() => expect(within(card).queryByText('已暂停签字和工资审批')).toBeNull())
    const exception = within(card).getByText(/两人均超额完成双十一目标/)
    expect(exception.closest('li')?.textContent).toContain('客服部')
    expect(api.requests.filter((r) => r.includes('/quota-exceptions'))).toHaveLength(1)
  })
})
