import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCycle, type RealApi, startRealApi } from '../../../../test-support/real-api.ts'
import { page, waitFor, within } from '../../../test-support/register-dom.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

// 我的团队 opened on one cycle from its address (?cycle=ID, as a "feedback meetings due" notification links it),
// against the real API on the demo company: 李娜 (店长) reviews the 客服专员 of two cycles.

let api: RealApi
let october = 0
let november = 0

beforeAll(async () => {
  api = await startRealApi({ now: new Date('2026-11-03T02:00:00Z') })
  october = await openCycle(api, {
    name: '2026年10月 客服考核',
    periodStart: '2026-10-01',
    periodEnd: '2026-10-31',
    positions: ['客服专员'],
  })
  november = await openCycle(api, {
    name: '2026年11月 客服考核',
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    positions: ['客服专员'],
  })
})
afterAll(async () => {
  await api.close()
})

describe('TeamQueuePage', () => {
  it('opens on the cycle the address names, and lists only its sheets', async () => {
    await api.signIn('dianzhang')
    await renderApp(`/team?cycle=${october}`, api)
    const filter = await page.findByRole('combobox', { name: '考核周期' })
    const chosen = filter.closest('.ant-select') as HTMLElement
    await waitFor(() => expect(within(chosen).getByText('2026年10月 客服考核')).toBeTruthy())
    await waitFor(() =>
      expect(api.requests.some((r) => r.startsWith(`GET /api/team/queue?cycleId=${october}`))).toBe(true),
    )
    expect(api.requests.some((r) => r.startsWith(`GET /api/team/queue?cycleId=${november}`))).toBe(false)
    const queue = await (await api.as('dianzhang')).get<{ toReview: { cycleId: number }[] }>(
      `/api/team/queue?cycleId=${october}`,
    )
    expect(queue.body.toReview.length).toBeGreaterThan(0)
    expect(page.queryAllByText('2026年11月 客服考核').length).toBe(0)
  })
})
