import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Template } from '../../core/templates/template.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { demoExtensions } from '../../services/demo/demo-extensions.ts'
import { loadDemoCompany } from '../../services/demo/load-demo-company.ts'
import { installBuiltinTemplates } from '../../services/templates/install-builtin-templates.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../testing/seed-test-organisation.ts'
import { waitForJob } from '../testing/wait-for-job.ts'

// Issue 16 part 3: a sheet waits for the raters it owes. Rows a named assessor scores (财务部 scores its own row of
// the 电商部负责人 table) hold the sheet until that assessor has submitted; an empty self review holds it when the
// template says so (self-review rule 'block'). Both are listed on the cycle board's held list by person and row,
// like missing figures.

type Board = {
  computation: {
    held: { sheetId: number; employeeName: string; items: { key: string; name: string }[] }[]
  }
}
type Task = { id: number; sheetId: number; kind: 'peer' | 'assessor'; toScore: { key: string }[] }

async function computeCycle(client: ApiClient, cycleId: number) {
  const started = await client.post<{ jobId: number }>(`/api/cycles/${cycleId}/compute`)
  expect(started.status).toBe(202)
  expect((await waitForJob(client, started.body.jobId)).status).toBe('succeeded')
}

describe.each(await testEngines())('compute waits for an indicator assessor on %s', (engine) => {
  let handle: TestDatabase
  const users: Record<string, ApiClient> = {}

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    await loadDemoCompany(handle.db, demoExtensions)
    const app = createApp({ db: handle.db, engine, now: () => new Date('2026-11-02T02:00:00Z') })
    for (const name of ['admin', 'hr', 'finance']) {
      users[name] = createApiClient((p, i) => app.request(p, i))
      expect((await users[name]!.login(name)).status).toBe(200)
    }
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('holds the 电商部负责人 sheet on 财务部’s row until 财务部’s head has scored it', async () => {
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
      name: '2026年10月 电商部负责人考核',
      kind: 'monthly',
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
      templateId: template.id,
      participants: { employeeIds: [head.id] },
    })
    expect(opened.status).toBe(202)
    expect((await waitForJob(users.admin!, opened.body.jobId)).status).toBe('succeeded')
    const cycleId = opened.body.cycle.id
    const task = (await users.finance!.get<{ items: Task[] }>('/api/me/peer-reviews')).body.items.find(
      (t) => t.kind === 'assessor',
    )!
    const financeRows = task.toScore.map((r) => r.key)
    expect(financeRows.length).toBeGreaterThan(0)
    await handle.db
      .updateTable('appraisal_sheets')
      .set({ state: 'supervisor_submitted' })
      .where('id', '=', task.sheetId)
      .execute()

    await computeCycle(users.hr!, cycleId)
    const before = await users.hr!.get<Board>(`/api/cycles/${cycleId}/board`)
    const heldBefore = before.body.computation.held.find((h) => h.sheetId === task.sheetId)!
    expect(heldBefore.employeeName).toBe('王海涛')
    expect(heldBefore.items.map((i) => i.key)).toEqual(expect.arrayContaining(financeRows))
    const sheet = await users.hr!.get<{ state: string; total: string | null }>(`/api/sheets/${task.sheetId}`)
    // Not scored without the assessor's row: still waiting, no total.
    expect(sheet.body).toMatchObject({ state: 'supervisor_submitted', total: null })

    const submitted = await users.finance!.post(`/api/peer-reviews/${task.id}`, {
      indicators: Object.fromEntries(financeRows.map((key) => [key, { actual: 120000 }])),
    })
    expect(submitted.status).toBe(200)
    await computeCycle(users.hr!, cycleId)
    const after = await users.hr!.get<Board>(`/api/cycles/${cycleId}/board`)
    const heldAfter = after.body.computation.held.find((h) => h.sheetId === task.sheetId)
    // 财务部's row is in; what still holds the sheet (总经办's rows) is owed by someone else.
    for (const key of financeRows) expect(heldAfter?.items.map((i) => i.key) ?? []).not.toContain(key)
  })
})

describe.each(await testEngines())('a held self review on the cycle board on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let hr: ApiClient

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    await installBuiltinTemplates(handle.db, org.companyId)
    const app = createApp({ db: handle.db, engine, now: () => new Date('2026-10-09T02:00:00Z') })
    hr = createApiClient((p, i) => app.request(p, i))
    await hr.login('hr')
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('lists the sheet whose self review is empty, by person and row, when the template blocks on it', async () => {
    const template = await handle.db
      .selectFrom('templates')
      .select('id')
      .where('company_id', '=', org.companyId)
      .where('code', '=', 'seed-000-customer-service')
      .executeTakeFirstOrThrow()
    const opened = await hr.post<{ cycle: { id: number }; jobId: number }>('/api/cycles', {
      name: '2026-09 客服',
      kind: 'monthly',
      periodStart: '2026-09-01',
      periodEnd: '2026-09-30',
      templateId: template.id,
      participants: { employeeIds: [org.employees.E003] },
    })
    expect((await waitForJob(hr, opened.body.jobId)).status).toBe('succeeded')
    const cycleId = opened.body.cycle.id
    const sheet = await handle.db
      .selectFrom('appraisal_sheets')
      .select(['id', 'template_version_id'])
      .where('cycle_id', '=', cycleId)
      .executeTakeFirstOrThrow()
    // The template's self-review rule set to 'block' (模板规定须等待自评), as HR would in the editor.
    const version = await handle.db
      .selectFrom('template_versions')
      .select('definition')
      .where('id', '=', sheet.template_version_id)
      .executeTakeFirstOrThrow()
    const definition = version.definition as Template
    const blocking: Template = {
      ...definition,
      scoring: { ...definition.scoring, raters: { whenMissing: 'block' } },
    }
    await handle.db
      .updateTable('template_versions')
      .set({ definition: JSON.stringify(blocking) })
      .where('id', '=', sheet.template_version_id)
      .execute()
    const supervisor = {
      indicators: { problem_resolution_rate: { actual: 1 }, service_quality: { score: 22, comment: '好' } },
    }
    await handle.db
      .updateTable('appraisal_sheets')
      .set({
        state: 'supervisor_submitted',
        supervisor_review: JSON.stringify(supervisor),
        self_review: JSON.stringify({}),
        shared_inputs: JSON.stringify({
          indicators: { customer_reviews: { actual: 0.98 }, complaint_handling_rate: { actual: 1 } },
        }),
      })
      .where('id', '=', sheet.id)
      .execute()

    await computeCycle(hr, cycleId)
    const board = await hr.get<Board>(`/api/cycles/${cycleId}/board`)
    expect(board.body.computation.held).toEqual([
      expect.objectContaining({
        sheetId: sheet.id,
        employeeName: '小冰',
        items: expect.arrayContaining([{ key: 'service_quality', name: '服务质量' }]),
      }),
    ])

    // With the self review in, the same compute scores the sheet and the held list empties.
    await handle.db
      .updateTable('appraisal_sheets')
      .set({ self_review: JSON.stringify(supervisor) })
      .where('id', '=', sheet.id)
      .execute()
    await computeCycle(hr, cycleId)
    const again = await hr.get<Board>(`/api/cycles/${cycleId}/board`)
    expect(again.body.computation.held).toEqual([])
    const view = await hr.get<{ state: string }>(`/api/sheets/${sheet.id}`)
    expect(view.body.state).toBe('computed')
  })
})
