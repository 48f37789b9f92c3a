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
import { chooseOption } from './support/choose-option.ts'
import { confirmPopup } from './support/confirm-popup.ts'
import { signIn } from './support/sign-in.ts'
import { type StartedApp, startApp } from './support/start-app.ts'

// The whole appraisal procedure with separate browser sessions: HR opens a cycle for 小冰's department on the
// cycles page; 小冰 (employee) and 李娜 (her supervisor) work the sheet through targets, self review and
// supervisor review; HR computes on the board, calibrates with a reason and a grade quota; feedback and
// signature; 小冰 appeals; HR takes the appeal up and rules it partly upheld with a changed score on the
// appeal page; the sheet is final with the new total, the old totals in its history and every change in the
// audit view. Every step is taken on the pages: 考核周期 and 申诉处理 for HR, 我的考核 and 我的团队 for the others.

let app: StartedApp
let hr: Page
let employee: Page
let supervisor: Page

// Last month: a whole month that has ended, so its stage deadlines have passed and the board lists overdue steps.
const periodStart = dayjs().subtract(1, 'month').startOf('month').format('YYYY-MM-DD')
const periodEnd = dayjs().subtract(1, 'month').endOf('month').format('YYYY-MM-DD')
const cycleName = `${dayjs(periodStart).format('YYYY年M月')} 客服部考核`

type Sheet = {
  id: number
  version: number
  state: string
  total: number | null
  scoreHistory: { total: number }[]
}

/** A GET through a signed-in page's session, as its pages read the API. */
async function getJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path)
  expect(res.status(), path).toBe(200)
  return (await res.json()) as T
}

let sheetId = 0
let appealPath = ''

beforeAll(async () => {
  app = await startApp()
  hr = await app.newPage({ viewport: { width: 1440, height: 1000 } })
  employee = await app.newPage()
  supervisor = await app.newPage()
})

afterAll(async () => {
  await app?.close()
})

// a step with two people's pages and many requests outlasts the default minute on a shared, busy machine
describe('appraisal journey: HR, employee and supervisor', { timeout: 180_000 }, () => {
  it('HR opens a monthly cycle for 客服部 and follows the job to the end', async () => {
    await hr.goto('/cycles')
    await hr.waitForURL('**/login')
    await signIn(hr, 'hr')
    // back to the page first asked for
    await hr.waitForURL('**/cycles')
    await hr.getByRole('heading', { name: '考核周期', level: 1 }).waitFor()
    // 4 客服专员 in 客服部; the job reports 4 of 4 done
    await openCycle(hr, { name: cycleName, periodStart, periodEnd, department: '客服部', sheets: 4 })
    const stages = hr.getByTestId('stage-progress')
    await stages.getByText('制定目标').waitFor()
    expect(await stages.locator('.ant-tag').first().textContent()).toBe('4')
  })

  it('the employee and the supervisor agree targets on their pages, review, and the supervisor submits', async () => {
    await employee.goto('/my-appraisal')
    await employee.waitForURL('**/login')
    await signIn(employee, 'xiaobing')
    await employee.waitForURL('**/my-appraisal')
    sheetId = await confirmTargetsAsEmployee(employee, cycleName)

    await supervisor.goto('/team')
    await supervisor.waitForURL('**/login')
    await signIn(supervisor, 'dianzhang')
    await supervisor.waitForURL('**/team')
    await confirmTargetsAsSupervisor(supervisor, sheetId, '小冰')

    await submitSelfReview(employee, {
      resolutionRate: '95',
      serviceScore: '24',
      comment: '本月无投诉，主动回访差评客户',
    })
    // the imported shop data is missing in the demo, so 李娜 enters the two figures with a reason
    await submitSupervisorReview(supervisor, {
      resolutionRate: '95',
      serviceScore: '20',
      comment: '抽查 5 单：1 单回复超时',
    })
  })

  it('HR computes the cycle on the board and sees the progress by stage and department', async () => {
    await computeOnBoard(hr)
    const department = hr.locator('tr', { hasText: '客服部' }).first()
    await department.getByText('已计算 1').waitFor()
    // the other three never confirmed their targets: their overdue steps are listed
    await hr.getByRole('heading', { name: cycleName, level: 1 }).waitFor()
    await app.screenshot(hr, 'cycle-board')
  })

  it('HR sets a 20% 优秀 quota, sees the violation and calibrates the total with a reason', async () => {
    await hr.getByRole('button', { name: '绩效校准' }).click()
    await hr.getByRole('heading', { name: `绩效校准：${cycleName}`, level: 1 }).waitFor()
    const row = hr.locator('tr', { hasText: '小冰' })
    await row.getByRole('cell', { name: '96', exact: true }).waitFor()
    await hr.getByRole('button', { name: '添加比例限制' }).click()
    await buttonNamed(hr, '保存').click()
    // one 优秀 among one computed sheet is above ⌊1 × 20%⌋ = 0
    const violations = hr.getByTestId('quota-violations')
    await violations.getByText('全公司「优秀」1 人，超过上限 20%（1 人中最多 0 人）').waitFor()
    await row.getByRole('button', { name: '调整 小冰 的总分' }).click()
    const dialog = hr.getByRole('dialog')
    await dialog.getByLabel('调整后总分').fill('95')
    await buttonNamed(dialog, '保存').click()
    await dialog.getByText('请写明调整理由').waitFor()
    await dialog.getByLabel('调整理由').fill('部门强制分布校准')
    await buttonNamed(dialog, '保存').click()
    await row.getByRole('cell', { name: '95', exact: true }).waitFor()
    await row.getByText('已校准').waitFor()
    await hr.locator('[role="img"] svg').first().waitFor()
    await app.screenshot(hr, 'calibration')
  })

  it('the supervisor holds feedback, the employee signs and files an appeal on their pages', async () => {
    await recordFeedback(supervisor, { notes: '沟通了服务质量的改进点', improvement: '每周复盘一次差评' })
    await signSheet(employee, '小冰')
    const form = employee.getByTestId('appeal-form')
    await form.getByLabel('申诉理由').fill('月中一条差评已被平台撤销，抽查中的服务质量扣分依据不成立')
    await form.getByLabel('期望的处理结果').fill('服务质量按 24 分计')
    // a multiple select keeps its dropdown open over the form; chooseOption closes it as a person would
    await chooseOption(employee, form.getByLabel('有异议的指标'), '服务质量')
    await form.getByRole('button', { name: '提交申诉' }).click()
    await confirmPopup(employee, '提交申诉')
    await employee.getByTestId('sheet-header').getByText('已申诉').waitFor()
  })

  it('HR takes the appeal up and rules it partly upheld with a changed score', async () => {
    await hr.goto('/appeals')
    await hr.getByRole('heading', { name: '申诉处理', level: 1 }).waitFor()
    const row = hr.locator('tr.ant-table-row', { hasText: cycleName })
    await row.getByText('待受理').waitFor()
    await row.getByRole('link', { name: '小冰' }).click()
    await hr.getByRole('heading', { name: /小冰 的申诉/, level: 1 }).waitFor()
    appealPath = new URL(hr.url()).pathname
    await hr
      .getByTestId('appeal-reasons')
      .getByText(/差评已被平台撤销/)
      .waitFor()
    await hr.getByRole('cell', { name: '服务质量' }).first().waitFor()
    await hr.getByRole('button', { name: '受理申诉' }).click()
    await hr.getByText('调查中').first().waitFor()
    await hr.getByLabel('添加调查记录').fill('已联系店长核实，平台撤销通知属实')
    await hr.getByRole('button', { name: '添加调查记录' }).click()
    await hr.getByText('已联系店长核实，平台撤销通知属实').waitFor()
    await hr.getByLabel('服务质量 新值').fill('24')
    await hr.getByLabel('裁决说明').fill('差评已撤销，服务质量按 24 分计')
    await hr.getByRole('button', { name: '提交裁决' }).click()
    const ruling = hr.getByTestId('appeal-ruling')
    await ruling.getByText(/^部分支持/).waitFor()
    // 0.75 × 24 + 0.25 × 24 = 24 for 服务质量; the three data indicators stay at full marks: 99
    expect(await hr.getByTestId('current-total').textContent()).toBe('99')
    const history = hr.getByTestId('score-history')
    await history.getByRole('cell', { name: '96', exact: true }).waitFor()
    await history.getByRole('cell', { name: '95', exact: true }).waitFor()
    await hr.getByText('已归档').first().waitFor()
    await hr.evaluate(() => window.scrollTo(0, 0))
    await app.screenshot(hr, 'appeal-detail')
  })

  it('the sheet is final for the employee with the ruled total', async () => {
    const s = await getJson<Sheet & { appeals: { ruling: string }[] }>(employee, `/api/sheets/${sheetId}`)
    expect(s.state).toBe('final')
    expect(s.total).toBe(99)
    expect(s.appeals[0]!.ruling).toBe('partly_upheld')
    expect(s.scoreHistory.map((h) => h.total)).toEqual([96, 95])
  })

  it('the audit view lists every change of the sheet and the chain verifies', async () => {
    await hr.goto('/audit')
    await hr.getByRole('heading', { name: '审计日志', level: 1 }).waitFor()
    await chooseOption(hr, hr.getByLabel('对象类型'), '考核表')
    await hr.getByLabel('对象编号').fill(String(sheetId))
    const table = hr.locator('.ant-table-tbody')
    // Each change reads as a sentence; the action codes stay behind 展开原始记录.
    await table.getByText(/裁定了 .+ 的申诉/).waitFor()
    for (const step of [
      /校准了 .+ 的结果/,
      /签字确认了 .+ 的考核结果/,
      /对 .+ 的考核结果提出了申诉/,
      /开始调查 .+ 的申诉/,
    ]) {
      await table.getByText(step).first().waitFor()
    }
    expect(await table.textContent()).not.toContain('sheet.rule_appeal')
    const ruled = hr.locator('tr.ant-table-row', { hasText: /裁定了 .+ 的申诉/ })
    expect(await ruled.textContent()).toContain('部分支持：差评已撤销，服务质量按 24 分计')
    await ruled.getByTestId('audit-change').getByText('99').waitFor()
    await hr.getByRole('button', { name: '校验哈希链' }).click()
    await hr
      .getByTestId('audit-verify-result')
      .getByText(/^哈希链完整/)
      .waitFor()
    await app.screenshot(hr, 'audit')
  })

  it('the admin keeps the working calendar and reopens the final sheet with a reason', async () => {
    const admin = await app.newPage({ viewport: { width: 1440, height: 1000 } })
    await signIn(admin, 'admin')
    await admin.goto('/settings/calendar')
    await admin.getByRole('heading', { name: '工作日历', level: 1 }).waitFor()
    // the State Council's National Day ships as the default
    await admin
      .locator('tr', { hasText: `${dayjs().year()}-10-01` })
      .getByText('国务院安排')
      .waitFor()
    const day = `${dayjs().year()}-12-24`
    await admin.getByLabel('日期', { exact: true }).click()
    await admin.getByLabel('日期', { exact: true }).fill(day)
    await admin.getByLabel('日期', { exact: true }).press('Enter')
    await admin.getByLabel('名称', { exact: true }).fill('公司年会')
    await admin.getByLabel('原因', { exact: true }).fill('年会放假一天')
    await buttonNamed(admin, '保存').click()
    const row = admin.locator('tr', { hasText: day })
    await row.getByText('公司年会').waitFor()
    await row.getByText('公司设置').waitFor()
    await buttonNamed(row, '删除').click()
    await confirmPopup(admin, /确\s?定|OK/)
    await row.waitFor({ state: 'detached' })

    await admin.goto(appealPath)
    await admin.getByRole('heading', { name: /小冰 的申诉/, level: 1 }).waitFor()
    await admin.getByRole('button', { name: '重新打开' }).click()
    const dialog = admin.getByRole('dialog')
    await dialog.getByLabel('重新打开的原因').fill('财务发现提成口径有误，需更正')
    await dialog.getByRole('button', { name: '重新打开' }).click()
    await admin.getByText('考核表已重新打开').waitFor()
    const s = await getJson<Sheet>(employee, `/api/sheets/${sheetId}`)
    expect(s.state).toBe('computed')
    expect(s.total).toBe(99)
    expect(app.pageErrors).toEqual([])
  })
})
