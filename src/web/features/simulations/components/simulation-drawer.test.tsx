import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RealApi, startRealApi } from '../../../../test-support/real-api.ts'
import { fireEvent, page, waitFor, within } from '../../../test-support/register-dom.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

// 模拟 on the pay sheet page against the real API on the demo company: finance starts from the built-in
// customer-service scheme with a higher base, simulates it on October and sees who moves, why, and the export.

let api: RealApi

beforeAll(async () => {
  api = await startRealApi({ now: new Date('2026-11-05T02:00:00Z') })
})
afterAll(async () => {
  await api.close()
})

async function choose(label: string, option: string) {
  fireEvent.mouseDown(page.getByRole('combobox', { name: label }))
  const found = await waitFor(() => {
    const match = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find(
      (o) => o.textContent === option,
    )
    expect(match).toBeDefined()
    return match!
  })
  fireEvent.click(found)
}

describe('SimulationDrawer', () => {
  it('simulates a raised base pay on a finished cycle and names the pay line that moved', async () => {
    await api.signIn('finance')
    await renderApp('/results/pay', api)
    fireEvent.click(await page.findByRole('button', { name: /^模\s?拟$/ }))
    const drawer = within(await page.findByRole('dialog'))
    await choose('选择已完成的考核周期', '2026年10月绩效考核')
    await choose('从内置薪酬方案开始', '客服工资制度')
    const scheme = drawer.getByRole('textbox', { name: '薪酬方案草稿' }) as HTMLTextAreaElement
    fireEvent.change(scheme, { target: { value: scheme.value.replace('"base": "500"', '"base": "600"') } })
    fireEvent.click(drawer.getByRole('button', { name: '开始模拟' }))
    await waitFor(() => expect(page.getByRole('dialog').textContent).toMatch(/人结果变动，薪酬合计变动/), {
      timeout: 30_000,
    })
    expect(drawer.getAllByText('底薪 × 绩效系数 600.00 → 720.00').length).toBeGreaterThan(0)
    expect(drawer.getByRole('link', { name: /导出 XLSX/ }).getAttribute('href')).toMatch(
      /^\/api\/cycles\/\d+\/simulations\/\d+\/export\?language=zh-CN$/,
    )
  })
})
