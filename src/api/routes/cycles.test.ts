import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { installBuiltinTemplates } from '../../services/templates/install-builtin-templates.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../testing/seed-test-organisation.ts'
import { waitForJob as waitForJobOf } from '../testing/wait-for-job.ts'

// Cycles beyond one month: a quarter rolling up three monthly results with the admin's weights plus its own
// indicators, grade quotas in calibration, the working-day calendar, and role checks on the cycle routes.

describe.each(await testEngines())('cycle routes on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let admin: ApiClient
  let hr: ApiClient
  let employee: ApiClient
  let finance: ApiClient
  let templateId = 0
  const clock = new Date('2026-10-09T02:00:00Z')

  const waitForJob = (jobId: number) => waitForJobOf(admin, jobId)
  const open = async (body: Record<string, unknown>) => {
    const res = await admin.post<{ cycle: { id: number }; jobId: number }>('/api/cycles', body)
    expect(res.status).toBe(202)
    expect((await waitForJob(res.body.jobId)).status).toBe('succeeded')
    return res.body.cycle.id
  }

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    await installBuiltinTemplates(handle.db, org.companyId)
    templateId = (
      await handle.db
        .selectFrom('templates')
        .select('id')
        .where('company_id', '=', org.companyId)
        .where('code', '=', 'seed-000-customer-service')
        .executeTakeFirstOrThrow()
    ).id
    const app = createApp({ db: handle.db, engine, now: () => clock })
    admin = createApiClient((p, i) => app.request(p, i))
    hr = createApiClient((p, i) => app.request(p, i))
    employee = createApiClient((p, i) => app.request(p, i))
    finance = createApiClient((p, i) => app.request(p, i))
    await admin.login('admin')
    await hr.login('hr')
    await employee.login('xiaobing')
    await finance.login('finance')
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('keeps cycles to admin and HR', async () => {
    const body = { name: 'x', kind: 'monthly', periodStart: '2026-09-01', periodEnd: '2026-09-30' }
    expect((await employee.post('/api/cycles', body)).status).toBe(403)
    expect((await finance.post('/api/cycles', body)).status).toBe(403)
    expect((await finance.get('/api/cycles')).status).toBe(403)
    const backwards = await admin.post<{ error: { issues: { path: string }[] } }>('/api/cycles', {
      ...body,
      periodEnd: '2026-08-01',
    })
    expect(backwards.status).toBe(400)
    expect(backwards.body.error.issues[0]!.path).toBe('periodEnd')
  })

  it('combines three monthly results and the quarter’s own score with the admin’s weights', async () => {
    const months = [
      ['2026-07', '2026-07-01', '2026-07-31', 80],
      ['2026-08', '2026-08-01', '2026-08-31', 90],
      ['2026-09', '2026-09-01', '2026-09-30', 70],
    ] as const
    const monthIds: number[] = []
    for (const [name, from, to, total] of months) {
      const id = await open({
        name,
        kind: 'monthly',
        periodStart: from,
        periodEnd: to,
        templateId,
        participants: { employeeIds: [org.employees.E003] },
      })
      monthIds.push(id)
      // The month's result as it stands when it is final (the monthly workflow is tested elsewhere).
      await handle.db
        .updateTable('appraisal_sheets')
        .set({ state: 'final', total: String(total) })
        .where('cycle_id', '=', id)
        .execute()
    }
    const quarter = await open({
      name: '2026 Q3',
      kind: 'quarterly',
      periodStart: '2026-07-01',
      periodEnd: '2026-09-30',
      templateId,
      participants: { employeeIds: [org.employees.E003, org.employees.E004] },
      settings: {
        rollup: { sources: monthIds.map((cycleId) => ({ cycleId, weight: 0.2 })), ownWeight: 0.4 },
        gradeQuotas: [{ grade: 'excellent', maxShare: 0.2 }],
      },
    })
    // Both quarterly sheets reviewed: full marks on the quarter's own indicators (100).
    const review = JSON.stringify({
      indicators: { problem_resolution_rate: { actual: 1 }, service_quality: { score: 25, comment: '好' } },
    })
    await handle.db
      .updateTable('appraisal_sheets')
      .set({
        state: 'supervisor_submitted',
        supervisor_review: review,
        self_review: review,
        shared_inputs: JSON.stringify({
          indicators: { customer_reviews: { actual: 0.98 }, complaint_handling_rate: { actual: 1 } },
        }),
      })
      .where('cycle_id', '=', quarter)
      .execute()
    const started = await hr.post<{ jobId: number }>(`/api/cycles/${quarter}/compute`)
    const job = await waitForJob(started.body.jobId)
    expect(job).toMatchObject({ status: 'succeeded', done: 2, total: 2 })
    const sheets = await hr.get<{
      items: { id: number; employeeId: number; total: number; grade: string }[]
    }>(`/api/cycles/${quarter}/sheets`)
    const bing = sheets.body.items.find((s) => s.employeeId === org.employees.E003)!
    const jiao = sheets.body.items.find((s) => s.employeeId === org.employees.E004)!
    // 小冰: 0.2·80 + 0.2·90 + 0.2·70 + 0.4·100 = 88. 小焦 has no monthly results: the quarter's own 100 only.
    expect(bing.total).toBe(88)
    expect(jiao.total).toBe(100)
    const detail = await hr.get<{
      score: { rollup: { renormalised: boolean; explanation: { 'zh-CN': string } } }
    }>(`/api/sheets/${bing.id}`)
    expect(detail.body.score.rollup.renormalised).toBe(false)
    expect(detail.body.score.rollup.explanation['zh-CN']).toContain('2026-07 80')

    // Two sheets, at most 20% may hold the top grade: ⌊2 × 0.2⌋ = 0 allowed.
    const calibration = await hr.get<{
      violations: { scope: string; grade: string; count: number; allowed: number }[]
    }>(`/api/cycles/${quarter}/calibration`)
    expect(jiao.grade).toBe('excellent')
    const top = jiao.grade
    expect(calibration.body.violations).toContainEqual(
      expect.objectContaining({ scope: 'company', grade: top, allowed: 0 }),
    )
    expect((await employee.get(`/api/cycles/${quarter}/calibration`)).status).toBe(403)
  })

  it('refuses a roll-up for a monthly cycle or from a cycle outside the period', async () => {
    const monthly = await admin.post('/api/cycles', {
      name: 'bad',
      kind: 'monthly',
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
      settings: { rollup: { sources: [{ cycleId: 1, weight: 0.5 }], ownWeight: 0.5 } },
    })
    expect(monthly.status).toBe(400)
    const weights = await admin.post('/api/cycles', {
      name: 'bad2',
      kind: 'quarterly',
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
      settings: { rollup: { sources: [{ cycleId: 1, weight: 0.5 }], ownWeight: 0.6 } },
    })
    expect(weights.status).toBe(400)
  })

  it('ships the 2026 calendar and lets only the admin change it', async () => {
    const cal = await employee.get<{ days: { date: string; kind: string; source: string }[] }>(
      '/api/calendar?year=2026',
    )
    expect(cal.body.days).toContainEqual(
      expect.objectContaining({ date: '2026-10-10', kind: 'workday', source: 'statutory' }),
    )
    expect(cal.body.days.filter((d) => d.kind === 'holiday')).toHaveLength(33)
    const change = { set: [{ date: '2026-11-11', kind: 'holiday', name: '双十一调休' }] }
    expect((await employee.raw('/api/calendar', put(employee, change))).status).toBe(403)
    const changed = await admin.raw<{ days: { date: string; source: string }[] }>(
      '/api/calendar',
      put(admin, change),
    )
    expect(changed.status).toBe(200)
    expect(changed.body.days).toContainEqual(
      expect.objectContaining({ date: '2026-11-11', source: 'company' }),
    )
    const audit = await admin.get<{ items: { action: string }[] }>('/api/audit?entity=calendar')
    expect(audit.body.items[0]!.action).toBe('calendar.update')
  })
})

function put(client: ApiClient, body: unknown): RequestInit {
  return {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrfToken! },
    body: JSON.stringify(body),
  }
}
