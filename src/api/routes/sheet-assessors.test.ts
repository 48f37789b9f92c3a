import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { demoExtensions } from '../../services/demo/demo-extensions.ts'
import { loadDemoCompany } from '../../services/demo/load-demo-company.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { waitForJob } from '../testing/wait-for-job.ts'

// Indicator assessors (issue 16 part 3): the 电商部负责人 table (002 T9) has 财务部, 总经办 and 人力资源部 score their
// own rows. Opening a cycle hands each row to that department's head, in their queue beside peer reviews; they
// may score only their rows, within each row's scale; a peer's score outside the item's scale is refused.

type Task = {
  id: number
  sheetId: number
  kind: 'peer' | 'assessor'
  employeeName: string
  toScore: { key: string; name: string }[]
}
type ErrorBody = { error: { code: string; message: string; issues?: { path: string; message: string }[] } }

describe.each(await testEngines())('indicator assessors API on %s', (engine) => {
  let handle: TestDatabase
  const users: Record<string, ApiClient> = {}
  let sheetId = 0

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    await loadDemoCompany(handle.db, demoExtensions)
    const app = createApp({ db: handle.db, engine, now: () => new Date('2026-09-01T02:00:00Z') })
    for (const name of ['admin', 'hr', 'finance', 'xiaojiao', 'dianzhang']) {
      users[name] = createApiClient((p, i) => app.request(p, i))
      expect((await users[name]!.login(name)).status).toBe(200)
    }
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('opening a cycle puts the 财务部 rows of the 电商部负责人 sheet in the 财务部 head’s queue', async () => {
    const template = await handle.db
      .selectFrom('templates')
      .select('id')
      .where('code', '=', 'seed-002-t9-ecommerce-head')
      .executeTakeFirstOrThrow()
    const head = await handle.db
      .selectFrom('employees')
      .select('id')
      .where('name', '=', '王海涛')
      .executeTakeFirstOrThrow()
    const opened = await users.admin!.post<{ cycle: { id: number }; jobId: number }>('/api/cycles', {
      name: '2026年9月 电商部负责人考核',
      kind: 'monthly',
      periodStart: '2026-09-01',
      periodEnd: '2026-09-30',
      templateId: template.id,
      participants: { employeeIds: [head.id] },
    })
    expect(opened.status).toBe(202)
    expect((await waitForJob(users.admin!, opened.body.jobId)).status).toBe('succeeded')
    const tasks = await users.finance!.get<{ items: Task[] }>('/api/me/peer-reviews')
    const task = tasks.body.items.find((t) => t.kind === 'assessor')!
    expect(task.employeeName).toBe('王海涛')
    expect(task.toScore.length).toBeGreaterThan(0)
    sheetId = task.sheetId
    // 陈建国 heads 总经办 and owes its rows; 销售部 is not a department here, so its rows stay with the supervisor.
    const owed = await handle.db
      .selectFrom('peer_reviews as p')
      .innerJoin('employees as e', 'e.id', 'p.reviewer_employee_id')
      .select(['e.name', 'p.indicator_keys'])
      .where('p.sheet_id', '=', sheetId)
      .where('p.kind', '=', 'assessor')
      .execute()
    expect(owed.map((o) => o.name).sort()).toEqual(['陈建国', '黄敏'].sort())
    expect(owed.flatMap((o) => o.indicator_keys ?? [])).not.toContain('agency_agreements')
    const none = await users.xiaojiao!.get<{ items: Task[] }>('/api/me/peer-reviews')
    expect(none.body.items.filter((t) => t.kind === 'assessor')).toEqual([])
  })

  it('an assessor scores only their rows, each within its scale', async () => {
    const tasks = await users.finance!.get<{ items: Task[] }>('/api/me/peer-reviews')
    const task = tasks.body.items.find((t) => t.kind === 'assessor' && t.sheetId === sheetId)!
    // 办事处备案 is 销售部's row, not 财务部's.
    const refused = await users.finance!.post<ErrorBody>(`/api/peer-reviews/${task.id}`, {
      indicators: { agency_agreements: { occurrences: 1 } },
    })
    expect(refused.status).toBe(400)
    expect(refused.body.error.message).toContain('您不是指标「完成对申请开网店')
    const row = task.toScore[0]!
    const saved = await users.finance!.post(`/api/peer-reviews/${task.id}`, {
      indicators: { [row.key]: { actual: 120000 } },
    })
    expect(saved.status).toBe(200)
    const view = await users.hr!.get<{ peerReviews: { kind?: string; peerReviewerName?: string }[] }>(
      `/api/sheets/${sheetId}`,
    )
    expect(
      view.body.peerReviews.find((p) => p.kind === 'assessor' && p.peerReviewerName === '黄敏'),
    ).toBeTruthy()
  })

  it('refuses a peer score outside the item’s scale (99 on a 0–25 item), naming the indicator', async () => {
    const position = await handle.db
      .selectFrom('positions')
      .select('id')
      .where('name', '=', '客服专员')
      .executeTakeFirstOrThrow()
    const opened = await users.admin!.post<{ cycle: { id: number }; jobId: number }>('/api/cycles', {
      name: '2026年9月 客服考核',
      kind: 'monthly',
      periodStart: '2026-09-01',
      periodEnd: '2026-09-30',
      participants: { positionIds: [position.id] },
    })
    expect((await waitForJob(users.admin!, opened.body.jobId)).status).toBe('succeeded')
    const target = await handle.db
      .selectFrom('appraisal_sheets as s')
      .innerJoin('employees as e', 'e.id', 's.employee_id')
      .select('s.id')
      .where('s.cycle_id', '=', opened.body.cycle.id)
      .where('e.name', '=', '小冰')
      .executeTakeFirstOrThrow()
    const jiao = await handle.db
      .selectFrom('employees')
      .select('id')
      .where('name', '=', '小焦')
      .executeTakeFirstOrThrow()
    const current = await users.dianzhang!.get<{ version: number }>(`/api/sheets/${target.id}`)
    const assigned = await users.dianzhang!.raw(`/api/sheets/${target.id}/peers`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': users.dianzhang!.csrfToken! },
      body: JSON.stringify({ expectedVersion: current.body.version, reviewerEmployeeIds: [jiao.id] }),
    })
    expect(assigned.status).toBe(200)
    const task = (await users.xiaojiao!.get<{ items: Task[] }>('/api/me/peer-reviews')).body.items.find(
      (t) => t.sheetId === target.id,
    )!
    expect(task.kind).toBe('peer')
    const refused = await users.xiaojiao!.post<ErrorBody>(`/api/peer-reviews/${task.id}`, {
      indicators: { service_quality: { score: 99, comment: '很好' } },
    })
    expect(refused.status).toBe(400)
    expect(refused.body.error.message).toContain('服务质量')
    expect(refused.body.error.message).toContain('0–25')
    const ok = await users.xiaojiao!.post(`/api/peer-reviews/${task.id}`, {
      indicators: { service_quality: { score: 22, comment: '很好' } },
    })
    expect(ok.status).toBe(200)
  })
})
