import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AttributionItem } from '../../contracts/ingest-api.ts'
import { listAudit } from '../../db/audit-log-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../testing/seed-test-organisation.ts'

// The attribution table over HTTP on both engines: create, replace and delete (each audited), the checks on
// employee and team (other companies' are not found), and the roles that may change it.

describe.each(await testEngines())('attribution routes on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let hr: ApiClient
  let finance: ApiClient

  const put = (client: ApiClient, body: unknown) =>
    client.raw<AttributionItem & { error: { issues: { path: string }[] } }>('/api/attributions', {
      method: 'PUT',
      headers: { 'x-csrf-token': client.csrfToken ?? '', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    const app = createApp({ db: handle.db, engine })
    hr = createApiClient((p, i) => app.request(p, i))
    finance = createApiClient((p, i) => app.request(p, i))
    await hr.login('hr')
    await finance.login('finance')
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('credits a name to an employee, replaces it, and deletes it, auditing each change', async () => {
    const first = await put(hr, {
      sourceKind: 'host',
      sourceName: '主播小红',
      employeeId: org.employees.E005,
      departmentId: null,
      shop: null,
    })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ sourceName: '主播小红', employeeName: '王运营' })
    const second = await put(hr, {
      sourceKind: 'host',
      sourceName: '主播小红',
      employeeId: org.employees.E003,
      departmentId: org.departments.service,
      shop: null,
    })
    expect(second.body).toMatchObject({ id: first.body.id, employeeName: '小冰', departmentName: '客服部' })
    const list = await finance.get<{ items: AttributionItem[] }>('/api/attributions')
    expect(list.body.items).toHaveLength(1)
    expect((await hr.delete(`/api/attributions/${first.body.id}`)).status).toBe(204)
    expect((await hr.delete(`/api/attributions/${first.body.id}`)).status).toBe(404)
    const audit = await listAudit(handle.db, org.companyId, { entity: 'attribution' })
    expect(audit.map((a) => a.action).sort()).toEqual([
      'attribution.created',
      'attribution.deleted',
      'attribution.updated',
    ])
  })

  it('refuses an attribution to nobody, to another company’s employee or team, and from finance', async () => {
    const nobody = await put(hr, {
      sourceKind: 'agent_nick',
      sourceName: 'x',
      employeeId: null,
      departmentId: null,
      shop: null,
    })
    expect(nobody.status).toBe(400)
    expect(nobody.body.error.issues[0]?.path).toBe('employeeId')
    const foreign = { sourceKind: 'agent_nick', sourceName: 'x', departmentId: null, shop: null }
    expect((await put(hr, { ...foreign, employeeId: org.employees.B001 })).status).toBe(404)
    expect((await put(hr, { ...foreign, employeeId: null, departmentId: 999999 })).status).toBe(404)
    expect((await put(hr, { ...foreign, sourceKind: 'planet', employeeId: org.employees.E003 })).status).toBe(
      400,
    )
    expect((await put(finance, { ...foreign, employeeId: org.employees.E003 })).status).toBe(403)
    expect((await hr.get<{ items: unknown[] }>('/api/attributions/unmapped')).body.items).toEqual([])
  })
})
