import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient } from '../../../../api/testing/api-client.ts'
import type { BonusPool } from '../../../../contracts/pay.ts'
import { type RealApi, startRealApi } from '../../../../test-support/real-api.ts'
import { fireEvent, page, waitFor, within } from '../../../test-support/register-dom.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

// 奖金池 against the real API on the demo company: finance approves a draft pool over the October results (with a
// note, after confirming), HR deletes a wrong draft, and the demo's approved third-quarter pool offers neither.

let api: RealApi
let hr: ApiClient
let octoberId = 0

const allocate = async (name: string) => {
  const res = await hr.post<BonusPool>('/api/bonus-pools', {
    name,
    kind: 'quarterly',
    cycleId: octoberId,
    amount: '5000',
    rule: { kind: 'score' },
  })
  expect(res.status).toBe(201)
  return res.body
}

/** The open confirmation bubble (antd Popconfirm). */
const popconfirm = () =>
  waitFor(() => {
    const found = document.querySelector<HTMLElement>('.ant-popconfirm')
    expect(found).not.toBeNull()
    return within(found!)
  })

beforeAll(async () => {
  api = await startRealApi({ now: new Date('2026-11-05T02:00:00Z') })
  hr = await api.as('hr')
  const cycles = await hr.get<{ items: { id: number; name: string }[] }>('/api/cycles')
  octoberId = cycles.body.items.find((c) => c.name === '2026年10月绩效考核')!.id
})
afterAll(async () => {
  await api.close()
})

describe('BonusPoolsPage', () => {
  it('lets finance approve a draft pool after confirming, with a note; then it is locked', async () => {
    const pool = await allocate('10月 团队奖金')
    await api.signIn('finance')
    await renderApp(`/results/bonuses?poolId=${pool.id}`, api)
    const view = within(await page.findByTestId('bonus-pool'))
    await view.findByText('草稿（待财务审批，可删除后重新分配）')
    // Finance approves but never deletes; the export covers the pool's cycle.
    expect(view.queryByRole('button', { name: /删除草稿/ })).toBeNull()
    const xlsx = page.getByRole('link', { name: /导出 Excel/ })
    expect(xlsx.getAttribute('href')).toBe(`/api/cycles/${octoberId}/exports/bonuses?format=xlsx`)

    fireEvent.click(view.getByRole('button', { name: /审批奖金池/ }))
    const confirm = await popconfirm()
    confirm.getByText('审批后奖金池「10月 团队奖金」锁定，不能删除；更正只能另建奖金池。确认审批？')
    fireEvent.change(confirm.getByRole('textbox', { name: '审批备注（可选）' }), {
      target: { value: '随 11 月工资发放' },
    })
    fireEvent.click(confirm.getByRole('button', { name: /审批奖金池/ }))
    await view.findByText(/^已审批：黄敏 /)
    await view.findByText('随 11 月工资发放')
    view.getByText(/已审批的奖金池已锁定/)
    expect(view.queryByRole('button', { name: /审批奖金池/ })).toBeNull()

    const stored = await hr.get<BonusPool>(`/api/bonus-pools/${pool.id}`)
    expect(stored.body).toMatchObject({ status: 'approved', approvalNote: '随 11 月工资发放' })
  })

  it('lets HR delete a draft after confirming, but offers neither action on an approved pool', async () => {
    const wrong = await allocate('10月 分错了')
    await api.signIn('hr')
    await renderApp(`/results/bonuses?poolId=${wrong.id}`, api)
    const view = within(await page.findByTestId('bonus-pool'))
    await view.findByText('草稿（待财务审批，可删除后重新分配）')
    expect(view.queryByRole('button', { name: /审批奖金池/ })).toBeNull()
    fireEvent.click(view.getByRole('button', { name: /删除草稿/ }))
    const confirm = await popconfirm()
    confirm.getByText('删除奖金池「10月 分错了」？删除后可重新分配，审计日志保留原分配。')
    fireEvent.click(confirm.getByRole('button', { name: /删除草稿/ }))
    await page.findByText('奖金池「10月 分错了」已删除')
    expect((await hr.get(`/api/bonus-pools/${wrong.id}`)).status).toBe(404)

    // The demo's third-quarter pool was approved by finance: locked for HR too.
    const pools = await hr.get<{ items: BonusPool[] }>('/api/bonus-pools')
    const demo = pools.body.items.find((p) => p.name === '2026年三季度奖金')!
    expect(demo.status).toBe('approved')
    await renderApp(`/results/bonuses?poolId=${demo.id}`, api)
    const locked = within(await page.findByTestId('bonus-pool'))
    await locked.findByText(/^已审批：/)
    expect(locked.queryByRole('button', { name: /删除草稿/ })).toBeNull()
  })
})
