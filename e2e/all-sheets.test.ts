import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chooseOption } from './support/choose-option.ts'
import { signIn } from './support/sign-in.ts'
import { type StartedApp, startApp } from './support/start-app.ts'

// 全部考核表 in the browser (issue 17 part 1), on the demo company's finished October cycle: HR opens the list
// from the cycle board, narrows it to one department and one stage (the server filters, the address keeps the
// filters), and opens a sheet from its row.

let app: StartedApp

beforeAll(async () => {
  app = await startApp()
})

afterAll(async () => {
  await app?.close()
})

describe('all sheets of a cycle', () => {
  it('lets HR open the list from the cycle board, filter by department and stage, and open a sheet', async () => {
    const page = await app.newPage({ viewport: { width: 1440, height: 1000 } })
    await page.goto('/cycles')
    await page.waitForURL('**/login')
    await signIn(page, 'hr')
    await page.goto('/cycles')
    await page.getByRole('link', { name: '2026年10月绩效考核' }).click()
    await page.waitForURL(/\/cycles\/\d+$/)
    await page.getByRole('button', { name: '查看全部考核表' }).click()
    await page.waitForURL(/\/sheets\?cycle=\d+/)
    await page.getByRole('heading', { name: '全部考核表' }).waitFor()
    const rows = page.locator('.ant-table-tbody tr.ant-table-row')
    await rows.first().waitFor()
    const everyone = await rows.count()

    await chooseOption(page, page.getByRole('combobox', { name: '部门' }), '客服部')
    await page.waitForURL(/departmentId=\d+/)
    await chooseOption(page, page.getByRole('combobox', { name: '阶段' }), '已归档')
    await page.waitForURL(/state=final/)
    // The table shows only what the server answered for both filters.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('.ant-table-tbody tr.ant-table-row')].every((row) =>
          row.textContent?.includes('客服部'),
        ) && document.querySelector('.ant-spin-spinning') === null,
    )
    const filtered = await rows.count()
    expect(filtered).toBeGreaterThan(0)
    expect(filtered).toBeLessThan(everyone)
    for (const text of await rows.allInnerTexts()) {
      expect(text).toContain('客服部')
      expect(text).toContain('已归档')
    }

    await app.screenshot(page, 'all-sheets')
    const first = rows.first().locator('a[data-testid^="all-sheets-open-"]')
    const name = ((await first.textContent()) ?? '').trim()
    await first.click()
    await page.waitForURL(/\/team\/\d+$/)
    await page.getByText(name).first().waitFor()
    await app.screenshot(page, 'all-sheets-opened-sheet')
    expect(app.pageErrors).toEqual([])
  })
})
