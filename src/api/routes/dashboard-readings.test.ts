import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HrDashboard, TeamDashboard } from '../../contracts/dashboards.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { type FinishedCycles, seedFinishedCycles } from '../../test-support/seed-finished-cycles.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import type { TestOrganisation } from '../testing/seed-test-organisation.ts'

// Dashboards that say what they mean (issue 16.13): 「最近一期」 is the latest finished period across all
// departments (not the newest period some department has a score in, nor a period still running); a
// lower-is-better indicator (退货率) says so, so it is coloured by its rule; a percentage keeps its precision
// (95.67 %, not 96 %).

describe.each(await testEngines())('dashboard readings on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let finished: FinishedCycles
  let hr: ApiClient
  let octoberId = 0

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    finished = await seedFinishedCycles(handle.db)
    org = finished.org
    const e = org.employees
    // 运营团队 template: 退货率 is lower-is-better, 好评率 higher-is-better, both in %.
    const version = await handle.db
      .selectFrom('template_versions as tv')
      .innerJoin('templates as t', 't.id', 'tv.template_id')
      .select('tv.id')
      .where('t.company_id', '=', org.companyId)
      .where('t.code', '=', 'seed-003-t22-operations-team')
      .executeTakeFirstOrThrow()
    const score = (returns: number, positive: number) => ({
      dimensions: [
        {
          name: '客户满意度',
          points: 18,
          maxPoints: 20,
          indicators: [
            { key: 'positive_review_rate', actual: positive, target: 0.95, points: 10, maxPoints: 10 },
            { key: 'return_rate', actual: returns, target: 0.05, points: 8, maxPoints: 10 },
          ],
        },
      ],
    })
    const sheet = (employeeId: number, total: number) => ({
      employeeId,
      total,
      grade: 'good',
      coefficient: 1.2,
      score: score(0.0312, 0.9567),
    })
    await finished.add({
      name: '2026年9月',
      kind: 'monthly',
      periodStart: '2026-09-01',
      periodEnd: '2026-09-30',
      sheets: [sheet(e.E003, 85), sheet(e.E005, 82)],
    })
    // October ran for 客服部 only; November is still running, one sheet scored early.
    octoberId = await finished.add({
      name: '2026年10月',
      kind: 'monthly',
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
      sheets: [sheet(e.E003, 88)],
    })
    await finished.add({
      name: '2026年11月',
      kind: 'monthly',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      sheets: [{ ...sheet(e.E003, 90), state: 'computed' }],
    })
    await handle.db
      .updateTable('appraisal_sheets')
      .set({ template_version_id: version.id })
      .where('company_id', '=', org.companyId)
      .execute()
    for (const [employeeId, departmentId] of [
      [e.E003, org.departments.service],
      [e.E005, org.departments.operations],
    ] as const)
      await handle.db
        .updateTable('appraisal_sheets')
        .set({ department_id: departmentId })
        .where('employee_id', '=', employeeId)
        .execute()
    const app = createApp({ db: handle.db, engine, now: () => new Date('2026-11-20T02:00:00Z') })
    hr = createApiClient((p, i) => app.request(p, i))
    await hr.login('hr')
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('reads 最近一期 as the latest finished period across all departments', async () => {
    const company = await hr.get<HrDashboard>('/api/dashboards/hr')
    expect(company.status).toBe(200)
    // November is still running: October is the latest finished period.
    expect(company.body.cycle?.name).toBe('2026年10月')
    // 运营部 had no sheet in October, yet its latest period is the company's: one reading for everyone.
    const operations = await hr.get<HrDashboard>(
      `/api/dashboards/hr?departmentId=${org.departments.operations}`,
    )
    expect(operations.body.cycle?.name).toBe('2026年10月')
    expect(operations.body.summary.sheets).toBe(0)
    const team = await hr.get<TeamDashboard>('/api/dashboards/team')
    expect(team.body.cycle?.id).toBe(octoberId)
  })

  it('marks lower-is-better indicators and keeps the precision of percentages', async () => {
    const team = await hr.get<TeamDashboard>(`/api/dashboards/team?cycleId=${octoberId}`)
    expect(team.status).toBe(200)
    const returns = team.body.indicators.find((i) => i.key === 'return_rate')
    const positive = team.body.indicators.find((i) => i.key === 'positive_review_rate')
    expect(returns).toMatchObject({
      name: '退货率',
      unit: '%',
      lowerIsBetter: true,
      actual: 0.0312,
      target: 0.05,
    })
    expect(positive).toMatchObject({ name: '好评率', lowerIsBetter: false, actual: 0.9567, target: 0.95 })
  })
})
