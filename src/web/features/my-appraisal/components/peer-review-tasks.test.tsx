import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RealApi, startRealApi, waitForJob } from '../../../../test-support/real-api.ts'
import { page, waitFor } from '../../../test-support/register-dom.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

// 我的考核 of 黄敏 (财务部's head) against the real API on the demo company: opening the 电商部负责人 cycle (002 T9)
// hands her the 财务部 rows of 王海涛's sheet, shown beside her peer reviews with the rows named.

let api: RealApi

beforeAll(async () => {
  api = await startRealApi({ now: new Date('2026-09-01T02:00:00Z') })
  const template = await api.db
    .selectFrom('templates')
    .select('id')
    .where('code', '=', 'seed-002-t9-ecommerce-head')
    .executeTakeFirstOrThrow()
  const head = await api.db
    .selectFrom('employees')
    .select('id')
    .where('name', '=', '王海涛')
    .executeTakeFirstOrThrow()
  const opened = await (await api.as('admin')).post<{ jobId: number }>('/api/cycles', {
    name: '2026年9月 电商部负责人考核',
    kind: 'monthly',
    periodStart: '2026-09-01',
    periodEnd: '2026-09-30',
    templateId: template.id,
    participants: { employeeIds: [head.id] },
  })
  await waitForJob(api, opened.body.jobId)
})
afterAll(async () => {
  await api.close()
})

describe('PeerReviewTasks', () => {
  it('shows the assessor her rows of a colleague’s sheet in her queue', async () => {
    await api.signIn('finance')
    await renderApp('/my-appraisal', api)
    const list = await page.findByTestId('peer-review-tasks')
    await waitFor(() => expect(list.textContent).toContain('王海涛'))
    expect(list.textContent).toContain('考核人评分：')
    expect(list.textContent).toContain('2026年9月 电商部负责人考核')
    expect(await page.findByRole('button', { name: '填写互评' })).toBeTruthy()
  })
})
