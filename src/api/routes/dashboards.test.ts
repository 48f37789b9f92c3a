import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HrDashboard, MyDashboard, TeamDashboard } from '../../contracts/dashboards.ts'
import { seed000CustomerService } from '../../core/library/templates/seed-000-customer-service.ts'
import { scoreSheet } from '../../core/scoring/score-sheet.ts'
import { insertEmployee } from '../../db/organisation-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { installBuiltinTemplates } from '../../services/templates/install-builtin-templates.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../testing/seed-test-organisation.ts'
import { waitForJob } from '../testing/wait-for-job.ts'

// The dashboards read aggregates of scored sheets. Two monthly cycles are opened through the API and their
// sheets given results scored by the real engine (客服 template: 25 × resolution rate + service quality + 50
// for the two full-marks indicators), so every expected figure below is worked out by hand from those totals.

// September: total = 25a + q + 50. E006 stays a draft (not scored).
const september = {
  E001: { a: 1, q: 25 }, // 100 excellent
  E002: { a: 1, q: 15 }, // 90 excellent
  E003: { a: 0.4, q: 10 }, // 70 pass
  E004: { a: 0, q: 5 }, // 55 fail
  E005: { a: 1, q: 10 }, // 85 good
  E007: { a: 1, q: 20 }, // 95 excellent
} as const
// August: only 小冰 (80) and 小焦 (60).
const august = { E003: { a: 1, q: 5 }, E004: { a: 0.2, q: 5 } } as const

describe.each(await testEngines())('dashboard routes on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let E007 = 0
  let hr: ApiClient
  let dianzhang: ApiClient
  let zhuguan: ApiClient
  let xiaobing: ApiClient
  let finance: ApiClient
  let nolink: ApiClient
  let admin: ApiClient
  let augustId = 0
  let septemberId = 0
  let open: (name: string, from: string, to: string, employeeIds: number[]) => Promise<number>

  const score = async (cycleId: number, results: Record<string, { a: number; q: number }>) => {
    const db = handle.db
    for (const [code, { a, q }] of Object.entries(results)) {
      const employeeId = code === 'E007' ? E007 : org.employees[code as 'E001']
      const result = scoreSheet(seed000CustomerService, {
        indicators: {
          problem_resolution_rate: { actual: a, target: 1 },
          service_quality: { score: q, comment: '抽查' },
          customer_reviews: { actual: 0.98, target: 0.98 },
          complaint_handling_rate: { actual: 1, target: 1 },
        },
      })
      expect(result.total).toBe(25 * a + q + 50)
      await db
        .updateTable('appraisal_sheets')
        .set({
          state: 'final',
          score: JSON.stringify(result),
          total: String(result.total),
          grade: result.grade?.grade ?? null,
          coefficient: String(result.coefficient),
        })
        .where('cycle_id', '=', cycleId)
        .where('employee_id', '=', employeeId)
        .execute()
    }
  }

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    E007 = await insertEmployee(handle.db, org.companyId, {
      employeeNo: 'E007',
      name: '小周',
      departmentId: org.departments.service,
      positionId: org.positions.service,
      managerId: org.employees.E002,
      hireDate: '2024-03-01',
      leaveDate: null,
      status: 'active',
    })
    await installBuiltinTemplates(handle.db, org.companyId)
    const templateId = (
      await handle.db
        .selectFrom('templates')
        .select('id')
        .where('company_id', '=', org.companyId)
        .where('code', '=', seed000CustomerService.code)
        .executeTakeFirstOrThrow()
    ).id
    const app = createApp({ db: handle.db, engine, now: () => new Date('2026-10-20T02:00:00Z') })
    const client = () => createApiClient((p, i) => app.request(p, i))
    const signedIn = async (username: string) => {
      const c = client()
      await c.login(username)
      return c
    }
    admin = await signedIn('admin')
    hr = await signedIn('hr')
    dianzhang = await signedIn('dianzhang')
    zhuguan = await signedIn('zhuguan')
    xiaobing = await signedIn('xiaobing')
    finance = await signedIn('finance')
    nolink = await signedIn('nolink')
    open = async (name, from, to, employeeIds) => {
      const res = await admin.post<{ cycle: { id: number }; jobId: number }>('/api/cycles', {
        name,
        kind: 'monthly',
        periodStart: from,
        periodEnd: to,
        templateId,
        participants: { employeeIds },
      })
      expect(res.status).toBe(202)
      expect((await waitForJob(admin, res.body.jobId)).status).toBe('succeeded')
      return res.body.cycle.id
    }
    const e = org.employees
    augustId = await open('2026年8月', '2026-08-01', '2026-08-31', [e.E003, e.E004])
    septemberId = await open('2026年9月', '2026-09-01', '2026-09-30', [
      e.E001,
      e.E002,
      e.E003,
      e.E004,
      e.E005,
      e.E006,
      E007,
    ])
    await score(augustId, august)
    await score(septemberId, september)
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('gives HR the grade distribution, histogram, stages and the average over periods', async () => {
    const res = await hr.get<HrDashboard>('/api/dashboards/hr')
    expect(res.status).toBe(200)
    const d = res.body
    // The latest cycle with results is shown by default.
    expect(d.cycle?.id).toBe(septemberId)
    // Scored: 100, 90, 70, 55, 85, 95 → mean 495/6, median (85+90)/2; the draft counts as a sheet only.
    expect(d.summary).toEqual({ sheets: 7, scored: 6, mean: 82.5, median: 87.5, min: 55, max: 100 })
    expect(d.grades.map((g) => [g.grade, g.count, g.label?.['zh-CN']])).toEqual([
      ['excellent', 3, '优秀'],
      ['good', 1, '良好'],
      ['pass', 1, '合格'],
      ['fail', 1, '不合格'],
    ])
    expect(d.histogram.map((h) => h.count)).toEqual([0, 0, 0, 0, 0, 1, 0, 1, 1, 3])
    expect(Object.fromEntries(d.stages.map((s) => [s.state, s.count]))).toEqual({ final: 6, draft: 1 })
    expect(d.trend.map((t) => [t.name, t.mean, t.count])).toEqual([
      ['2026年8月', 70, 2],
      ['2026年9月', 82.5, 6],
    ])
    const service = d.departments.find((x) => x.departmentId === org.departments.service)
    // 客服部: 90, 70, 55, 95.
    expect(service).toMatchObject({ departmentName: '客服部', count: 4, mean: 77.5 })
    expect(service?.grades.map((g) => [g.grade, g.count])).toEqual([
      ['excellent', 2],
      ['pass', 1],
      ['fail', 1],
    ])
  })

  it('narrows the HR dashboard to a department with its sub-departments', async () => {
    const operations = await hr.get<HrDashboard>(
      `/api/dashboards/hr?cycleId=${septemberId}&departmentId=${org.departments.operations}`,
    )
    expect(operations.body.summary).toMatchObject({ sheets: 1, scored: 1, mean: 85 })
    // 电商部 holds 客服部 and 运营部: everyone.
    const all = await hr.get<HrDashboard>(
      `/api/dashboards/hr?cycleId=${septemberId}&departmentId=${org.departments.ecommerce}`,
    )
    expect(all.body.summary.sheets).toBe(7)
    const august = await hr.get<HrDashboard>(`/api/dashboards/hr?cycleId=${augustId}`)
    // The trend stops at the cycle shown.
    expect(august.body.trend.map((t) => t.name)).toEqual(['2026年8月'])
  })

  it('shows a supervisor their reporting tree, without themself, and who is below the threshold', async () => {
    const res = await dianzhang.get<TeamDashboard>('/api/dashboards/team?threshold=75')
    expect(res.status).toBe(200)
    const d = res.body
    // E002 90, E003 70, E004 55, E005 85, E007 95 (not E001 himself, not E006 in another team).
    expect(d.members.map((m) => m.total)).toEqual([95, 90, 85, 70, 55])
    expect(d.summary).toMatchObject({ sheets: 5, scored: 5, mean: 79, median: 85 })
    expect(d.belowThreshold.map((m) => [m.employeeName, m.total])).toEqual([
      ['小焦', 55],
      ['小冰', 70],
    ])
    // One dimension whose budget is the whole 100 points: its share is the mean total.
    expect(d.dimensions).toEqual([{ name: '客服岗位KPI', percent: 79, count: 5 }])
    const resolution = d.indicators.find((i) => i.key === 'problem_resolution_rate')
    // Actuals 1, 0.4, 0, 1, 1 against 1: mean 0.68, points 25 × 0.68.
    expect(resolution).toMatchObject({
      name: '问题解决率',
      unit: '%',
      count: 5,
      actual: 0.68,
      target: 1,
      completion: 0.68,
      points: 17,
      maxPoints: 25,
    })
    const defaultLine = await zhuguan.get<TeamDashboard>('/api/dashboards/team')
    // 李主管's tree: 小冰 70, 小焦 55, 小周 95; the default line is 60.
    expect(defaultLine.body.members.map((m) => m.employeeName).sort()).toEqual(
      ['小冰', '小周', '小焦'].sort(),
    )
    expect(defaultLine.body.belowThreshold.map((m) => m.employeeName)).toEqual(['小焦'])
    expect(defaultLine.body.threshold).toBe(60)
  })

  it('shows an employee their trend, dimensions against the team median and each indicator', async () => {
    const res = await xiaobing.get<MyDashboard>('/api/dashboards/me')
    expect(res.status).toBe(200)
    const d = res.body
    expect(d.trend.map((t) => [t.name, t.total])).toEqual([
      ['2026年8月', 80],
      ['2026年9月', 70],
    ])
    expect(d.sheet).toMatchObject({ total: 70, grade: 'pass', gradeLabel: { 'zh-CN': '合格' } })
    // The team = 李主管's reviewees: 70, 55, 95 → median 70.
    expect(d.teamSize).toBe(3)
    expect(d.dimensions).toEqual([
      { name: '客服岗位KPI', points: 70, maxPoints: 100, percent: 70, teamMedian: 70 },
    ])
    // 问题解决率 points of the team: 10, 0 and 25 of 25 → median 40%.
    expect(d.indicators.find((i) => i.key === 'problem_resolution_rate')).toMatchObject({
      actual: 0.4,
      target: 1,
      points: 10,
      maxPoints: 25,
      teamMedian: 40,
    })
    // In August the team was two people: the median would reveal the colleague's score, so it is withheld.
    const aug = await xiaobing.get<MyDashboard>(`/api/dashboards/me?cycleId=${augustId}`)
    expect(aug.body.teamSize).toBe(2)
    expect(aug.body.dimensions[0]?.teamMedian).toBeNull()
    expect(aug.body.indicators.every((i) => i.teamMedian === null)).toBe(true)
  })

  it('keeps each reader to their scope', async () => {
    const e = org.employees
    expect((await xiaobing.get('/api/dashboards/hr')).status).toBe(403)
    expect((await xiaobing.get('/api/dashboards/team')).status).toBe(403)
    expect((await finance.get('/api/dashboards/team')).status).toBe(403)
    expect((await dianzhang.get('/api/dashboards/hr')).status).toBe(403)
    // Someone else's dashboard: 404 for an employee, and for a supervisor outside their tree.
    expect((await xiaobing.get(`/api/dashboards/me?employeeId=${e.E004}`)).status).toBe(404)
    expect((await zhuguan.get(`/api/dashboards/me?employeeId=${e.E005}`)).status).toBe(404)
    expect((await finance.get(`/api/dashboards/me?employeeId=${e.E003}`)).status).toBe(404)
    const inTree = await dianzhang.get<MyDashboard>(`/api/dashboards/me?employeeId=${e.E003}`)
    expect(inTree.status).toBe(200)
    expect(inTree.body.employee.name).toBe('小冰')
    expect((await nolink.get('/api/dashboards/me')).status).toBe(404)
    // 小焦 has no sheet in a cycle that is not his: 404, not an empty dashboard.
    const other = await open('美工 2026年10月', '2026-10-01', '2026-10-31', [e.E006])
    expect((await zhuguan.get(`/api/dashboards/team?cycleId=${other}`)).status).toBe(404)
    // Cycles offered to pick: one's own only.
    const mine = await xiaobing.get<{ items: { id: number; scored: number }[] }>('/api/dashboards/cycles')
    expect(mine.body.items.map((c) => [c.id, c.scored])).toEqual([
      [septemberId, 1],
      [augustId, 1],
    ])
  })

  it('names the field of an invalid filter', async () => {
    const res = await hr.get<{ error: { code: string; issues: { path: string }[] } }>(
      '/api/dashboards/team?threshold=-5',
    )
    expect(res.status).toBe(400)
    expect(res.body.error.issues[0]?.path).toBe('threshold')
    expect((await hr.get('/api/dashboards/hr?cycleId=abc')).status).toBe(400)
  })
})
