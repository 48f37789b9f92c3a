import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import type { CycleKind } from '../../db/workflow-tables.ts'
import { seedFinishedCycles } from '../../test-support/seed-finished-cycles.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import type { TestOrganisation } from '../testing/seed-test-organisation.ts'

// Consequence lists over a synthetic year of final results (12 months, 4 quarters, the annual cycle) on both
// engines: dismissal review (000: two months in a row below 65), promotion candidates (three 优秀 quarters in
// a row), improvement candidates from weak dimensions, salary suggestions from the annual grade; supervisors
// see their tree only; plans are CRUD with audit; the rules are the admin's to change.

type Run = { employeeName: string; periods: { period: string }[] }
type Lists = {
  dismissalReview: Run[]
  promotionCandidates: Run[]
  improvementCandidates: { employeeName: string; dimension: string; share: number; planId: number | null }[]
  salaryAdjustments: {
    employeeName: string
    action: string
    percent: number | null
    explanation: { 'zh-CN': string }
  }[]
}

describe.each(await testEngines())('consequence routes on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let hr: ApiClient
  let admin: ApiClient
  let finance: ApiClient
  let zhuguan: ApiClient
  let employee: ApiClient
  let december = 0
  const put = <T>(client: ApiClient, path: string, body: unknown) =>
    client.raw<T>(path, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrfToken ?? '' },
      body: JSON.stringify(body),
    })
  const gradeOf = (t: number) => (t >= 90 ? 'excellent' : t >= 80 ? 'good' : t >= 60 ? 'pass' : 'fail')

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    const finished = await seedFinishedCycles(handle.db)
    org = finished.org
    const e = org.employees
    // Totals per employee and period; everything else scores 85.
    const monthly = (m: number, id: number) =>
      id === e.E003
        ? m === 3 || m === 4
          ? [60, 64.99][m - 3]!
          : m === 6
            ? 50
            : 75
        : id === e.E004
          ? m === 6 || m === 8
            ? 55
            : 70
          : 85
    const quarterly = (q: number, id: number) => (id === e.E005 ? [92, 95, 90, 85][q - 1]! : 80)
    const annual = (id: number) => ({ [e.E003]: 70, [e.E004]: 58, [e.E005]: 93, [e.E001]: 85 })[id] ?? 85
    const people = [e.E001, e.E003, e.E004, e.E005]
    const cycle = (kind: CycleKind, start: string, end: string, total: (id: number) => number) =>
      finished.add({
        name: `${kind} ${start}`,
        kind,
        periodStart: start,
        periodEnd: end,
        sheets: people.map((p) => ({
          employeeId: p,
          total: total(p),
          grade: gradeOf(total(p)),
          coefficient: 1,
          score: {
            dimensions: [
              { key: 'quality', name: '服务质量', points: p === e.E004 ? 10 : 35, maxPoints: 40 },
              { key: 'sales', name: '销售业绩', points: 50, maxPoints: 60 },
            ],
          },
        })),
      })
    const last = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
    for (let m = 1; m <= 12; m++) {
      const mm = String(m).padStart(2, '0')
      const id = await cycle('monthly', `2026-${mm}-01`, last(2026, m), (p) => monthly(m, p))
      if (m === 12) december = id
    }
    for (let q = 1; q <= 4; q++) {
      const m = (q - 1) * 3 + 1
      await cycle('quarterly', `2026-${String(m).padStart(2, '0')}-01`, last(2026, m + 2), (p) =>
        quarterly(q, p),
      )
    }
    await cycle('annual', '2026-01-01', '2026-12-31', annual)
    const app = createApp({ db: handle.db, engine, now: () => new Date('2027-01-10T02:00:00Z') })
    const client = () => createApiClient((p, i) => app.request(p, i))
    ;[hr, admin, finance, zhuguan, employee] = [client(), client(), client(), client(), client()]
    await hr.login('hr')
    await admin.login('admin')
    await finance.login('finance')
    await zhuguan.login('zhuguan')
    await employee.login('xiaobing')
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('lists the year’s dismissal reviews, promotion candidates, weak dimensions and salary suggestions', async () => {
    const res = await hr.get<Lists>('/api/consequences?year=2026')
    expect(res.status).toBe(200)
    // 小冰: March 60 and April 64.99 in a row → review; 小焦's June and August are not adjacent → none.
    expect(res.body.dismissalReview.map((r) => [r.employeeName, r.periods.map((p) => p.period)])).toEqual([
      ['小冰', ['2026-03', '2026-04']],
    ])
    // 王运营: 优秀 in Q1–Q3 (92, 95, 90), then 85 → one run of three.
    expect(res.body.promotionCandidates.map((r) => [r.employeeName, r.periods.map((p) => p.period)])).toEqual(
      [['王运营', ['2026-Q1', '2026-Q2', '2026-Q3']]],
    )
    // December (the latest cycle): 小焦's 服务质量 10/40 = 25% is below 60%.
    expect(res.body.improvementCandidates.map((c) => [c.employeeName, c.dimension, c.share])).toEqual([
      ['小焦', '服务质量', 0.25],
    ])
    const salary = Object.fromEntries(
      res.body.salaryAdjustments.map((s) => [s.employeeName, [s.action, s.percent]]),
    )
    expect(salary).toEqual({
      张店长: ['raise', 4],
      小冰: ['none', null],
      小焦: ['review', null],
      王运营: ['raise', 8],
    })
    expect(res.body.salaryAdjustments.find((s) => s.employeeName === '王运营')?.explanation['zh-CN']).toBe(
      '2026 年度得分 93，等级 优秀 → 建议调薪 +8%',
    )
  })

  it('keeps a supervisor to their reporting tree, and lists to staff', async () => {
    // 李主管 manages 小冰 and 小焦, not 王运营.
    const mine = await zhuguan.get<Lists>('/api/consequences?year=2026')
    expect(mine.status).toBe(200)
    expect(mine.body.dismissalReview.map((r) => r.employeeName)).toEqual(['小冰'])
    expect(mine.body.promotionCandidates).toEqual([])
    expect((await employee.get('/api/consequences?year=2026')).status).toBe(403)
    expect((await finance.get('/api/consequences?year=2026')).status).toBe(200)
    const results = await zhuguan.get<{ items: { employeeName: string }[] }>(
      `/api/cycles/${december}/results`,
    )
    expect(results.body.items.map((i) => i.employeeName).sort()).toEqual(['小冰', '小焦'])
    expect((await employee.get(`/api/cycles/${december}/results`)).status).toBe(403)
  })

  it('lets the admin change the rules, which changes the lists', async () => {
    const settings = (await hr.get<Record<string, unknown>>('/api/consequences/settings')).body
    expect(settings).toMatchObject({ dismissal: { threshold: 65, consecutive: 2 } })
    expect((await put(zhuguan, '/api/consequences/settings', settings)).status).toBe(403)
    const changed = await put(admin, '/api/consequences/settings', {
      ...settings,
      dismissal: { threshold: 72, consecutive: 2 },
    })
    expect(changed.status).toBe(200)
    const lists = await hr.get<Lists>('/api/consequences?year=2026')
    // Below 72: 小冰 Mar–Apr and again Jun (alone); 小焦 every month (70) → one run of twelve.
    expect(lists.body.dismissalReview.map((r) => [r.employeeName, r.periods.length])).toEqual([
      ['小冰', 2],
      ['小焦', 12],
    ])
    await put(admin, '/api/consequences/settings', settings)
  })

  it('records improvement plans with owner, due date and outcome; audited; scoped for supervisors', async () => {
    const created = await hr.post<{ id: number; ownerName: string; status: string }>(
      '/api/improvement-plans',
      {
        employeeId: org.employees.E004,
        cycleId: december,
        dimension: '服务质量',
        goal: '服务质量维度达到 30 分以上',
        ownerEmployeeId: org.employees.E002,
        dueDate: '2027-02-28',
      },
    )
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ ownerName: '李主管', status: 'open' })
    const bad = await hr.post<{ error: { issues: { path: string }[] } }>('/api/improvement-plans', {
      employeeId: org.employees.E004,
      goal: 'x',
      ownerEmployeeId: 999999,
      dueDate: '2027-02-30',
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.issues.map((i) => i.path)).toContain('dueDate')
    const lists = await hr.get<Lists>('/api/consequences?year=2026')
    expect(lists.body.improvementCandidates[0]?.planId).toBe(created.body.id)

    expect((await zhuguan.get(`/api/improvement-plans/${created.body.id}`)).status).toBe(200)
    expect((await zhuguan.post('/api/improvement-plans', { employeeId: 1 })).status).toBe(403)
    const outsider = await hr.post<{ id: number }>('/api/improvement-plans', {
      employeeId: org.employees.E006,
      kind: 'training',
      goal: '参加设计培训',
      ownerEmployeeId: org.employees.E006,
      dueDate: '2027-03-31',
    })
    // 赵美工 is outside 李主管's tree: not found for him.
    expect((await zhuguan.get(`/api/improvement-plans/${outsider.body.id}`)).status).toBe(404)
    expect((await zhuguan.get<{ items: unknown[] }>('/api/improvement-plans')).body.items).toHaveLength(1)

    const done = await hr.patch<{ outcome: string; status: string }>(
      `/api/improvement-plans/${created.body.id}`,
      {
        outcome: '2 月服务质量 34 分，达成',
        status: 'done',
      },
    )
    expect(done.body).toMatchObject({ outcome: '2 月服务质量 34 分，达成', status: 'done' })
    expect((await hr.delete(`/api/improvement-plans/${outsider.body.id}`)).status).toBe(204)
    expect((await hr.get(`/api/improvement-plans/${outsider.body.id}`)).status).toBe(404)
    const audit = await handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'improvement_plan')
      .execute()
    expect(audit.map((a) => a.action).sort()).toEqual([
      'improvement_plan.create',
      'improvement_plan.create',
      'improvement_plan.delete',
      'improvement_plan.update',
    ])
  })
})
