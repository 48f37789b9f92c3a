import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  computeCycle,
  fileAppeal,
  openCycle,
  type RealApi,
  reviewServiceSheets,
  startRealApi,
} from '../../../../test-support/real-api.ts'
import { fireEvent, page, waitFor } from '../../../test-support/register-dom.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

// HR's appeal queue (申诉处理) against the real API on the demo company: in an August 2026 cycle 小冰 and 小焦
// both appeal on 2 September; HR (杨丽) takes up 小焦's with 5 working days to investigate, due 9 September,
// which has long passed, so the queue flags it overdue; 小冰's waits to be taken up.

let api: RealApi
const appealIds = new Map<string, number>()

beforeAll(async () => {
  api = await startRealApi({ now: new Date('2026-09-01T02:00:00Z') })
  const cycleId = await openCycle(api, {
    name: '2026年8月 客服考核',
    periodStart: '2026-08-01',
    periodEnd: '2026-08-31',
    positions: ['客服专员'],
    settings: { appealWindowDays: 3 },
  })
  const people = [
    { name: '小冰', username: 'xiaobing', selfScore: 24, supervisorScore: 22, goodReviews: 0.98 },
    { name: '小焦', username: 'xiaojiao', selfScore: 24, supervisorScore: 21, goodReviews: 0.98 },
  ]
  const sheetIds = await reviewServiceSheets(api, cycleId, people)
  await computeCycle(api, cycleId)
  api.setNow(new Date('2026-09-02T02:00:00Z'))
  for (const p of people)
    appealIds.set(
      p.name,
      await fileAppeal(
        api,
        sheetIds.get(p.name)!,
        { employee: p.username, reviewer: 'dianzhang' },
        { date: '2026-09-02', reasons: `${p.name}：服务质量评分偏低`, disputed: ['service_quality'] },
      ),
    )
  const taken = await (await api.as('hr')).post(`/api/appeals/${appealIds.get('小焦')}/take-up`, {
    investigationDays: 5,
  })
  expect(taken.status).toBe(200)
  await api.signIn('hr')
})
afterAll(async () => {
  await api.close()
})

const cells = (row: HTMLElement) =>
  [...row.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, ' ').trim())
const rowOf = async (name: string) => (await page.findByRole('link', { name })).closest<HTMLElement>('tr')!

describe('AppealQueuePage', () => {
  it('lists the appeals with status, handler and the overdue investigation deadline', async () => {
    await renderApp('/appeals', api)
    await page.findByRole('heading', { name: '申诉处理' })
    const jiao = cells(await rowOf('小焦'))
    expect(jiao.slice(0, 4)).toEqual(['小焦', '2026年8月 客服考核', '调查中', '杨丽'])
    expect(jiao[4]).toMatch(/^2026-09-02 \d\d:\d\d$/)
    expect(jiao[5]).toBe('2026-09-09 已逾期')
    const bing = cells(await rowOf('小冰'))
    expect(bing.slice(0, 4)).toEqual(['小冰', '2026年8月 客服考核', '待受理', '—'])
    expect(bing[5]).toBe('—')
  })

  it('filters by status and opens an appeal', async () => {
    await renderApp('/appeals', api)
    await rowOf('小冰')
    fireEvent.click(page.getByText('调查中', { selector: '.ant-segmented-item-label' }))
    await waitFor(() => expect(page.queryByRole('link', { name: '小冰' })).toBeNull())
    await page.findByRole('link', { name: '小焦' })
    expect(page.queryByRole('link', { name: '小冰' })).toBeNull()
    fireEvent.click(page.getByText('待受理', { selector: '.ant-segmented-item-label' }))
    fireEvent.click(await page.findByRole('link', { name: '小冰' }))
    await page.findByRole('heading', { name: `小冰 的申诉（#${appealIds.get('小冰')}）` })
    expect(await page.findAllByText('小冰：服务质量评分偏低')).not.toHaveLength(0)
  })
})
