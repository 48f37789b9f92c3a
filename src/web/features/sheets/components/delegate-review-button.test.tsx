import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCycle, type RealApi, startRealApi } from '../../../../test-support/real-api.ts'
import { fireEvent, page, waitFor, within } from '../../../test-support/register-dom.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

// 委托评分 in the sheet detail, against the real API on the demo company: 王海涛 (运营经理) opens 小冰's sheet,
// which 李娜 (店长) reviews, and hands the review to himself; the server refuses 小冰 herself.

let api: RealApi
let sheetId = 0

beforeAll(async () => {
  api = await startRealApi({ now: new Date('2026-11-03T02:00:00Z') })
  const cycleId = await openCycle(api, {
    name: '2026年11月 客服考核',
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    positions: ['客服专员'],
  })
  const mine = await (await api.as('xiaobing')).get<{ items: { id: number; cycleId: number }[] }>(
    '/api/me/sheets',
  )
  sheetId = mine.body.items.find((s) => s.cycleId === cycleId)!.id
})
afterAll(async () => {
  await api.close()
})

async function choose(dialog: HTMLElement, label: string, search: string, option: RegExp) {
  const box = within(dialog).getByRole('combobox', { name: label })
  fireEvent.mouseDown(box)
  fireEvent.change(box, { target: { value: search } })
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((o) =>
      option.test(o.textContent ?? ''),
    )
    expect(found).toBeDefined()
    return found!
  })
  fireEvent.click(item)
}

describe('DelegateReviewButton', () => {
  it('is not offered to the reviewer themself', async () => {
    await api.signIn('dianzhang')
    await renderApp(`/team/${sheetId}`, api)
    await page.findByTestId('sheet-header')
    expect(page.queryByRole('button', { name: /委托评分/ })).toBeNull()
  })

  it('shows the server’s refusal of the employee, then delegates and shows the new reviewer', async () => {
    await api.signIn('yunying')
    await renderApp(`/team/${sheetId}`, api)
    fireEvent.click(await page.findByRole('button', { name: /委托评分/ }))
    const dialog = await page.findByRole('dialog')
    await within(dialog).findByText('委托评分：小冰')
    const ok = () => within(dialog).getByRole('button', { name: /委托评分/ })
    // both the delegate and the reason are required before anything is sent
    expect(ok()).toHaveProperty('disabled', true)
    await choose(dialog, '委托给谁', '小冰', /^小冰/)
    fireEvent.change(within(dialog).getByLabelText('委托原因（记入审计日志）'), {
      target: { value: '李娜休假，本月由运营经理评分' },
    })
    await waitFor(() => expect(ok()).toHaveProperty('disabled', false))
    fireEvent.click(ok())
    await within(dialog).findByText('不能委托被考核人本人评分')

    await choose(dialog, '委托给谁', '王海涛', /^王海涛/)
    fireEvent.click(ok())
    await page.findByText('已委托 王海涛 评分')
    const header = await page.findByTestId('sheet-header')
    await waitFor(() => expect(within(header).getByTestId('sheet-reviewer').textContent).toBe('王海涛受委托'))
    // now the reviewer, he no longer delegates
    await waitFor(() => expect(page.queryByRole('button', { name: /委托评分/ })).toBeNull())
    expect(api.requests.filter((r) => r.startsWith('POST /api/sheets/'))).toEqual([
      `POST /api/sheets/${sheetId}/delegate`,
      `POST /api/sheets/${sheetId}/delegate`,
    ])
    const queue = await (await api.as('yunying')).get<{ toReview: { id: number }[] }>('/api/team/queue')
    expect(queue.body.toReview.map((s) => s.id)).toContain(sheetId)
  })
})
