import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chooseOption } from './support/choose-option.ts'
import { signIn } from './support/sign-in.ts'
import { type StartedApp, startApp } from './support/start-app.ts'

// The rota journey on the demo company: the store manager 李娜 (dianzhang) reads the coverage report of the seed
// week (the weekend mornings are open), sees 小冰's and 小焦's shifts on the calendar, gives 小冰 a day of leave
// covered by 小焦 and watches the report change, draws and scores a weekly sample; then 小冰 opens her schedule
// on a phone.

let app: StartedApp
let page: Page

const week = { from: '2026-11-23', to: '2026-11-29' }
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()
const cellsOf = async (row: Locator) =>
  (await Promise.all((await row.locator('td').all()).map(text))).join(' | ')
const rowsOf = (table: string) => page.getByRole('table', { name: table }).locator('tr.ant-table-row')

beforeAll(async () => {
  app = await startApp()
  page = await app.newPage({ viewport: { width: 1440, height: 900 } })
})

afterAll(async () => {
  await app?.close()
})

describe('customer-service rota (store manager)', () => {
  it('reports exactly the seed pattern’s uncovered intervals: Saturday and Sunday 09:30–16:30', async () => {
    await page.goto(`/rota/coverage?from=${week.from}&to=${week.to}`)
    await page.waitForURL('**/login')
    await signIn(page, 'dianzhang')
    await page.waitForURL('**/rota/coverage**')
    await page.getByRole('heading', { name: '客服排班', level: 1 }).waitFor()
    await rowsOf('未覆盖时段').first().waitFor()
    const gaps = await Promise.all((await rowsOf('未覆盖时段').all()).map(cellsOf))
    expect(gaps).toEqual([
      '2026-11-28 | 星期六 | 09:30–16:30 | 0 / 1 | —',
      '2026-11-29 | 星期日 | 09:30–16:30 | 0 / 1 | —',
    ])
    expect(await text(page.getByRole('table', { name: '超出上限的客服' }))).toContain('没有人超出上限')
    await app.screenshot(page, 'coverage-report')
  })

  it('shows 小冰’s and 小焦’s shifts on the week calendar', async () => {
    await page.goto(`/rota/calendar?view=week&date=${week.from}`)
    const row = (name: string) => rowsOf('排班日历').filter({ hasText: name })
    await row('小冰').waitFor()
    const cells = async (name: string) =>
      Promise.all((await row(name).locator('td').all()).slice(1).map((cell) => text(cell)))
    // Seed pattern: 小冰 early Mon/Wed/Fri, late Tue/Thu/Sat; 小焦 late Mon/Wed/Fri/Sun, early Tue/Thu.
    expect(await cells('小冰')).toEqual(['早班', '晚班', '早班', '晚班', '早班', '晚班', ''])
    expect(await cells('小焦')).toEqual(['晚班', '早班', '晚班', '早班', '晚班', '', '晚班'])
    await app.screenshot(page, 'rota-calendar')
  })

  it('gives 小冰 Monday’s early shift off, covered by 小焦, and the report flags 小焦’s week', async () => {
    await chooseOption(page, page.locator('#rota-exception_employeeId'), '小冰')
    await chooseOption(page, page.locator('#rota-exception_shiftId'), '早班')
    await chooseOption(page, page.locator('#rota-exception_coverEmployeeId'), '小焦')
    await page.locator('#rota-exception_note').fill('病假')
    await page
      .getByRole('button', { name: '添 加' })
      .or(page.getByRole('button', { name: '添加' }))
      .click()
    await page.getByText('已记录').waitFor()
    const monday = rowsOf('排班日历').filter({ hasText: '小焦' }).locator('td').nth(1)
    await expect.poll(() => text(monday)).toBe('早班 · 顶班晚班')
    expect(await text(rowsOf('排班日历').filter({ hasText: '小冰' }).locator('td').nth(1))).toBe('请假 早班')

    await page.goto(`/rota/coverage?from=${week.from}&to=${week.to}`)
    const limits = page.getByRole('table', { name: '超出上限的客服' }).locator('tr.ant-table-row')
    await limits.first().waitFor()
    // 44 h of her own plus 小冰's 7-hour early shift: 51 h against the 44-hour limit.
    expect(await Promise.all((await limits.all()).map(cellsOf))).toEqual([
      '小焦 | 每周工时 | 2026-11-23 | 2026-11-29 | 51 h | 44 h',
    ])
    // The service hours stay covered as before: still only the weekend mornings.
    expect(await rowsOf('未覆盖时段').count()).toBe(2)
  })

  it('draws a seeded sample of 小冰’s conversations and scores one on the 客服 template', async () => {
    await page.goto(`/rota/sampling?weekOf=${week.from}`)
    await chooseOption(page, page.getByLabel('选择客服'), '小冰')
    const ids = Array.from({ length: 12 }, (_, i) => `TB-2026112${i % 7}-${100 + i}`)
    await page.getByLabel('小冰 本周的会话编号（每行一个）').fill(ids.join('\n'))
    await page.getByLabel('随机种子').fill('dianzhang-2026-W48')
    await page
      .getByRole('button', { name: '抽 取' })
      .or(page.getByRole('button', { name: '抽取' }))
      .click()
    const sample = page.getByRole('table', { name: '小冰 的抽检会话' }).locator('tr.ant-table-row')
    await sample.first().waitFor()
    expect(await sample.count()).toBe(3)
    expect(await text(page.locator('.ant-card', { hasText: '小冰 · 2026-W48' }).first())).toContain(
      '种子 dianzhang-2026-W48 · 候选 12 条',
    )
    await sample.first().getByRole('button').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText('评分项取自模板').waitFor()
    for (const [label, points] of [
      ['问题解决率 (25)', '25'],
      ['服务质量 (25)', '20'],
      ['客户评价 (25)', '25'],
      ['投诉处理率 (25)', '22'],
    ] as const)
      await dialog.getByLabel(label).fill(points)
    await dialog.getByLabel('评语').fill('态度好，回复稍慢')
    await dialog.getByRole('button', { name: '保存评分' }).click()
    await page.getByText('已评分：92 分').waitFor()
    await expect.poll(() => text(sample.first())).toContain('92态度好，回复稍慢')
    const component = page
      .getByRole('group', { name: /主管抽检得分|2026-11/ })
      .or(page.locator('.ant-card', { hasText: '2026-11 主管抽检得分' }))
    await expect.poll(() => text(component.first())).toContain('抽检平均分92')
  })
})

describe('my schedule (agent, phone)', () => {
  it('shows 小冰 her coming shifts and this month’s attendance at 390 px', async () => {
    const phone = await app.newPage({ viewport: { width: 390, height: 844 } })
    await phone.goto('/rota')
    await phone.waitForURL('**/login')
    await signIn(phone, 'xiaobing')
    await phone.waitForURL('**/rota')
    await phone.getByRole('heading', { name: '我的排班' }).waitFor()
    const list = phone.getByRole('list', { name: '接下来的班次' }).or(phone.locator('.ant-list'))
    await list.locator('.ant-list-item').first().waitFor()
    const items = await Promise.all((await list.locator('.ant-list-item').all()).map(text))
    // Two weeks of 小冰's pattern: six shifts a week, early or late, Sunday off.
    expect(items.length).toBeGreaterThanOrEqual(11)
    expect(items.every((i) => /早班 09:30–16:30|晚班 16:30–24:00/.test(i))).toBe(true)
    expect(items.some((i) => i.includes('周日'))).toBe(false)
    // The demo's clock records cover November 2026; a month without imported punches says so, never 旷工.
    const thisMonth = new Date().toISOString().slice(0, 7)
    await phone.getByText(thisMonth === '2026-11' ? '出勤率' : '无考勤数据').waitFor()
    const width = await phone.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(390)
    await app.screenshot(phone, 'my-schedule-phone')
    expect(app.pageErrors).toEqual([])
  })
})
