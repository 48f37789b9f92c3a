import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../api/create-app.ts'
import { type ApiClient, createApiClient } from '../../api/testing/api-client.ts'
import { closeTestDatabase } from '../../api/testing/close-test-database.ts'
import { waitForJob } from '../../api/testing/wait-for-job.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { demoExtensions } from '../demo/demo-extensions.ts'
import { loadDemoCompany } from '../demo/load-demo-company.ts'

// Delegation (委托评分) through the HTTP API on the demo company: 王海涛 (yunying, 运营经理) hands the review of
// 小冰's sheet from 李娜 (dianzhang, 店长) to himself; the delegate then finds it in his queue and reviews it,
// and the former reviewer no longer can.

type Sheet = {
  id: number
  version: number
  state: string
  party: string
  allowedActions: string[]
  reviewer: { id: number; name: string } | null
  events: { action: string; reason: string | null; actorName: string | null }[]
}
type ErrorBody = { error: { code: string; message: string } }
type Queue = { toReview: { id: number; waitingOnMe: boolean }[]; readOnly: { id: number }[] }

describe.each(await testEngines())('delegating a review on %s', (engine) => {
  let handle: TestDatabase
  const users: Record<string, ApiClient> = {}
  const ids = new Map<string, number>()
  let sheetId = 0
  const as = (name: string) => users[name]!
  const sheet = async (name: string) => (await as(name).get<Sheet>(`/api/sheets/${sheetId}`)).body

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    const demo = await loadDemoCompany(handle.db, demoExtensions)
    for (const [name, id] of demo.employeeIds) ids.set(name, id)
    const app = createApp({ db: handle.db, engine, now: () => new Date('2026-11-03T02:00:00Z') })
    for (const name of ['admin', 'hr', 'yunying', 'dianzhang', 'xiaobing']) {
      users[name] = createApiClient((p, i) => app.request(p, i))
      expect((await users[name]!.login(name)).status).toBe(200)
    }
    const position = await handle.db
      .selectFrom('positions')
      .select('id')
      .where('name', '=', '客服专员')
      .executeTakeFirstOrThrow()
    const opened = await as('admin').post<{ jobId: number; cycle: { id: number } }>('/api/cycles', {
      name: '2026年11月 客服考核',
      kind: 'monthly',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      participants: { positionIds: [position.id] },
    })
    expect(opened.status).toBe(202)
    expect((await waitForJob(as('admin'), opened.body.jobId)).status).toBe('succeeded')
    const mine = await as('xiaobing').get<{ items: { id: number; cycleId: number }[] }>('/api/me/sheets')
    sheetId = mine.body.items.find((i) => i.cycleId === opened.body.cycle.id)!.id
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('offers delegation to the supervisor above the reviewer, HR and admin, not to the reviewer or employee', async () => {
    expect((await sheet('yunying')).allowedActions).toContain('delegate')
    expect((await sheet('hr')).allowedActions).toContain('delegate')
    expect((await sheet('dianzhang')).allowedActions).not.toContain('delegate')
    expect((await sheet('xiaobing')).allowedActions).not.toContain('delegate')
    const refused = await as('dianzhang').post<ErrorBody>(`/api/sheets/${sheetId}/delegate`, {
      expectedVersion: (await sheet('dianzhang')).version,
      reviewerEmployeeId: ids.get('王海涛'),
      reason: '出差',
    })
    expect(refused.status).toBe(403)
  })

  it('refuses the employee themself, someone outside the delegator’s tree, and someone who cannot sign in to review', async () => {
    const { version } = await sheet('yunying')
    const to = (name: string, client = 'yunying') =>
      as(client).post<ErrorBody>(`/api/sheets/${sheetId}/delegate`, {
        expectedVersion: version,
        reviewerEmployeeId: ids.get(name),
        reason: '李娜休假',
      })
    const self = await to('小冰')
    expect(self.status).toBe(400)
    expect(self.body.error.message).toContain('不能委托被考核人本人评分')
    // 黄敏 (财务专员) reports to the general manager, not to 王海涛
    expect((await to('黄敏')).status).toBe(400)
    // HR may choose anyone, but 刘思雨 has no account at all and 小焦 only an employee's
    for (const name of ['刘思雨', '小焦']) {
      const res = await to(name, 'hr')
      expect(res.status).toBe(400)
      expect(res.body.error.message).toContain(`${name} 没有主管、人事或管理员账号`)
    }
    expect((await sheet('yunying')).version).toBe(version)
  })

  it('hands the review over with a reason, once: a stale version conflicts', async () => {
    const { version } = await sheet('yunying')
    const done = await as('yunying').post<Sheet>(`/api/sheets/${sheetId}/delegate`, {
      expectedVersion: version,
      reviewerEmployeeId: ids.get('王海涛'),
      reason: '李娜休产假，本月由运营经理评分',
    })
    expect(done.status).toBe(200)
    expect(done.body.reviewer?.name).toBe('王海涛')
    expect(done.body.party).toBe('reviewer')
    expect(done.body.events.at(-1)).toMatchObject({
      action: 'delegate',
      actorName: '王海涛',
      reason: '李娜休产假，本月由运营经理评分',
    })
    const stale = await as('hr').post<ErrorBody>(`/api/sheets/${sheetId}/delegate`, {
      expectedVersion: version,
      reviewerEmployeeId: ids.get('李娜'),
      reason: '改回',
    })
    expect(stale.status).toBe(409)
    const audit = await handle.db
      .selectFrom('audit_log')
      .select(['action', 'reason', 'before', 'after'])
      .where('entity', '=', 'appraisal_sheet')
      .where('entity_id', '=', String(sheetId))
      .where('action', '=', 'sheet.delegate')
      .execute()
    expect(audit).toEqual([
      expect.objectContaining({
        reason: '李娜休产假，本月由运营经理评分',
        before: expect.objectContaining({ reviewer_employee_id: ids.get('李娜') }),
        after: expect.objectContaining({ reviewer_employee_id: ids.get('王海涛') }),
      }),
    ])
  })

  it('puts the sheet in the delegate’s queue; the former reviewer keeps it read-only', async () => {
    const mine = (await as('yunying').get<Queue>('/api/team/queue')).body
    expect(mine.toReview.map((s) => s.id)).toContain(sheetId)
    expect(mine.readOnly.map((s) => s.id)).not.toContain(sheetId)
    const former = (await as('dianzhang').get<Queue>('/api/team/queue')).body
    expect(former.toReview.map((s) => s.id)).not.toContain(sheetId)
    expect(former.readOnly.map((s) => s.id)).toContain(sheetId)
    expect((await sheet('dianzhang')).party).toBe('upper')
  })

  it('lets the delegate agree targets and review, and no longer the former reviewer', async () => {
    let s = await sheet('xiaobing')
    s = (
      await as('xiaobing').post<Sheet>(`/api/sheets/${sheetId}/confirm-targets`, {
        expectedVersion: s.version,
      })
    ).body
    const agreed = await as('yunying').post<Sheet>(`/api/sheets/${sheetId}/confirm-targets`, {
      expectedVersion: s.version,
    })
    expect(agreed.body.state).toBe('targets_agreed')
    s = (
      await as('xiaobing').post<Sheet>(`/api/sheets/${sheetId}/start`, {
        expectedVersion: agreed.body.version,
      })
    ).body
    const review = {
      indicators: {
        problem_resolution_rate: { actual: 0.95 },
        service_quality: { score: 22, comment: '良好' },
      },
    }
    const put = (name: string, path: string, body: unknown) =>
      as(name).raw<Sheet & ErrorBody>(`/api/sheets/${sheetId}/${path}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': as(name).csrfToken! },
        body: JSON.stringify(body),
      })
    const self = await put('xiaobing', 'self-review', { expectedVersion: s.version, review, submit: true })
    expect(self.body.state).toBe('self_submitted')
    const former = await put('dianzhang', 'supervisor-review', {
      expectedVersion: self.body.version,
      review,
      submit: true,
    })
    expect(former.status).toBe(403)
    const queue = (await as('yunying').get<Queue>('/api/team/queue')).body
    expect(queue.toReview.find((q) => q.id === sheetId)?.waitingOnMe).toBe(true)
    const reviewed = await put('yunying', 'supervisor-review', {
      expectedVersion: self.body.version,
      review,
      submit: true,
    })
    expect(reviewed.status).toBe(200)
    expect(reviewed.body.state).toBe('supervisor_submitted')
  })
})
