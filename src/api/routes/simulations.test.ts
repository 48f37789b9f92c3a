import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BenchCompany, generateBenchCompany } from '../../../bench/workflow-company.ts'
import type { SimulationStarted, SimulationStatus } from '../../contracts/simulations.ts'
import type { Template } from '../../core/templates/template.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { hashPassword } from '../../services/auth/password.ts'
import { finishedBenchCycle } from '../../services/simulations/testing/finished-bench-cycle.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'

// Simulations through the API on both engines: HR or finance start one on a finished cycle and follow it to
// the comparison, download it as XLSX; other roles are refused; an empty or invalid request is a 400 naming
// the field; a cycle without computed sheets is a 409.

type ErrorBody = { error: { code: string; issues?: { path: string; message: string }[] } }

describe.each(await testEngines())('simulation routes on %s', (engine) => {
  let handle: TestDatabase
  let company: BenchCompany
  let app: ReturnType<typeof createApp>
  let admin: ApiClient
  let finance: ApiClient
  let supervisor: ApiClient
  let cycleId = 0
  let pinned: Template
  const now = () => new Date('2026-10-09T02:00:00Z')

  const waitFor = async (client: ApiClient, id: number): Promise<SimulationStatus> => {
    for (;;) {
      const res = await client.get<SimulationStatus>(`/api/cycles/${cycleId}/simulations/${id}`)
      expect(res.status).toBe(200)
      if (res.body.status === 'succeeded' || res.body.status === 'failed') return res.body
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    company = await generateBenchCompany(handle.db, { employees: 40, supervisors: 4, managers: 1 })
    cycleId = await finishedBenchCycle({ db: handle.db, now }, company)
    await handle.db
      .insertInto('users')
      .values({
        company_id: company.companyId,
        username: 'caiwu',
        password_hash: await hashPassword('jixiao123'),
        role: 'finance',
        employee_id: null,
        display_name: '财务',
      })
      .execute()
    const version = await sql<{ definition: Template }>`select definition from template_versions
        where id = (select template_version_id from appraisal_sheets where cycle_id = ${cycleId} limit 1)`.execute(
      handle.db,
    )
    pinned = version.rows[0]!.definition
    app = createApp({ db: handle.db, engine, now })
    const client = () => createApiClient((p, i) => app.request(p, i))
    ;[admin, finance, supervisor] = [client(), client(), client()]
    expect((await admin.login(company.users.admin)).status).toBe(200)
    expect((await finance.login('caiwu')).status).toBe(200)
    expect((await supervisor.login(company.users.supervisor)).status).toBe(200)
  }, 120_000)
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('simulates a changed weight for finance and exports it', async () => {
    const draft = structuredClone(pinned)
    for (const indicator of draft.dimensions[0]!.indicators) {
      if (indicator.key === 'customer_reviews') indicator.maxPoints = 35
      if (indicator.key === 'complaint_handling_rate') indicator.maxPoints = 15
    }
    const started = await finance.post<SimulationStarted>(`/api/cycles/${cycleId}/simulations`, {
      template: draft,
    })
    expect(started.status).toBe(202)
    const done = await waitFor(finance, started.body.simulationId)
    expect(done.status).toBe('succeeded')
    expect(done.done).toBe(40)
    const simulation = done.simulation!
    expect(simulation.rows).toHaveLength(40)
    expect(simulation.rows.filter((r) => r.changed).map((r) => r.sheetId % 2)).toEqual(
      simulation.rows.filter((r) => r.sheetId % 2 === 1).map(() => 1),
    )
    expect(simulation.all.people).toBe(40)
    const res = await app.request(`/api/cycles/${cycleId}/simulations/${simulation.id}/export?language=en`, {
      headers: { cookie: finance.cookie ?? '' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await res.arrayBuffer()) as ArrayBuffer)
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['People', 'Department totals'])
    expect(workbook.worksheets[0]!.rowCount).toBe(41)
  })

  it('simulates a saved template version as the draft', async () => {
    const started = await admin.post<SimulationStarted>(`/api/cycles/${cycleId}/simulations`, {
      templateVersionId: (
        await sql<{
          id: number
        }>`select template_version_id as id from appraisal_sheets where cycle_id = ${cycleId} limit 1`.execute(
          handle.db,
        )
      ).rows[0]!.id,
    })
    expect(started.status).toBe(202)
    const done = await waitFor(admin, started.body.simulationId)
    expect(done.simulation!.rows.filter((r) => r.changed)).toEqual([])
  })

  it('refuses other roles, empty or invalid requests and unknown ids', async () => {
    expect((await supervisor.post(`/api/cycles/${cycleId}/simulations`, { template: pinned })).status).toBe(
      403,
    )
    const empty = await admin.post<ErrorBody>(`/api/cycles/${cycleId}/simulations`, {})
    expect(empty.status).toBe(400)
    expect(empty.body.error.issues?.[0]?.path).toBe('template')
    const badScheme = await admin.post<ErrorBody>(`/api/cycles/${cycleId}/simulations`, {
      payScheme: { code: 'x', name: { 'zh-CN': '方案', en: 'Scheme' }, lines: [] },
    })
    expect(badScheme.status).toBe(400)
    expect(badScheme.body.error.issues?.[0]?.path).toMatch(/^payScheme\.lines/)
    expect((await admin.post(`/api/cycles/${cycleId + 999}/simulations`, { template: pinned })).status).toBe(
      404,
    )
    expect((await admin.get(`/api/cycles/${cycleId}/simulations/999999`)).status).toBe(404)
  })

  it('refuses a cycle without computed sheets (409)', async () => {
    const open = await sql<{
      id: number
    }>`insert into cycles (company_id, name, kind, period_start, period_end, status, participants, settings, deadlines)
        values (${company.companyId}, '2026-10', 'monthly', '2026-10-01', '2026-10-31', 'open', '{}', '{}', '{}') returning id`.execute(
      handle.db,
    )
    const res = await admin.post<ErrorBody>(`/api/cycles/${open.rows[0]!.id}/simulations`, {
      template: pinned,
    })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('invalid_state')
  })
})
