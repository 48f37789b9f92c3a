import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn } from './support/sign-in.ts'
import { type StartedApp, startApp } from './support/start-app.ts'

// Results in the browser, on the demo company's finished cycles (2026-09 and 2026-10, every sheet final):
// HR's dashboard draws its charts, 小冰 reads her own dashboard and prints her appraisal form (A4, the three
// signature lines with the electronic confirmations), and finance opens the pay sheet with its rules.

let app: StartedApp

beforeAll(async () => {
  app = await startApp()
})

afterAll(async () => {
  await app?.close()
})

/** How many charts have drawn, and whether each SVG holds painted paths (not just an empty frame). */
async function drawnCharts(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.jixiao-chart')].map((chart) => {
      const svg = chart.querySelector('svg')
      const box = chart.getBoundingClientRect()
      return {
        ready: chart.getAttribute('data-chart-ready') === 'true',
        width: box.width,
        paths: svg ? svg.querySelectorAll('path').length : 0,
        label: chart.getAttribute('aria-label') ?? '',
      }
    }),
  )
}

describe('dashboards, print view and pay sheet', () => {
  it('draws the HR dashboard: grades, histogram, stages, trend and departments', async () => {
    const page = await app.newPage({ viewport: { width: 1440, height: 1000 } })
    await page.goto('/dashboards')
    await page.waitForURL('**/login')
    await signIn(page, 'hr')
    await page.waitForURL('**/dashboards/hr')
    await page.getByTestId('hr-dashboard').waitFor()
    await page.waitForFunction(
      () => document.querySelectorAll('.jixiao-chart[data-chart-ready="true"]').length >= 5,
    )
    const charts = await drawnCharts(page)
    expect(charts.map((c) => c.label)).toEqual([
      '等级分布',
      '得分分布（每 10 分一段）',
      '流程进度（各阶段考核表数）',
      '公司平均分走势',
      '各部门等级分布',
    ])
    for (const chart of charts) {
      expect(chart.width).toBeGreaterThan(200)
      // Axes, bars and lines are SVG paths: an empty chart has only a handful.
      expect(chart.paths, chart.label).toBeGreaterThan(5)
    }
    // The latest finished cycle is shown, with every sheet final.
    expect(await page.getByRole('combobox', { name: '考核周期' }).count()).toBe(1)
    await page.getByText('已归档').first().waitFor()
    await app.screenshot(page, 'dashboard-hr')
    expect(app.pageErrors).toEqual([])
  })

  it('shows 李娜 (店长) her team: radar, completion against targets, members and the alert line', async () => {
    const page = await app.newPage({ viewport: { width: 1440, height: 1000 } })
    await page.goto('/dashboards')
    await page.waitForURL('**/login')
    await signIn(page, 'dianzhang')
    await page.waitForURL('**/dashboards/team')
    await page.getByTestId('team-dashboard').waitFor()
    await page.waitForFunction(
      () => document.querySelectorAll('.jixiao-chart[data-chart-ready="true"]').length >= 3,
    )
    const charts = await drawnCharts(page)
    expect(charts.map((c) => c.label)).toEqual([
      '得分率（维度或指标，团队平均）',
      '指标完成率（实际 ÷ 目标）',
      '成员总分',
    ])
    for (const chart of charts) expect(chart.paths, chart.label).toBeGreaterThan(3)
    // 孙悦 scores below 60 in the demo: she is listed under the alert line, the head of the store is not.
    const below = page.locator('.ant-card', { hasText: '低于预警线（60 分）' })
    await below.getByRole('cell', { name: '孙悦' }).waitFor()
    expect(await below.getByRole('cell', { name: '李娜' }).count()).toBe(0)
    await app.screenshot(page, 'dashboard-team')
    expect(app.pageErrors).toEqual([])
  })

  it('shows 小冰 her trend, dimensions against the team and each indicator, then prints her form', async () => {
    const page = await app.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto('/dashboards')
    await page.waitForURL('**/login')
    await signIn(page, 'xiaobing')
    await page.waitForURL('**/dashboards/me')
    await page.getByTestId('my-dashboard').waitFor()
    await page.waitForFunction(
      () => document.querySelectorAll('.jixiao-chart[data-chart-ready="true"]').length >= 2,
    )
    const charts = await drawnCharts(page)
    expect(charts.map((c) => c.label)).toEqual(['我的总分走势', '得分率（维度或指标）：我与团队中位数'])
    for (const chart of charts) expect(chart.paths, chart.label).toBeGreaterThan(3)
    // Her indicators: the 客服 template's four, each with points.
    await page.getByRole('cell', { name: '问题解决率' }).waitFor()
    await app.screenshot(page, 'dashboard-employee')

    await page.getByRole('button', { name: '打印考核表' }).click()
    await page.waitForURL(/\/sheets\/\d+\/print$/)
    const form = page.getByTestId('print-sheet')
    await form.waitFor()
    // Laid out like the seed tables: the column heads, the indicators, the total and the grade legend.
    for (const head of [
      '考核维度',
      '考核指标',
      '权重（分值）',
      '考核标准',
      '考核人',
      '数据来源',
      '实际值',
      '得分',
    ])
      await form.getByRole('columnheader', { name: head, exact: true }).waitFor()
    await form.getByRole('cell', { name: '问题解决率' }).waitFor()
    expect(await form.getByTestId('print-total').textContent()).toMatch(/^\d+(\.\d+)?$/)
    await form.getByText('等级说明').waitFor()
    // Three signature lines; the employee's and the assessor's carry their electronic confirmation.
    const lines = form.getByTestId('signature-line')
    expect(await lines.count()).toBe(3)
    const texts = await lines.allTextContents()
    expect(texts[0]).toContain('被考核人签字')
    expect(texts[0]).toContain('已电子确认：小冰')
    expect(texts[1]).toContain('考核人签字')
    expect(texts[1]).toMatch(/已电子确认：\S+/)
    expect(texts[2]).toContain('复核人签字')

    // On paper: an A4 page rule, Chinese fonts, no app chrome and no toolbar.
    await page.emulateMedia({ media: 'print' })
    const print = await page.evaluate(() => {
      const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules])
      const pageRule = rules.find((r) => r instanceof CSSPageRule) as CSSPageRule | undefined
      const toolbar = document.querySelector('.jixiao-print-toolbar')
      const article = document.querySelector('.jixiao-print-page')
      return {
        size: pageRule?.style.getPropertyValue('size'),
        toolbarShown: toolbar ? getComputedStyle(toolbar).display !== 'none' : false,
        menus: document.querySelectorAll('.ant-layout-sider, .ant-layout-header, nav').length,
        font: article ? getComputedStyle(article).fontFamily : '',
      }
    })
    expect(print.size?.toLowerCase()).toBe('a4')
    expect(print.toolbarShown).toBe(false)
    expect(print.menus).toBe(0)
    expect(print.font).toContain('Noto Sans CJK SC')
    await app.screenshot(page, 'print-view')
    const pdf = await page.pdf({ format: 'A4' })
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF')
    await page.emulateMedia({ media: 'screen' })
    expect(app.pageErrors).toEqual([])
  })

  it('shows finance the pay sheet with the rule behind each line and the export buttons', async () => {
    const page = await app.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto('/results')
    await page.waitForURL('**/login')
    await signIn(page, 'finance')
    await page.waitForURL('**/results/pay**')
    const sheet = page.getByTestId('pay-sheet')
    await sheet.waitFor()
    const rows = sheet.locator('tr.ant-table-row')
    await rows.first().waitFor()
    expect(await rows.count()).toBeGreaterThan(3)
    // Open 小冰's pay (客服工资制度): every pay line names its rule.
    await sheet
      .locator('tr.ant-table-row', { hasText: '小冰' })
      .getByRole('button', { name: /展开|Expand/ })
      .click()
    await sheet.getByRole('columnheader', { name: '计算依据' }).waitFor()
    await page.getByRole('link', { name: /导出 Excel/ }).waitFor()
    const href = await page.getByRole('link', { name: /导出 Excel/ }).getAttribute('href')
    expect(href).toMatch(/^\/api\/cycles\/\d+\/exports\/pay\?format=xlsx$/)
    const download = await page.request.get(href!)
    expect(download.status()).toBe(200)
    expect((await download.body()).subarray(0, 2).toString()).toBe('PK')
    await app.screenshot(page, 'pay-sheet')
    expect(app.pageErrors).toEqual([])
  })

  it('lists the consequences for HR and records an improvement plan from the list', async () => {
    const page = await app.newPage({ viewport: { width: 1440, height: 1000 } })
    await page.goto('/results/consequences?year=2026')
    await page.waitForURL('**/login')
    await signIn(page, 'hr')
    await page.waitForURL('**/results/consequences**')
    const lists = page.getByTestId('consequences')
    await lists.waitFor()
    // 孙悦 is below 65 in September and October: two in a row → dismissal review (seed 000).
    const dismissal = lists.locator('.ant-card', { hasText: '辞退评审' })
    await dismissal.getByRole('cell', { name: '孙悦' }).waitFor()
    const improvement = lists.locator('.ant-card', { hasText: '需改进' })
    const row = improvement.locator('tr.ant-table-row', { hasText: '孙悦' }).first()
    await row.getByRole('button', { name: '制定计划' }).click()
    const dialog = page.getByRole('dialog', { name: /为 孙悦 制定计划/ })
    await dialog.getByLabel('目标').fill('下月问题解决率达到 95%，每周与店长复盘一次')
    await dialog.getByLabel('负责人').click()
    await page.locator('.ant-select-item-option', { hasText: '李娜' }).click()
    await dialog.getByRole('button', { name: /保\s?存/ }).click()
    await dialog.waitFor({ state: 'hidden' })
    await row.getByText('已有计划').waitFor()
    const plans = lists.locator('.ant-card', { hasText: '改进 / 培训计划' })
    await plans.getByRole('cell', { name: '下月问题解决率达到 95%，每周与店长复盘一次' }).waitFor()
    await app.screenshot(page, 'consequences')
    expect(app.pageErrors).toEqual([])
  })

  it('allocates a bonus pool over the October results with grade weights', async () => {
    const page = await app.newPage({ viewport: { width: 1440, height: 1000 } })
    await page.goto('/results/bonuses')
    await page.waitForURL('**/login')
    await signIn(page, 'hr')
    await page.waitForURL('**/results/bonuses**')
    await page.getByRole('button', { name: '分配奖金池' }).click()
    const dialog = page.getByRole('dialog', { name: '分配奖金池' })
    await dialog.getByLabel('名称').fill('2026年10月 团队奖金')
    await dialog.getByLabel('奖金池金额').fill('10000')
    await dialog.getByLabel('按等级权重').check()
    // The cycle picker starts on the latest cycle with results (October).
    await dialog.getByText('2026年10月绩效考核').waitFor()
    await dialog.getByRole('button', { name: /保\s?存/ }).click()
    await dialog.waitFor({ state: 'hidden' })
    const pool = page.getByTestId('bonus-pool')
    await pool.waitFor()
    // Every yuan of the pool is allocated (the shares are rounded to the fen and sum to the pool).
    await pool.getByText('¥10,000.00').first().waitFor()
    expect(await pool.locator('.ant-statistic-content').allTextContents()).toEqual(
      expect.arrayContaining(['¥10,000.00', '¥10,000.00']),
    )
    expect(await pool.locator('tr.ant-table-row').count()).toBeGreaterThan(3)
    await app.screenshot(page, 'bonus-pool')
    expect(app.pageErrors).toEqual([])
  })
})
