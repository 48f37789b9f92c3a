import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seed002T11NetworkAdmin } from '../src/core/library/templates/seed-002-t11-network-admin.ts'
import { confirmPopup } from './support/confirm-popup.ts'
import { demoPassword, signIn } from './support/sign-in.ts'
import { type StartedApp, startApp } from './support/start-app.ts'

// The template journey: open a built-in template (网管绩效考核表, seed T11) in the editor, score a sample in the
// live preview, change a rule parameter and watch the points follow, then save it as the next version.

let app: StartedApp
let page: Page

beforeAll(async () => {
  app = await startApp()
  page = await app.newPage({ viewport: { width: 1440, height: 900 } })
})

afterAll(async () => {
  await app?.close()
})

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').trim()

/**
 * The demo company comes with the built-in library when the harness loads the demo extensions; until it does,
 * the same T11 definition is created through the API (as a custom template) so the journey still runs.
 * Returns the origin the template has.
 */
async function ensureNetworkAdminTemplate(): Promise<'builtin' | 'custom'> {
  const list = await page.request.get('/api/templates?includeArchived=true')
  const { items } = (await list.json()) as { items: { code: string; origin: 'builtin' | 'custom' }[] }
  const found = items.find((item) => item.code === seed002T11NetworkAdmin.code)
  if (found) return found.origin
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string }
  const created = await page.request.post('/api/templates', {
    data: { definition: seed002T11NetworkAdmin, note: 'e2e' },
    headers: { 'x-csrf-token': me.csrfToken },
  })
  expect(created.status()).toBe(201)
  return 'custom'
}

describe('KPI templates (admin)', () => {
  it('lists the built-in library with origin, positions and version', async () => {
    await page.goto('/templates')
    await page.waitForURL('**/login')
    await signIn(page, 'admin', demoPassword)
    // back to the page first asked for
    await page.waitForURL('**/templates')
    await page.getByRole('heading', { name: '考核模板', level: 1 }).waitFor()
    const origin = await ensureNetworkAdminTemplate()
    await page.reload()
    const row = page.locator('tr.ant-table-row', { hasText: '网管绩效考核表' })
    await row.waitFor()
    expect(await text(row)).toContain(origin === 'builtin' ? '内置' : '自定义')
    expect(await text(row)).toContain('第 1 版')
    await app.screenshot(page, 'templates-library')
  })

  it('shows a template like the seed table, with its rule summaries and source notes', async () => {
    const row = page.locator('tr.ant-table-row', { hasText: '网管绩效考核表' })
    await row.getByRole('link', { name: '网管绩效考核表' }).click()
    await page.getByRole('heading', { name: '网管绩效考核表', level: 1 }).waitFor()
    await page.getByRole('cell', { name: '网络调试' }).first().waitFor()
    await page.getByText('每次扣 2 分；扣完为止').first().waitFor()
    await page.getByText('网络推广绩效KPI考核表合集').waitFor()
    await app.screenshot(page, 'templates-view')
  })

  it('scores a typed-in sample in the live preview of the editor', async () => {
    await page
      .getByRole('button', { name: '编 辑' })
      .or(page.getByRole('button', { name: '编辑' }))
      .click()
    await page.getByRole('heading', { name: '编辑：网管绩效考核表', level: 1 }).waitFor()
    expect(await text(page.getByTestId('editor-version'))).toBe('第 1 版')

    // 3 incidents at −2 each: 30 − 6 = 24 (R8, 扣完为止)
    await page.getByLabel('网络调试 次数').fill('3')
    const points = page.getByTestId('preview-points-network_debugging')
    await expect.poll(() => text(points), { timeout: 15_000 }).toBe('24 / 30 分')
    await page.getByTestId('preview-explanation-network_debugging').getByText('每次扣 2 分').waitFor()
  })

  it('previews the pay the score gives under a chosen pay scheme, to the fen', async () => {
    const pay = page.getByTestId('pay-preview')
    const option = page.locator('.ant-select-item-option', { hasText: '绩效基数 × 绩效分值' })
    // the scheme list arrives with the first preview; open the box until the option is there
    await expect
      .poll(
        async () => {
          if (!(await option.isVisible())) await pay.getByLabel('薪酬方案').click()
          return option.isVisible()
        },
        { timeout: 20_000 },
      )
      .toBe(true)
    await option.click()
    // the first preview may re-render the box as the click lands; choose again until the box shows the scheme
    const chosen = pay
      .locator('.ant-select-content, .ant-select-selection-item', { hasText: '绩效基数' })
      .first()
    await expect
      .poll(
        async () => {
          if (await chosen.isVisible()) return true
          if (!(await option.isVisible())) await pay.getByLabel('薪酬方案').click()
          if (await option.isVisible()) await option.click()
          return chosen.isVisible()
        },
        { timeout: 20_000 },
      )
      .toBe(true)
    // 1000 × total ÷ 100, to the fen
    const total = Number((await text(page.getByTestId('preview-total'))).replace(/,/g, ''))
    await expect
      .poll(() => text(pay.getByTestId('pay-total')), { timeout: 15_000 })
      .toBe((Math.round(total * 1000) / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ','))
    await pay.getByText('计算方法').waitFor()
  })

  it('follows a rule change in the draft before it is saved', async () => {
    const panel = page.locator('.ant-collapse-item', { has: page.getByTestId('indicator-network_debugging') })
    await panel.locator('.ant-collapse-header').click()
    const perOccurrence = panel.getByLabel('每次扣分')
    await perOccurrence.waitFor()
    await perOccurrence.fill('5')
    // 3 incidents at −5 each: 30 − 15 = 15
    const points = page.getByTestId('preview-points-network_debugging')
    await expect.poll(() => text(points), { timeout: 15_000 }).toBe('15 / 30 分')
    await page.getByText('有未保存的修改').waitFor()
    await app.screenshot(page, 'templates-editor')
  })

  it('shows a problem next to the field it names and in the summary, as you type', async () => {
    const panel = page.locator('.ant-collapse-item', { has: page.getByTestId('indicator-network_debugging') })
    const points = panel.getByLabel('分值', { exact: true })
    await points.fill('40')
    // the indicators now add up to 110 against the dimension's 100
    const summary = page.getByTestId('validation-summary')
    await expect.poll(() => text(summary), { timeout: 15_000 }).toContain('1 个问题')
    await page.getByRole('alert').filter({ hasText: '100' }).first().waitFor()
    await points.fill('30')
    await expect.poll(() => text(summary), { timeout: 15_000 }).toContain('检查通过')
  })

  it('saves the edit as version 2 and keeps the preview', async () => {
    await page.getByLabel('修改说明').fill('网络调试每次扣 5 分')
    await page.getByRole('button', { name: '保存为新版本' }).click()
    await page.getByText('已保存为第 2 版').waitFor()
    await expect.poll(() => text(page.getByTestId('editor-version')), { timeout: 15_000 }).toBe('第 2 版')
    await expect
      .poll(() => text(page.getByTestId('preview-points-network_debugging')), { timeout: 15_000 })
      .toBe('15 / 30 分')
  })

  it('copies the template under a new code and archives the copy', async () => {
    await page.getByRole('link', { name: '返回模板' }).click()
    await page.getByRole('heading', { name: '网管绩效考核表', level: 1 }).waitFor()
    await page
      .getByRole('button', { name: '复 制' })
      .or(page.getByRole('button', { name: '复制' }))
      .click()
    const dialog = page.getByRole('dialog', { name: '复制模板' })
    // a code already in use is refused beside the field
    await dialog.getByLabel('新模板编码').fill('seed-002-t11-network-admin')
    await dialog.getByLabel('新模板名称').fill('网管考核（试行）')
    await dialog.getByRole('button', { name: '复制并编辑' }).click()
    await dialog.getByText('这个编码已被其他模板使用').waitFor()
    await dialog.getByLabel('新模板编码').fill('e2e-network-admin')
    await dialog.getByLabel('新模板名称').fill('网管考核（试行）')
    await dialog.getByRole('button', { name: '复制并编辑' }).click()
    await page.getByRole('heading', { name: '编辑：网管考核（试行）', level: 1 }).waitFor()

    await page.goto('/templates')
    // the library holds the whole built-in set, so find the copy by name
    await page.getByLabel('搜索名称、编码或岗位').fill('网管考核')
    const row = page.locator('tr.ant-table-row', { hasText: '网管考核（试行）' })
    await row.waitFor()
    expect(await text(row)).toContain('自定义')
    await row
      .getByRole('button', { name: '归档' })
      .or(row.getByRole('button', { name: '归 档' }))
      .click()
    await confirmPopup(page, /确\s?定|OK/)
    await page.getByText('已归档').first().waitFor()
    // archived templates leave the default (active) list
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0)
  })

  it('creates a new template from scratch, checked as it is written', async () => {
    await page.getByRole('button', { name: '新建模板' }).click()
    await page.getByRole('heading', { name: '新建模板', level: 1 }).waitFor()
    await page.getByLabel('模板编码').fill('e2e-new-template')
    await page.getByLabel('模板名称').fill('客服质检（试行）')
    await page.getByRole('button', { name: '添加指标' }).click()
    const panel = page.locator('.ant-collapse-item', { has: page.getByTestId('indicator-indicator_1') })
    await panel.locator('.ant-collapse-header').click()
    await panel.getByLabel('指标名称').fill('服务质量')
    await panel.getByLabel('分值', { exact: true }).fill('100')
    const summary = page.getByTestId('validation-summary')
    await expect.poll(() => text(summary), { timeout: 15_000 }).toContain('检查通过')
    await page.getByRole('button', { name: '创建模板' }).click()
    await page.getByRole('heading', { name: '编辑：客服质检（试行）', level: 1 }).waitFor()
    expect(await text(page.getByTestId('editor-version'))).toBe('第 1 版')

    // unsaved changes are not lost to a stray click on the way out
    await page.getByLabel('模板名称').fill('客服质检（草稿）')
    await page.getByRole('link', { name: '返回模板' }).click()
    const confirm = page.getByRole('dialog').filter({ hasText: '放弃未保存的修改？' })
    await confirm.waitFor()
    await confirm.getByRole('button', { name: '继续编辑' }).click()
    await page.getByRole('heading', { name: '编辑：客服质检（试行）', level: 1 }).waitFor()
    expect(await page.getByLabel('模板名称').inputValue()).toBe('客服质检（草稿）')
    expect(app.pageErrors).toEqual([])
  })
})
