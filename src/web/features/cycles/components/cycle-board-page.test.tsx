import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { failUnfinishedJob, insertJob } from '../../../../db/cycle-job-repository.ts'
import {
  computeCycle,
  openCycle,
  type RealApi,
  reviewServiceSheets,
  startRealApi,
} from '../../../../test-support/real-api.ts'
import { fireEvent, page, waitFor, within } from '../../../test-support/register-dom.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

// The HR cycle board (周期看板) against the real API on the demo company, on 2 December 2026: a November cycle of
// the four 客服专员 (李娜 reviews) and the two 发货专员 (高峰 reviews). 小冰's sheet is computed, 小焦's waits
// for computing, the other four never agreed their targets (due 4 November), so they are overdue.

let api: RealApi
let cycleId = 0

beforeAll(async () => {
  api = await startRealApi({ now: new Date('2026-12-02T02:00:00Z') })
  cycleId = await openCycle(api, {
    name: '2026年11月 客服与发货考核',
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    positions: ['客服专员', '发货专员'],
  })
  await reviewServiceSheets(api, cycleId, [
    { name: '小冰', username: 'xiaobing', selfScore: 24, supervisorScore: 22, goodReviews: 0.98 },
  ])
  await computeCycle(api, cycleId)
  await reviewServiceSheets(api, cycleId, [
    { name: '小焦', username: 'xiaojiao', selfScore: 23, supervisorScore: 21, goodReviews: 0.99 },
  ])
  await api.signIn('hr')
})
afterAll(async () => {
  await api.close()
})

const card = async (title: string) =>
  (await page.findByText(title, { selector: '.ant-card-head-title' })).closest<HTMLElement>('.ant-card')!
const cells = (row: HTMLElement) => [...row.querySelectorAll('td')].map((td) => td.textContent?.trim())
const stageCount = (stage: string) => {
  const label = within(page.getByTestId('stage-progress')).getByText(stage)
  return label.parentElement!.querySelector('.ant-tag')!.textContent
}

describe('CycleBoardPage', () => {
  it('shows progress by stage and by department, and who owes each overdue step', async () => {
    const consoleErrors = vi.spyOn(console, 'error')
    await renderApp(`/cycles/${cycleId}`, api)
    await page.findByRole('heading', { name: '2026年11月 客服与发货考核' })
    expect(stageCount('制定目标')).toBe('4')
    expect(stageCount('上级已评分')).toBe('1')
    expect(stageCount('已计算')).toBe('1')

    const departments = within(await card('各部门进度'))
    expect(cells(departments.getByText('客服部').closest('tr')!)).toEqual([
      '客服部',
      '4',
      '制定目标 2上级已评分 1已计算 1',
      '25%',
    ])
    expect(cells(departments.getByText('物流售后部').closest('tr')!)).toEqual([
      '物流售后部',
      '2',
      '制定目标 2',
      '0%',
    ])

    // each of the four owes the targets, and so does their reviewer: eight overdue steps
    const overdue = within(await card('逾期清单'))
    const rows = overdue.getAllByRole('row').slice(1).map(cells)
    expect(rows).toHaveLength(8)
    expect(rows).toContainEqual(['马超', '物流售后部', '确认目标', '直接上级（高峰）', '2026-11-04'])
    expect(rows).toContainEqual(['孙悦', '客服部', '确认目标', '员工本人', '2026-11-04'])
    expect(rows.map((r) => r[0])).not.toContain('小冰')
    expect(rows.map((r) => r[0])).not.toContain('小焦')
    // the employee and the reviewer owe the same step of one sheet: two rows, each with its own key
    expect(consoleErrors.mock.calls.map((c) => String(c[0]))).not.toContainEqual(
      expect.stringContaining('same key'),
    )
    consoleErrors.mockRestore()
  })

  it('computes the cycle from the board and shows the new progress', async () => {
    await renderApp(`/cycles/${cycleId}`, api)
    await page.findByRole('heading', { name: '2026年11月 客服与发货考核' })
    fireEvent.click(page.getByRole('button', { name: /计算得分/ }))
    await page.findByText('已计算 1 张考核表')
    await waitFor(() => expect(stageCount('已计算')).toBe('2'))
    expect(stageCount('上级已评分')).toBe('0')
    const departments = within(await card('各部门进度'))
    await waitFor(() =>
      expect(cells(departments.getByText('客服部').closest('tr')!)).toEqual([
        '客服部',
        '4',
        '制定目标 2已计算 2',
        '50%',
      ]),
    )
  })

  it('says how far computing got after a restart, lists the sheets still to compute, and 重新计算 finishes them', async () => {
    // What a server killed mid-compute leaves once started again: 小焦's batch rolled back (her sheet waits
    // for computing again) and the job failed on start with what it had done.
    const db = api.db
    const companyId = (
      await db.selectFrom('cycles').select('company_id').where('id', '=', cycleId).executeTakeFirstOrThrow()
    ).company_id
    await db
      .updateTable('appraisal_sheets')
      .set({ state: 'supervisor_submitted', score: null, total: null, grade: null, coefficient: null })
      .where('cycle_id', '=', cycleId)
      .where('employee_id', '=', api.employeeIds.get('小焦')!)
      .execute()
    const jobId = await insertJob(db, { companyId, kind: 'cycle.compute', params: { cycleId }, userId: null })
    await failUnfinishedJob(db, jobId, {
      error: '服务器在任务运行中重启，任务已中止；已计算 1 张，请重新计算其余考核表',
      result: { interrupted: { done: 1, total: 2 } },
      now: new Date(),
    })

    await renderApp(`/cycles/${cycleId}`, api)
    const computing = within(await card('计算进度'))
    expect(computing.getByText('已计算 1 / 6')).toBeTruthy()
    expect(
      computing.getByText('服务器在任务运行中重启，任务已中止；已计算 1 张，请重新计算其余考核表'),
    ).toBeTruthy()
    expect(computing.getByText('待计算的考核表（1 张）')).toBeTruthy()
    expect(cells(computing.getByText('小焦').closest('tr')!)).toEqual(['小焦', '客服部', '李娜'])

    fireEvent.click(computing.getByRole('button', { name: /重新计算/ }))
    await page.findByText('已计算 1 张考核表')
    await waitFor(() => expect(computing.getByText('已计算 2 / 6')).toBeTruthy())
    expect(computing.queryByText('待计算的考核表（1 张）')).toBeNull()
    expect(computing.queryByRole('button', { name: /重新计算/ })).toBeNull()
  })
})
