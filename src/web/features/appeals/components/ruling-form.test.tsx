import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  computeCycle,
  fileAppeal,
  openCycle,
  type RealApi,
  reviewServiceSheet,
  sheetOf,
  startRealApi,
} from '../../../../test-support/real-api.ts'
import { fireEvent, page, waitFor, within } from '../../../test-support/register-dom.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

// The ruling (裁决) against the real API on the demo company: 小冰 appeals the 22 李娜 gave for 服务质量 (with her
// own 24 blended in at 25%: 22.5, total 97.5); HR rules it partly upheld at 24, the sheet is recomputed to 99
// and archived, and 97.5 stays in the score history.

let api: RealApi
let appealId = 0
let sheetId = 0

beforeAll(async () => {
  api = await startRealApi({ now: new Date('2026-09-01T02:00:00Z') })
  const cycleId = await openCycle(api, {
    name: '2026年8月 客服考核',
    periodStart: '2026-08-01',
    periodEnd: '2026-08-31',
    positions: ['客服专员'],
    settings: { appealWindowDays: 3 },
  })
  sheetId = await sheetOf(api, cycleId, '小冰')
  const who = { employee: 'xiaobing', reviewer: 'dianzhang' }
  await reviewServiceSheet(api, sheetId, who, { selfScore: 24, supervisorScore: 22, goodReviews: 0.98 })
  await computeCycle(api, cycleId)
  api.setNow(new Date('2026-09-02T02:00:00Z'))
  appealId = await fileAppeal(api, sheetId, who, {
    date: '2026-09-02',
    reasons: '9 月 12 日的差评已被平台撤销，服务质量应按 24 分计',
    disputed: ['service_quality'],
  })
  const taken = await (await api.as('hr')).post(`/api/appeals/${appealId}/take-up`, { investigationDays: 5 })
  expect(taken.status).toBe(200)
  await api.signIn('hr')
})
afterAll(async () => {
  await api.close()
})

describe('RulingForm', () => {
  it('rules an appeal partly upheld with a changed score; the sheet is recomputed and archived', async () => {
    await renderApp(`/appeals/${appealId}`, api)
    await page.findByRole('heading', { name: `小冰 的申诉（#${appealId}）` })
    expect((await page.findByTestId('current-total')).textContent).toBe('97.5')
    const submit = () => page.getByRole('button', { name: '提交裁决' })
    // nothing can be sent without a changed value and a note
    expect(submit()).toHaveProperty('disabled', true)
    await page.findByText('请填写裁决说明，并至少修改一项指标数据')
    expect(page.getByRole('radio', { name: '部分支持' })).toHaveProperty('checked', true)

    // the disputed indicator is listed with the supervisor's score it would change
    const row = page.getByLabelText('服务质量 新值').closest<HTMLElement>('tr')!
    expect(within(row).getByText('上级评分')).toBeDefined()
    expect(within(row).getByText('22')).toBeDefined()
    fireEvent.change(page.getByLabelText('服务质量 新值'), { target: { value: '24' } })
    fireEvent.blur(page.getByLabelText('服务质量 新值'))
    fireEvent.change(page.getByLabelText('裁决说明'), { target: { value: '差评已撤销，服务质量按 24 分计' } })
    await waitFor(() => expect(submit()).toHaveProperty('disabled', false))
    fireEvent.click(submit())

    const ruling = await page.findByTestId('appeal-ruling')
    await within(ruling).findByText(/^部分支持 · /)
    expect(within(ruling).getByText('差评已撤销，服务质量按 24 分计')).toBeDefined()
    expect(ruling.textContent).toContain('服务质量（上级评分）→ 24')
    await waitFor(() => expect(page.getByTestId('current-total').textContent).toBe('99'))
    const history = page.getByTestId('score-history')
    expect(within(history).getByText('97.5')).toBeDefined()
    expect(page.queryByRole('button', { name: '提交裁决' })).toBeNull()

    const sheet = await (await api.as('xiaobing')).get<{ state: string; total: number }>(
      `/api/sheets/${sheetId}`,
    )
    expect(sheet.body).toMatchObject({ state: 'final', total: 99 })
  })
})
