import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RealApi, startRealApi } from '../../../../test-support/real-api.ts'
import { fireEvent, page, waitFor, within } from '../../../test-support/register-dom.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

// 审计日志 against the real API on the demo company: HR reads each row as a sentence (the demo's approved bonus
// pool: who, which cycle, how much) with its changed fields labelled; the action code and the JSON appear only
// once the row's raw record is opened.

let api: RealApi

beforeAll(async () => {
  api = await startRealApi({ now: new Date('2026-12-06T02:00:00Z') })
  await api.signIn('hr')
})
afterAll(async () => {
  await api.close()
})

describe('AuditPage', () => {
  it('shows sentences and labelled changes, and the raw record only behind the toggle', async () => {
    await renderApp('/audit', api)
    await page.findByRole('heading', { name: '审计日志' })
    const sentence = await page.findByText(/^黄敏 批准了 .+ 奖金池（¥30,000）$/)
    const row = within(sentence.closest('tr')!)
    row.getByText('状态')
    row.getByText('已批准')
    const body = document.body.textContent ?? ''
    expect(body).not.toContain('bonus_pool.approve')
    expect(body).not.toContain('"status"')
    expect(page.queryByTestId('audit-raw')).toBeNull()

    fireEvent.click(row.getByRole('button', { name: '展开原始记录' }))
    const raw = await page.findByTestId('audit-raw')
    expect(raw.textContent).toContain('bonus_pool.approve')
    expect(raw.textContent).toContain('"status": "approved"')
    fireEvent.click(row.getByRole('button', { name: '收起原始记录' }))
    // The table keeps a closed row's content in the page, hidden.
    await waitFor(() => expect(raw.closest('tr')!.style.display).toBe('none'))
    row.getByRole('button', { name: '展开原始记录' })
  })
})
