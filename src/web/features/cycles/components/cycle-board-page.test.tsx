import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  computeCycle,
  openCycle,
  type RealApi,
  reviewServiceSheets,
  startRealApi,
} from '../../../test-support/real-api.ts'
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
})
