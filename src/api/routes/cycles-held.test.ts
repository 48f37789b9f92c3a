import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { installBuiltinTemplates } from '../../services/templates/install-builtin-templates.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../testing/seed-test-organisation.ts'
import { waitForJob } from '../testing/wait-for-job.ts'

// Issue 16: missing is not zero. A sheet without a figure the template declares required ('block', the default
// for a ratio) is held by compute, listed on the cycle board by person and item, and refused when computed alone.

describe.each(await testEngines())('sheets held by missing data on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let hr: ApiClient
  const clock = new Date('2026-10-09T02:00:00Z')

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    await installBuiltinTemplates(handle.db, org.companyId)
    const app = createApp({ db: handle.db, engine, now: () => clock })
    hr = createApiClient((p, i) => app.request(p, i))
    await hr.login('hr')
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('holds the sheet without its complaint figure, lists it on the board and refuses to compute it alone', async () => {
    const template = await handle.db
      .selectFrom('templates')
      .select('id')
      .where('company_id', '=', org.companyId)
      .where('code', '=', 'seed-000-customer-service')
      .executeTakeFirstOrThrow()
    const opened = await hr.post<{ cycle: { id: number }; jobId: number }>('/api/cycles', {
      name: '2026-09',
      kind: 'monthly',
      periodStart: '2026-09-01',
      periodEnd: '2026-09-30',
      templateId: template.id,
      participants: { employeeIds: [org.employees.E003, org.employees.E004] },
    })
    expect(opened.status).toBe(202)
    expect((await waitForJob(hr, opened.body.jobId)).status).toBe('succeeded')
    const cycleId = opened.body.cycle.id
    const review = JSON.stringify({
      indicators: { problem_resolution_rate: { actual: 1 }, service_quality: { score: 25, comment: '好' } },
    })
    const complete = { customer_reviews: { actual: 0.98 }, complaint_handling_rate: { actual: 1 } }
    for (const [employeeId, indicators] of [
      [org.employees.E003, complete],
      [org.employees.E004, { customer_reviews: { actual: 0.98 } }],
    ] as const) {
      await handle.db
        .updateTable('appraisal_sheets')
        .set({
          state: 'supervisor_submitted',
          supervisor_review: review,
          self_review: review,
          shared_inputs: JSON.stringify({ indicators }),
        })
        .where('cycle_id', '=', cycleId)
        .where('employee_id', '=', employeeId)
        .execute()
    }

    const started = await hr.post<{ jobId: number }>(`/api/cycles/${cycleId}/compute`)
    expect((await waitForJob(hr, started.body.jobId)).status).toBe('succeeded')
    const sheets = await hr.get<{
      items: { id: number; employeeId: number; state: string; total: number | null; version: number }[]
    }>(`/api/cycles/${cycleId}/sheets`)
    const complete3 = sheets.body.items.find((s) => s.employeeId === org.employees.E003)!
    const held4 = sheets.body.items.find((s) => s.employeeId === org.employees.E004)!
    expect(complete3.state).toBe('computed')
    // Not scored as if the complaint figure were 0: not computed at all.
    expect(held4).toMatchObject({ state: 'supervisor_submitted', total: null })

    const board = await hr.get<{
      computation: {
        held: { sheetId: number; employeeName: string; items: { key: string; name: string }[] }[]
      }
    }>(`/api/cycles/${cycleId}/board`)
    expect(board.status).toBe(200)
    expect(board.body.computation.held).toEqual([
      {
        sheetId: held4.id,
        employeeName: expect.any(String),
        departmentName: expect.anything(),
        items: [{ key: 'complaint_handling_rate', name: expect.any(String) }],
      },
    ])

    const alone = await hr.post<{ error: { code: string; message: string; issues: { path: string }[] } }>(
      `/api/sheets/${held4.id}/compute`,
      { expectedVersion: held4.version },
    )
    expect(alone.status).toBe(409)
    expect(alone.body.error.code).toBe('missing_data')
    expect(alone.body.error.message).toContain('缺少数据')
    expect(alone.body.error.issues.map((i) => i.path)).toEqual(['inputs.complaint_handling_rate'])
  })
})
