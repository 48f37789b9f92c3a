import { writeFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chooseOption } from './support/choose-option.ts'
import { signIn } from './support/sign-in.ts'
import { repoRoot, type StartedApp, startApp } from './support/start-app.ts'

// The shop-data journey (数据导入): HR drops a 千牛 客服绩效 export into the wizard, sees the detected report type
// and the first rows as they will be stored, validates, imports with a progress bar, finds it in the history,
// credits the agent nickname to 小冰 on the attribution page, reads 小冰's 询单转化率 in the metrics explorer and
// undoes the import. A file with a formula cell is refused with the row, column and value, and nothing is imported.

const agentsFile = path.join(
  repoRoot,
  'test-fixtures/ingest/synthetic-自制报表-报表查看-客服绩效_20111101_20111130_全部.xlsx',
)

let app: StartedApp
let page: Page

beforeAll(async () => {
  app = await startApp()
  page = await app.newPage({ viewport: { width: 1440, height: 900 } })
  await page.goto('/login')
  await signIn(page, 'hr')
})

afterAll(async () => {
  await app?.close()
})

async function completedImports(): Promise<number> {
  const res = await page.request.get('/api/imports?status=completed')
  return ((await res.json()) as { items: unknown[] }).items.length
}

describe('shop data import (hr)', () => {
  it('imports a 千牛 客服绩效 export through the wizard with preview, validation and progress', async () => {
    await page.goto('/imports')
    await page.getByRole('heading', { name: '数据导入', level: 1 }).waitFor()
    await page.locator('input[type=file]').setInputFiles(agentsFile)

    // detected report type, mapping and the preview without the summary and peer rows
    await page.getByText('列映射（千牛 客服绩效（按客服））').waitFor()
    const preview = page.getByRole('table').filter({ hasText: '店铺:小美' }).first()
    await preview.waitFor()
    expect(await preview.textContent()).toContain('店铺:阿强')
    expect(await preview.textContent()).not.toContain('同行同层')

    await page
      .getByRole('button', { name: '校 验' })
      .or(page.getByRole('button', { name: '校验' }))
      .click()
    await page.getByText('校验通过：3 行可以导入').waitFor()
    await app.screenshot(page, 'import-wizard')

    await page
      .getByRole('button', { name: '导 入' })
      .or(page.getByRole('button', { name: '导入', exact: true }))
      .click()
    await page.getByText('导入完成：3 行').waitFor()
    const bar = page.getByRole('progressbar', { name: '导入进度' })
    expect(await bar.getAttribute('aria-valuenow')).toBe('100')
    expect(await completedImports()).toBe(1)
  })

  it('shows the import in the history', async () => {
    await page.getByRole('tab', { name: '导入历史' }).click()
    const row = page.locator('tr.ant-table-row', { hasText: '客服绩效_20111101_20111130' })
    await row.waitFor()
    const text = (await row.textContent()) ?? ''
    expect(text).toContain('已导入')
    expect(text).toContain('2011-11-01')
    expect(text).toContain('qianniu-cs-agent')
    await app.screenshot(page, 'import-history')
  })

  it('credits the agent nickname to 小冰 and shows her 询单转化率 in the metrics explorer', async () => {
    await page.getByRole('tab', { name: '归属映射' }).click()
    const row = page.locator('tr.ant-table-row', { hasText: '店铺:小美' })
    await row.waitFor()
    await app.screenshot(page, 'import-attribution')
    await row.getByRole('combobox').click()
    await page.keyboard.type('小冰')
    await page.locator('.ant-select-item-option', { hasText: '小冰' }).first().click()
    await row
      .getByRole('button', { name: '保 存' })
      .or(row.getByRole('button', { name: '保存' }))
      .click()
    await page.getByText('已保存 店铺:小美 的归属').waitFor()

    await page.goto('/metrics?metric=inquiry_conversion_rate&by=employee&period=2011-11&count=3')
    await page.getByRole('heading', { name: '指标浏览', level: 1 }).waitFor()
    const value = page.locator('tr.ant-table-row', { hasText: '小冰' })
    await value.waitFor()
    expect(await value.textContent()).toContain('45.00%')
    await page.getByRole('img', { name: '最近 3 期趋势' }).waitFor()
    await app.screenshot(page, 'metrics-explorer')
    // the same figure for the quarter: switching the period type keeps the day and widens the period
    await page.getByText('季', { exact: true }).click()
    await page.waitForURL(/period=2011-Q4/)
    await page.locator('tr.ant-table-row', { hasText: '小冰' }).filter({ hasText: '45.00%' }).waitFor()
  })

  it('undoes the import after a confirmation', async () => {
    await page.goto('/imports/history')
    const row = page.locator('tr.ant-table-row', { hasText: '客服绩效_20111101_20111130' })
    await row
      .getByRole('button', { name: '撤 销' })
      .or(row.getByRole('button', { name: '撤销' }))
      .click()
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: '撤 销' })
      .or(page.locator('.ant-popconfirm').getByRole('button', { name: '撤销' }))
      .click()
    await row.getByText('已撤销').waitFor()
    expect(await completedImports()).toBe(0)
    await page.goto('/metrics?metric=inquiry_conversion_rate&by=employee&period=2011-11&count=3')
    await page.getByText('该期间没有导入的数据').first().waitFor()
  })

  it('maps the columns of a file no preset knows, saves the mapping and validates with it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jixiao-e2e-import-'))
    const own = path.join(dir, 'my-shop-traffic.csv')
    writeFileSync(own, '营业日,进店人数\n2011-12-01,10\n2011-12-02,12\n')
    await page.goto('/imports')
    await page.locator('input[type=file]').setInputFiles(own)
    await page.getByText('无法识别报表类型：表头与任何预设都不匹配').waitFor()
    const pick = (field: string, option: string) =>
      chooseOption(page, page.getByRole('combobox', { name: field, exact: true }), option)
    await pick('数据类型', '店铺流量与经营')
    await pick('日期', '营业日')
    await pick('访客数', '进店人数')
    await page.getByRole('button', { name: '保存映射并重新识别' }).click()
    await page.getByText('列映射（自定义映射 mapping:my-shop-traffic）').waitFor()
    await page.getByLabel('店铺', { exact: true }).fill('旗舰店')
    await page
      .getByRole('button', { name: '校 验' })
      .or(page.getByRole('button', { name: '校验' }))
      .click()
    await page.getByText('校验通过：2 行可以导入').waitFor()
  })

  it('refuses a file with a formula cell, naming row, column and value, and imports nothing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jixiao-e2e-import-'))
    const bad = path.join(dir, 'orders-2011-11.csv')
    writeFileSync(
      bad,
      'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n' +
        "1,A,=cmd|' /C calc'!A0,1,2011-11-03 10:00,1.00,1,UK\n",
    )
    await page.goto('/imports')
    await page.locator('input[type=file]').setInputFiles(bad)
    await page.getByText('列映射（UCI 在线零售订单）').waitFor()
    await page
      .getByRole('button', { name: '校 验' })
      .or(page.getByRole('button', { name: '校验' }))
      .click()
    await page.getByText('发现 1 个问题，未导入任何数据').waitFor()
    const problem = page.locator('tr.ant-table-row', { hasText: 'Description' }).first()
    const text = (await problem.textContent()) ?? ''
    expect(text).toContain('Description')
    expect(text).toContain("=cmd|' /C calc'!A0")
    expect(text).toContain('formula')
    expect(await completedImports()).toBe(0)
    expect(app.pageErrors).toEqual([])
  })
})
