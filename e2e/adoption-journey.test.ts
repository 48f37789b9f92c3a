import dayjs from 'dayjs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  computeOnBoard,
  confirmTargetsAsEmployee,
  confirmTargetsAsSupervisor,
  openCycle,
  recordFeedback,
  signSheet,
  submitSelfReview,
  submitSupervisorReview,
} from './support/appraisal-steps.ts'
import { buttonNamed } from './support/button-named.ts'
import { confirmPopup } from './support/confirm-popup.ts'
import { signIn } from './support/sign-in.ts'
import { type StartedApp, startApp } from './support/start-app.ts'

// A real company adopts Jixiao from an empty database, in the browser: the admin sets the company up on the
// setup page, imports a roster of 30 people with their managers (花名册), gives everyone a login with a
// one-time activation link; an employee activates the account on a phone and, with the supervisor, works the
// first monthly sheet through targets, self review, supervisor review, computation, feedback and signature;
// when the appeal window has passed the sheet is final and finance approves the cycle's pay sheet.

let app: StartedApp
let admin: Page
let employee: Page
let supervisor: Page
let finance: Page

// The server's clock, moved forward by the test once the appeal window should have passed.
let clockOffsetMs = 0
const serverNow = () => new Date(Date.now() + clockOffsetMs)

const adminPassword = 'Jingxuan-Admin-2026'
const personalPassword = 'Qiuyue-Hangzhou-88'
const periodStart = dayjs().subtract(1, 'month').startOf('month').format('YYYY-MM-DD')
const periodEnd = dayjs().subtract(1, 'month').endOf('month').format('YYYY-MM-DD')
const cycleName = `${dayjs(periodStart).format('YYYY年M月')} 售后组考核`

const header = '工号,姓名,部门,上级部门,岗位,直接上级工号,入职日期,离职日期,手机,邮箱'
/** 30 people: the general manager, HR, finance, a shop manager with 8 operators, a customer-service lead with 16 agents, and one agent in 售后组. */
function rosterCsv(): string {
  const rows: string[] = [
    'E001,周明远,总经办,,总经理,,2019-03-01,,13800000001,zhou@example.cn',
    'E002,钱晓雯,人力资源部,,人事专员,E001,2020-05-11,,13800000002,',
    'E003,孙立群,财务部,,财务,E001,2020-06-01,,13800000003,',
    'E004,李娜,运营部,,店长,E001,2021-02-15,,13800000004,',
  ]
  for (let i = 5; i <= 12; i++) rows.push(`E${pad(i)},运营${i}号,运营部,,运营专员,E004,2022-03-01,,,`)
  rows.push('E013,赵敏,客服部,,客服主管,E004,2021-07-01,,13800000013,')
  for (let i = 14; i <= 29; i++) rows.push(`E${pad(i)},客服${i}号,客服部,,客服专员,E013,2023-04-01,,,`)
  rows.push('E030,张秋月,售后组,客服部,客服专员,E013,2024-09-02,,13800000030,qiuyue@example.cn')
  return `${[header, ...rows].join('\n')}\n`
}
const pad = (n: number) => String(n).padStart(3, '0')

/** A write through a signed-in page's session, as its pages send them (CSRF token from /api/auth/me). */
async function postJson(page: Page, path: string, body?: unknown) {
  const me = await page.request.get('/api/auth/me')
  expect(me.status()).toBe(200)
  const { csrfToken } = (await me.json()) as { csrfToken: string }
  return page.request.post(path, {
    headers: { 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    data: body ?? {},
  })
}

/** Sets the password on an activation page and waits until the person is signed in. */
async function activate(page: Page, activationPath: string) {
  await page.goto(activationPath)
  await page.getByText(/为您开通了账号/).waitFor()
  await page.getByLabel('新密码', { exact: true }).fill(personalPassword)
  await page.getByLabel('再次输入新密码').fill(personalPassword)
  await page.getByRole('button', { name: '设置密码并登录' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/activate'))
}

const links = new Map<string, string>()
let sheetId = 0

beforeAll(async () => {
  app = await startApp({ demo: false, now: serverNow })
  admin = await app.newPage({ viewport: { width: 1440, height: 1000 } })
  supervisor = await app.newPage()
  finance = await app.newPage()
  employee = await app.newPage({ viewport: { width: 390, height: 844 } })
})

afterAll(async () => {
  await app?.close()
})

// a step with two people's pages and many requests outlasts the default minute on a shared, busy machine
describe('adoption: from an empty database to the first approved pay sheet', { timeout: 180_000 }, () => {
  it('the admin sets the company up on the setup page', async () => {
    await admin.goto('/')
    await admin.waitForURL('**/setup')
    await admin.getByLabel('公司名称').fill('杭州鲸选电商有限公司')
    await admin.getByLabel('企业代码').fill('hz-jingxuan')
    await admin.getByLabel('管理员账号').fill('boss')
    await admin.getByLabel('密码', { exact: true }).fill(adminPassword)
    await admin.getByLabel('确认密码').fill(adminPassword)
    await admin.getByRole('button', { name: '创建公司并登录' }).click()
    await admin.waitForURL((url) => url.pathname === '/')
    // the setup page is gone for good
    expect((await admin.request.get('/api/setup')).status()).toBe(200)
    expect(await (await admin.request.get('/api/setup')).json()).toEqual({ needed: false })
  })

  it('imports a roster of 30 people with managers, creating the departments and positions', async () => {
    await admin.goto('/organisation')
    await admin.getByRole('button', { name: '花名册 导入/导出' }).click()
    const drawer = admin.getByRole('dialog')
    await drawer.getByText('自动创建缺少的部门和岗位').click()
    await drawer.locator('input[type=file]').setInputFiles({
      name: '花名册.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(rosterCsv()),
    })
    await drawer.getByRole('button', { name: '确认导入' }).click()
    await admin.getByText('已导入：新增 30 人，变更 0 人').waitFor()
    const employees = await admin.request.get('/api/employees?pageSize=100')
    expect(employees.status()).toBe(200)
  })

  it('gives everyone a login with a one-time activation link, and makes 孙立群 finance', async () => {
    await admin.goto('/settings/accounts')
    await admin.getByRole('heading', { name: '账号管理', level: 1 }).waitFor()
    await admin.getByRole('checkbox', { name: '无账号' }).click()
    const selectPage = () => admin.locator('.ant-table-thead .ant-checkbox-input').check()
    await admin.getByRole('cell', { name: 'E001', exact: true }).waitFor()
    await selectPage()
    // a second page, if the table pages at fewer than 30 rows
    if ((await admin.locator('.ant-pagination-item-2').count()) > 0) {
      await admin.locator('.ant-pagination-item-2').click()
      await admin.getByRole('cell', { name: 'E030', exact: true }).waitFor()
      await selectPage()
    }
    await admin.getByRole('button', { name: '开通账号（30）' }).click()
    const modal = admin.getByRole('dialog')
    await modal.getByText('激活链接（本人设置密码）').click()
    await buttonNamed(modal, '开通').click()
    const result = admin.getByRole('dialog', { name: '开通结果' })
    await result.getByText('激活链接和初始密码只显示这一次', { exact: false }).waitFor()
    for (const no of ['E003', 'E013', 'E030']) {
      const row = result.locator('tr', { hasText: no })
      const link = (await row.getByText(/\/activate\?token=/).textContent())!.trim()
      links.set(no, new URL(link).pathname + new URL(link).search)
    }
    await buttonNamed(result, '完成').click()

    await admin.getByRole('checkbox', { name: '无账号' }).click()
    const row = admin.locator('tr', { hasText: 'E003' })
    await buttonNamed(row, '角色').click()
    await admin.getByRole('menuitem', { name: '财务' }).click()
    await admin.getByText('角色已修改').waitFor()
  })

  it('the employee activates her account on a phone; her supervisor and finance do so too', async () => {
    await activate(employee, links.get('E030')!)
    await activate(supervisor, links.get('E013')!)
    await activate(finance, links.get('E003')!)
    const me = (await (await employee.request.get('/api/auth/me')).json()) as {
      user: { username: string; role: string }
    }
    expect(me.user).toMatchObject({ username: 'e030', role: 'employee' })
  })

  it('the admin opens the first monthly cycle for 售后组', async () => {
    await admin.goto('/cycles')
    await openCycle(admin, { name: cycleName, periodStart, periodEnd, department: '售后组', sheets: 1 })
  })

  it('employee and supervisor agree targets, review, and the supervisor submits', async () => {
    sheetId = await confirmTargetsAsEmployee(employee, cycleName)
    await confirmTargetsAsSupervisor(supervisor, sheetId, '张秋月')
    await submitSelfReview(employee, {
      resolutionRate: '95',
      serviceScore: '24',
      comment: '本月售后工单全部按时处理',
    })
    // no shop data has been imported yet, so the supervisor enters the two figures with a reason
    await submitSupervisorReview(supervisor, {
      resolutionRate: '95',
      serviceScore: '22',
      comment: '抽查 5 单，回复及时',
    })
  })

  it('the admin computes, the supervisor records feedback and the employee signs on her phone', async () => {
    await computeOnBoard(admin)
    await recordFeedback(supervisor, { notes: '肯定了售后工单的及时处理', improvement: '学习退换货新规' })
    await signSheet(employee, '张秋月')
  })

  it('after the appeal window the sheet is final and finance approves the pay sheet', async () => {
    // Ten days later: the appeal window (three working days) has passed without an appeal.
    clockOffsetMs = 10 * 24 * 60 * 60 * 1000
    await admin.goto('/cycles')
    await admin.waitForURL('**/login')
    await signIn(admin, 'boss', adminPassword)
    const swept = await postJson(admin, '/api/cycles/sweep')
    expect(swept.status()).toBe(200)
    expect(((await swept.json()) as { finalized: number[] }).finalized).toContain(sheetId)

    // The shop figures behind the agent's pay were never imported: the pay sheet shows them as missing (not ¥0)
    // and holds approval, so the admin enters them with a reason.
    await admin.goto('/results/pay')
    await admin.getByText(cycleName).first().waitFor()
    await admin.getByRole('button', { name: '录入数据' }).first().click()
    const inputs = admin.getByRole('dialog', { name: /的薪酬数据/ })
    for (const field of await inputs.getByRole('spinbutton').all()) await field.fill('86000')
    await inputs.getByLabel('原因').fill('生意参谋导出：本月个人销售额')
    await inputs.getByRole('button', { name: /保\s?存/ }).click()
    await admin.getByText('数据已保存').waitFor()
    await expect.poll(() => admin.getByRole('button', { name: '录入数据' }).count()).toBe(0)

    await finance.goto('/results')
    await finance.waitForURL('**/login')
    await signIn(finance, 'e003', personalPassword)
    await finance.goto('/results')
    await finance.getByText(cycleName).first().waitFor()
    await finance.getByRole('button', { name: '审批工资表' }).click()
    await confirmPopup(finance, '审批工资表')
    await finance.getByText('工资表已审批').waitFor()
    await app.screenshot(finance, 'adoption-pay-sheet-approved')
    expect(app.pageErrors).toEqual([])
  })
})
