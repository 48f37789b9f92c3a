import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chooseMenuItem } from './support/choose-menu-item.ts'
import { chooseOption } from './support/choose-option.ts'
import { demoPassword, signIn } from './support/sign-in.ts'
import { type StartedApp, startApp } from './support/start-app.ts'

// The organisation journey: sign in, browse the demo company's people and job descriptions, switch language.

let app: StartedApp

beforeAll(async () => {
  app = await startApp()
})

afterAll(async () => {
  await app?.close()
})

const employeeRows = (page: Page) =>
  page.getByRole('region', { name: '员工列表' }).locator('tbody tr.ant-table-row')

async function employeeNames(page: Page): Promise<string[]> {
  const names = await employeeRows(page).locator('td:nth-child(2)').allTextContents()
  return names.map((name) => name.trim())
}

describe('organisation page (desktop)', () => {
  let page: Page

  beforeAll(async () => {
    page = await app.newPage()
  })

  it('sends a visitor to the login page and shows a clear error for a wrong password', async () => {
    await page.goto('/organisation')
    await page.waitForURL('**/login')
    await page.getByRole('heading', { name: '登录' }).waitFor()
    await app.screenshot(page, 'login')

    await page.getByLabel('用户名').fill('admin')
    await page.getByLabel('密码').fill('wrong-password')
    await page.getByRole('button', { name: /登\s?录/ }).click()
    const alert = page.getByRole('alert').filter({ hasText: '用户名或密码错误' })
    await alert.waitFor()
    expect(page.url()).toContain('/login')
  })

  it('signs in as admin and comes back to the page first asked for', async () => {
    await signIn(page, 'admin', demoPassword)
    await page.waitForURL('**/organisation')
    await page.getByRole('heading', { name: '组织架构', level: 1 }).waitFor()
    // the header names the user and shows the role
    const banner = page.getByRole('banner')
    await banner.locator('.ant-tag').filter({ hasText: '系统管理员' }).waitFor()
    expect(await banner.textContent()).toContain('系统管理员')
  })

  it('lists the demo employees with 小冰 and 小焦, paged on the server', async () => {
    await page.getByRole('cell', { name: '小冰', exact: true }).waitFor()
    await page.getByRole('cell', { name: '小焦', exact: true }).waitFor()
    const names = await employeeNames(page)
    expect(names.length).toBeGreaterThanOrEqual(10)
    expect(names.length).toBeLessThanOrEqual(20)
    await page.getByText(/共 \d+ 人/).waitFor()
    const total = Number(((await page.getByText(/共 \d+ 人/).textContent()) ?? '').match(/\d+/)?.[0])
    expect(total).toBeGreaterThanOrEqual(20)
    await page.getByRole('tree', { name: '部门树' }).getByText('客服部').waitFor()
    await app.screenshot(page, 'organisation')
  })

  it('searches by name and by employee number', async () => {
    const box = page.getByRole('searchbox', { name: '搜索姓名或工号' }).or(page.getByLabel('搜索姓名或工号'))
    await box.fill('小焦')
    await box.press('Enter')
    await expect.poll(() => employeeNames(page)).toEqual(['小焦'])
    expect(new URL(page.url()).searchParams.get('q')).toBe('小焦')

    await box.fill('JX004')
    await box.press('Enter')
    await expect.poll(() => employeeNames(page)).toEqual(['小冰'])

    await page.getByRole('button', { name: '重置' }).click()
    await expect.poll(async () => (await employeeNames(page)).length).toBeGreaterThan(2)
  })

  it('filters by department from the tree', async () => {
    await page.getByRole('tree', { name: '部门树' }).getByText('客服部', { exact: true }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('departmentId')).not.toBeNull()
    await page.getByRole('cell', { name: '小冰', exact: true }).waitFor()
    await expect
      .poll(async () => {
        const departments = await page
          .getByRole('region', { name: '员工列表' })
          .locator('tbody tr.ant-table-row td:nth-child(3)')
          .allTextContents()
        return departments.length > 0 && departments.every((d) => d.trim() === '客服部')
      })
      .toBe(true)
    await page.getByRole('tree', { name: '部门树' }).getByText('全部部门').click()
  })

  it('shows the job description (岗位说明书) of 客服专员 with its duties and pay system', async () => {
    await page.getByRole('tab', { name: '岗位' }).click()
    await page.getByRole('button', { name: '查看客服专员的岗位说明书' }).click()
    const drawer = page.getByRole('dialog', { name: '岗位说明书：客服专员' })
    await drawer.waitFor()
    await drawer.getByText('客户服务', { exact: true }).waitFor()
    await drawer.getByText('回答顾客的咨询和疑问').waitFor()
    await drawer.getByText(/500（底薪）× 绩效系数/).waitFor()
    await drawer.getByText('店长', { exact: true }).first().waitFor()
    await app.screenshot(page, 'job-description')
    await drawer.getByRole('button', { name: '关闭' }).click()
    await drawer.waitFor({ state: 'hidden' })
    await page.getByRole('tab', { name: '员工' }).click()
  })

  it('switches to English, keeps the choice after a reload, and signs out', async () => {
    await chooseMenuItem(page, page.getByRole('button', { name: /^语言/ }), 'English')
    const nav = page.getByRole('navigation', { name: 'Main navigation' })
    await nav.getByRole('menuitem', { name: 'Organisation' }).waitFor()
    await nav.getByRole('menuitem', { name: /\bHome$/ }).waitFor()
    await page.getByRole('heading', { name: 'Organisation', level: 1 }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')

    await page.reload()
    await page.getByRole('tab', { name: 'Employees' }).waitFor()
    await page.getByRole('cell', { name: '小冰', exact: true }).waitFor()

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL('**/login')
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    // the session is really gone: the organisation page sends us back to sign in
    await page.goto('/organisation')
    await page.waitForURL('**/login')
  })

  it('raised no uncaught errors in the page', () => {
    expect(app.pageErrors).toEqual([])
  })
})

describe('editing the organisation (admin)', () => {
  let page: Page

  beforeAll(async () => {
    page = await app.newPage()
    await signIn(page, 'admin', demoPassword)
    await page.goto('/organisation')
    await page.getByRole('cell', { name: '小冰', exact: true }).waitFor()
  })

  it('creates a department under the one chosen in the tree', async () => {
    const tree = page.getByRole('tree', { name: '部门树' })
    await tree.getByText('电商部', { exact: true }).click()
    await page.getByRole('button', { name: /新建部门/ }).click()
    const drawer = page.getByRole('dialog', { name: '新建部门' })
    await drawer.getByLabel('部门名称').fill('直播部')
    await drawer.getByRole('button', { name: /保\s*存/ }).click()
    await drawer.waitFor({ state: 'hidden' })
    await tree.getByText('直播部', { exact: true }).waitFor()
    await tree.getByText('全部部门').click()
  })

  it('creates a position with a job description duty', async () => {
    await page.getByRole('tab', { name: '岗位' }).click()
    await page.getByRole('button', { name: /新建岗位/ }).click()
    const drawer = page.getByRole('dialog', { name: '新建岗位' })
    await drawer.getByLabel('岗位名称').fill('直播场控')
    await drawer.getByLabel(/^岗位概述/).fill('负责直播间的节奏、上下架与弹幕互动')
    await drawer.getByRole('button', { name: /添加职责/ }).click()
    await drawer.getByLabel('职责名称').fill('直播控场')
    await drawer.getByLabel(/^工作内容/).fill('按排期开播\n讲解商品卖点')
    await drawer.getByRole('button', { name: /保\s*存/ }).click()
    await drawer.waitFor({ state: 'hidden' })
    // the list is paged by 20 and the demo has more positions: find the new one on the last page (once the
    // list has been fetched again with it, which may add a page)
    const view = page.getByRole('button', { name: '查看直播场控的岗位说明书' })
    await expect
      .poll(
        async () => {
          await page.getByRole('region', { name: '岗位列表' }).locator('.ant-pagination-item').last().click()
          return view.isVisible()
        },
        { timeout: 30_000 },
      )
      .toBe(true)
    await view.click()
    const jd = page.getByRole('dialog', { name: '岗位说明书：直播场控' })
    await jd.getByText('讲解商品卖点').waitFor()
    await jd.getByRole('button', { name: '关闭' }).click()
    await jd.waitFor({ state: 'hidden' })
    await page.getByRole('tab', { name: '员工' }).click()
  })

  it('adds an employee with a typed hire date, then moves them under another manager', async () => {
    await page.getByRole('button', { name: /新增员工/ }).click()
    const drawer = page.getByRole('dialog', { name: '新增员工' })
    await drawer.getByLabel('工号').fill('E2E001')
    await drawer.getByLabel('姓名').fill('陈主播')
    const hire = drawer.getByLabel('入职日期')
    await hire.click()
    await hire.fill('2026-11-02')
    await hire.press('Enter')
    await drawer.getByLabel(/^手机/).fill('138 0013 8000')
    await drawer.getByRole('button', { name: /保\s*存/ }).click()
    await drawer.waitFor({ state: 'hidden' })

    const box = page.getByRole('searchbox', { name: '搜索姓名或工号' }).or(page.getByLabel('搜索姓名或工号'))
    await box.fill('陈主播')
    await box.press('Enter')
    await expect.poll(() => employeeNames(page)).toEqual(['陈主播'])
    await page.getByRole('cell', { name: '2026-11-02' }).waitFor()

    await page.getByRole('button', { name: '编辑陈主播' }).click()
    const edit = page.getByRole('dialog', { name: '编辑员工：陈主播' })
    await chooseOption(page, edit.getByLabel(/^直接上级/), '李娜')
    await edit.getByRole('button', { name: /保\s*存/ }).click()
    await edit.waitFor({ state: 'hidden' })
    await page
      .getByRole('region', { name: '员工列表' })
      .getByRole('cell', { name: '李娜', exact: true })
      .waitFor()
    expect(app.pageErrors).toEqual([])
  })
})

describe('organisation page (phone width)', () => {
  it('fits a 390 px screen and reaches the menu through the drawer', async () => {
    const page = await app.newPage({ viewport: { width: 390, height: 844 } })
    await signIn(page, 'hr', demoPassword)
    await page.getByRole('button', { name: '打开导航菜单' }).click()
    await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '组织架构' }).click()
    await page.waitForURL('**/organisation')
    await page.getByRole('cell', { name: '小冰', exact: true }).waitFor()
    // the page itself never scrolls sideways; only the table does, inside its own box
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await app.screenshot(page, 'organisation-phone')
    expect(app.pageErrors).toEqual([])
  })

  // many steps on a shared, busy machine: allow them longer than one page's test
  it('creates, renames, moves and retires a department on a phone, and edits an employee there', {
    timeout: 240_000,
  }, async () => {
    const page = await app.newPage({ viewport: { width: 390, height: 844 } })
    await signIn(page, 'hr', demoPassword)
    await page.goto('/organisation')
    await page.getByRole('tab', { name: '部门' }).click()
    const list = page.getByRole('region', { name: '部门列表' })
    await list.getByRole('listitem', { name: '客服部' }).waitFor()

    await page.getByRole('button', { name: /新建部门/ }).click()
    const create = page.getByRole('dialog', { name: '新建部门' })
    await create.getByLabel('部门名称').fill('短视频部')
    await create.getByRole('button', { name: /保\s*存/ }).click()
    await create.waitFor({ state: 'hidden' })
    await list.getByRole('listitem', { name: '短视频部' }).waitFor()

    await list.getByRole('button', { name: '编辑部门短视频部' }).click()
    const edit = page.getByRole('dialog', { name: '编辑部门：短视频部' })
    await edit.getByLabel('部门名称').fill('短视频运营部')
    await edit.getByRole('button', { name: /保\s*存/ }).click()
    await edit.waitFor({ state: 'hidden' })

    await list.getByRole('button', { name: '移动部门短视频运营部' }).click()
    const move = page.getByRole('dialog', { name: '移动部门：短视频运营部' })
    await move.getByLabel('上级部门').click()
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: /^电商部$/ }).click()
    await app.screenshot(page, 'organisation-phone-move-department')
    await move.getByRole('button', { name: /保\s*存/ }).click()
    await move.waitFor({ state: 'hidden' })
    const moved = list.getByRole('listitem', { name: '短视频运营部' })
    await moved.getByText('上级：电商部').waitFor()
    // the drawers take the whole width and the list never pushes the page sideways
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0)
    await page.evaluate(() => window.scrollTo(0, 0))
    await app.screenshot(page, 'organisation-phone-departments')

    await moved.getByRole('button', { name: '撤销短视频运营部' }).click()
    await page
      .getByRole('dialog', { name: /撤销“短视频运营部”/ })
      .getByRole('button', { name: /撤\s*销/ })
      .click()
    await moved.getByText('已撤销').waitFor()

    // 成员 shows the department's people on the employees tab, where each row can be edited
    await list.getByRole('button', { name: '查看客服部的成员' }).click()
    await page.getByRole('cell', { name: '小冰', exact: true }).waitFor()
    await page.getByRole('button', { name: '编辑小冰' }).click()
    const employee = page.getByRole('dialog', { name: '编辑员工：小冰' })
    await employee.getByLabel(/^邮箱/).fill('xiaobing@phone.example')
    await employee.getByRole('button', { name: /保\s*存/ }).click()
    await employee.waitFor({ state: 'hidden' })
    expect(app.pageErrors).toEqual([])
  })
})
