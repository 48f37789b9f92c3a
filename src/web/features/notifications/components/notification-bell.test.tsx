import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCycle, type RealApi, sheetOf, startRealApi, step } from '../../../../test-support/real-api.ts'
import { fireEvent, page, waitFor } from '../../../test-support/register-dom.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

// The header's bell against the real API on the demo company, with notifications the workflow writes: in a
// December 2026 cycle 小冰 and 小焦 agree their targets with 李娜 (店长), so each is told to submit the self review;
// 小焦 submits hers, so 李娜 is told to review it.

let api: RealApi
const sheetIds = new Map<string, number>()

beforeAll(async () => {
  api = await startRealApi({ now: new Date('2026-12-01T02:00:00Z') })
  const cycleId = await openCycle(api, {
    name: '2026年12月 客服考核',
    periodStart: '2026-12-01',
    periodEnd: '2026-12-31',
    positions: ['客服专员'],
  })
  for (const [name, username] of [
    ['小冰', 'xiaobing'],
    ['小焦', 'xiaojiao'],
  ] as const) {
    const sheetId = await sheetOf(api, cycleId, name)
    sheetIds.set(name, sheetId)
    const path = (p: string) => `/api/sheets/${sheetId}/${p}`
    const s = await step(api, username, 'POST', path('confirm-targets'), { expectedVersion: 1 })
    await step(api, 'dianzhang', 'POST', path('confirm-targets'), { expectedVersion: s.version })
  }
  const jiao = (p: string) => `/api/sheets/${sheetIds.get('小焦')}/${p}`
  const started = await step(api, 'xiaojiao', 'POST', jiao('start'), { expectedVersion: 3 })
  await step(api, 'xiaojiao', 'PUT', jiao('self-review'), {
    expectedVersion: started.version,
    review: {
      indicators: {
        problem_resolution_rate: { actual: 0.95 },
        service_quality: { score: 24, comment: '抽查服务记录' },
      },
    },
    submit: true,
  })
})
afterAll(async () => {
  await api.close()
})

const bell = (name: string | RegExp) => page.findByRole('button', { name })
const unreadOf = async (username: string) =>
  (await (await api.as(username)).get<{ unread: number }>('/api/notifications')).body.unread

describe('NotificationBell', () => {
  it('shows my unread count; opening a notification marks it read and goes to my sheet', async () => {
    await api.signIn('xiaobing')
    const { router } = await renderApp('/', api)
    fireEvent.click(await bell('通知（1 条未读）'))
    const item = await page.findByRole('button', { name: /2026年12月 客服考核：请提交自评/ })
    expect(item.textContent).toContain('小冰的考核表现为“目标已确认”，待您提交自评')
    expect(item.textContent).toContain('未读')

    fireEvent.click(item)
    const sheetId = sheetIds.get('小冰')
    await waitFor(() => expect(router.state.location.pathname).toBe(`/my-appraisal/${sheetId}`))
    await page.findByTestId('sheet-header')
    // the server has it read, and the badge follows
    await bell('通知')
    expect(await unreadOf('xiaobing')).toBe(0)
    expect(api.requests).toContain('POST /api/notifications/read')
  })

  it('takes a reviewer to the team page of the sheet a notification is about', async () => {
    await api.signIn('dianzhang')
    const { router } = await renderApp('/', api)
    fireEvent.click(await bell('通知（1 条未读）'))
    fireEvent.click(await page.findByRole('button', { name: /2026年12月 客服考核：请上级评分/ }))
    await waitFor(() => expect(router.state.location.pathname).toBe(`/team/${sheetIds.get('小焦')}`))
    await bell('通知')
  })

  it('marks all read at once, which zeroes the badge', async () => {
    await api.signIn('xiaojiao')
    const unread = await unreadOf('xiaojiao')
    expect(unread).toBeGreaterThan(1)
    await renderApp('/', api)
    fireEvent.click(await bell(`通知（${unread} 条未读）`))
    expect(await page.findAllByText('未读')).toHaveLength(unread)
    fireEvent.click(page.getByRole('button', { name: '全部已读' }))
    await bell('通知')
    await waitFor(() => expect(page.queryAllByText('未读')).toHaveLength(0))
    expect(page.getByRole('button', { name: '全部已读' })).toHaveProperty('disabled', true)
    expect(await unreadOf('xiaojiao')).toBe(0)
  })

  it('says so when there is nothing to show', async () => {
    await api.signIn('admin')
    await renderApp('/', api)
    fireEvent.click(await bell('通知'))
    await page.findByText('暂无通知')
  })
})
