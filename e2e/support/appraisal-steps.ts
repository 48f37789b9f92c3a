import type { Page } from 'playwright-core'
import { buttonNamed } from './button-named.ts'
import { confirmPopup } from './confirm-popup.ts'

// The steps of one appraisal sheet that every journey takes on the pages, for a 客服专员 (customer service)
// sheet: open the cycle, agree targets, self review, supervisor review, compute, feedback, signature. Each step
// starts from a signed-in page and returns once the page shows that the step is done.

/** 考核周期: opens a cycle for one department from the cycles page and lands on its board. */
export async function openCycle(
  page: Page,
  cycle: { name: string; periodStart: string; periodEnd: string; department: string; sheets: number },
): Promise<void> {
  await page.getByRole('heading', { name: '考核周期', level: 1 }).waitFor()
  await page.getByRole('button', { name: '发起考核' }).click()
  const drawer = page.getByRole('dialog')
  await drawer.getByLabel('周期名称').fill(cycle.name)
  await drawer.getByPlaceholder('开始日期').click()
  await drawer.getByPlaceholder('开始日期').fill(cycle.periodStart)
  await drawer.getByPlaceholder('结束日期').click()
  await drawer.getByPlaceholder('结束日期').fill(cycle.periodEnd)
  await drawer.getByPlaceholder('结束日期').press('Enter')
  await drawer.getByLabel('部门').click()
  await page
    .locator('.ant-select-tree-node-content-wrapper', { hasText: new RegExp(`^${cycle.department}$`) })
    .click()
  await drawer.getByLabel('周期名称').click()
  await drawer.getByRole('button', { name: '开始创建考核表' }).click()
  // the job reports every sheet of the department done
  await drawer
    .getByTestId('job-progress')
    .getByText(`已完成 · ${cycle.sheets} / ${cycle.sheets}`)
    .waitFor({ timeout: 30_000 })
  await drawer.getByRole('button', { name: '查看周期看板' }).click()
  await page.getByRole('heading', { name: cycle.name, level: 1 }).waitFor()
}

/** 我的考核: the employee opens the cycle's sheet and confirms its targets; returns the sheet's id. */
export async function confirmTargetsAsEmployee(page: Page, cycleName: string): Promise<number> {
  await goUnlessThere(page, '/my-appraisal')
  const card = page.locator('[data-testid^="my-sheet-"]', { hasText: cycleName })
  await card.waitFor()
  const sheetId = Number((await card.getAttribute('data-testid'))!.replace('my-sheet-', ''))
  await card.click()
  await page.getByTestId('targets-panel').waitFor()
  await page.getByRole('button', { name: '确认目标' }).click()
  await confirmPopup(page, '确认目标')
  await page.getByText(/本人已确认/).waitFor()
  return sheetId
}

/** 我的团队: the supervisor opens the person's sheet and confirms its targets too. */
export async function confirmTargetsAsSupervisor(page: Page, sheetId: number, personName: string) {
  await goUnlessThere(page, '/team')
  await page
    .getByTestId(`team-sheet-${sheetId}`)
    .getByRole('link', { name: new RegExp(personName) })
    .click()
  await page.getByRole('button', { name: '确认目标' }).click()
  await confirmPopup(page, '确认目标')
  await page.getByTestId('sheet-header').getByText('目标已确认').waitFor()
}

export type Review = { resolutionRate: string; serviceScore: string; comment: string }

/** The employee starts work on the open sheet and submits the self review (自评). */
export async function submitSelfReview(page: Page, review: Review) {
  await page.reload()
  await page.getByRole('button', { name: '开始执行' }).click()
  await page.getByTestId('sheet-header').getByText('执行中').waitFor()
  const self = page.getByTestId('review-form-self')
  await fillReview(self, review)
  await self.getByRole('button', { name: /提\s?交/ }).click()
  await confirmPopup(page, /提\s?交/)
  await page.getByTestId('sheet-header').getByText('已提交自评').waitFor()
}

/**
 * The supervisor enters the two shop figures no import has provided (with the reason), then submits their
 * review (上级评分) on the open sheet.
 */
export async function submitSupervisorReview(page: Page, review: Review) {
  await page.reload()
  const data = page.getByTestId('data-panel')
  await data.getByLabel('客户评价 实际值').fill('98')
  await data.getByLabel('投诉处理率 实际值').fill('100')
  await data.getByLabel(/^原因/).fill('生意参谋导出数据')
  await data.getByRole('button', { name: '保存数据' }).click()
  await page.getByText('数据已保存').waitFor()
  const form = page.getByTestId('review-form-supervisor')
  await fillReview(form, review)
  await form.getByRole('button', { name: /提\s?交/ }).click()
  await confirmPopup(page, /提\s?交/)
  await page.getByTestId('sheet-header').getByText('上级已评分').waitFor()
}

async function fillReview(form: ReturnType<Page['getByTestId']>, review: Review) {
  await form.getByLabel('问题解决率 实际值').fill(review.resolutionRate)
  await form.getByLabel('服务质量 评分').fill(review.serviceScore)
  await form.getByLabel('服务质量 评语').fill(review.comment)
}

/** 周期看板: refreshes the board and computes the cycle; returns once one sheet is computed. */
export async function computeOnBoard(page: Page) {
  await buttonNamed(page, '刷新').click()
  await page.getByRole('button', { name: '计算得分' }).click()
  await page
    .getByTestId('job-progress')
    .getByText(/^已完成/)
    .waitFor({ timeout: 30_000 })
  await page.getByText('已计算 1 张考核表').waitFor()
}

/** The supervisor records the feedback talk (绩效面谈) with one improvement on the open sheet. */
export async function recordFeedback(page: Page, feedback: { notes: string; improvement: string }) {
  await page.reload()
  const form = page.getByTestId('feedback-form')
  await form.getByLabel('面谈记录').fill(feedback.notes)
  await form.getByLabel('改进事项 1').fill(feedback.improvement)
  await form.getByRole('button', { name: '记录面谈' }).click()
  await page.getByTestId('feedback-panel').getByText(feedback.improvement).waitFor()
}

/** The employee signs the computed sheet (签字确认). */
export async function signSheet(page: Page, personName: string) {
  await page.reload()
  await page.getByRole('button', { name: '签字确认' }).click()
  await confirmPopup(page, '签字确认')
  await page
    .getByTestId('signature')
    .getByText(new RegExp(`${personName} 于 .* 电子签字确认`))
    .waitFor()
}

/** Opens the page unless the browser is already on it (a journey that has just signed in lands there). */
async function goUnlessThere(page: Page, pathname: string) {
  if (new URL(page.url()).pathname !== pathname) await page.goto(pathname)
}
