import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DirectorySyncResult, DirectorySyncRun } from '../../contracts/directory.ts'
import { saveIdentityProvider } from '../../db/identity-provider-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { documentedProviderEndpoints } from '../../services/identity/provider-endpoints.ts'
import { createShopDirectory } from '../../test-support/directory-providers/contact-fixture.ts'
import { createContactState } from '../../test-support/directory-providers/contact-state.ts'
import { type RunningFake, startFakeServer } from '../../test-support/directory-providers/fake-directory.ts'
import { createWecomContactsApp } from '../../test-support/directory-providers/wecom-contacts.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../testing/seed-test-organisation.ts'

describe.each(await testEngines())('directory sync routes on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let fake: RunningFake
  let admin: ApiClient
  let hr: ApiClient
  const directory = createShopDirectory()

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    fake = await startFakeServer(createWecomContactsApp(directory, createContactState(2)))
    const app = createApp({
      db: handle.db,
      engine,
      providerEndpoints: { ...documentedProviderEndpoints, wecomApi: fake.url },
    })
    admin = createApiClient((p, i) => app.request(p, i))
    hr = createApiClient((p, i) => app.request(p, i))
    expect((await admin.login('admin')).status).toBe(200)
    expect((await hr.login('hr')).status).toBe(200)
    await saveIdentityProvider(
      handle.db,
      org.companyId,
      'wecom',
      {
        displayName: '企业微信',
        clientId: directory.corpId,
        clientSecret: directory.clientSecret,
        issuer: null,
        corpId: directory.corpId,
        agentId: '1000002',
        matchIdentityField: 'userid',
        matchEmployeeField: 'employee_no',
        enabled: true,
      },
      new Date(),
    )
  })
  afterAll(async () => {
    await fake.close()
    await closeTestDatabase(handle)
  })

  it('is for admins only', async () => {
    expect((await hr.post('/api/directory/wecom/preview', {})).status).toBe(403)
    expect((await hr.get('/api/directory/runs')).status).toBe(403)
  })

  it('names an unknown provider kind in the path', async () => {
    const res = await admin.post('/api/directory/slack/preview', {})
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: { code: 'invalid_input', issues: [{ path: 'kind' }] } })
  })

  it('answers 404 for a provider the company has not configured', async () => {
    const res = await admin.post('/api/directory/feishu/preview', {})
    expect(res.status).toBe(404)
  })

  it('refuses the first apply with 409 until a preview was shown, then applies and is idempotent', async () => {
    const refused = await admin.post('/api/directory/wecom/apply', {})
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ error: { code: 'invalid_state' } })

    const preview = await admin.post<DirectorySyncResult>('/api/directory/wecom/preview', {})
    expect(preview.status).toBe(200)
    // WeCom has no employee numbers: its userids become 工号, so the seeded E001… are not found and would leave.
    expect(preview.body.counts).toMatchObject({ created: 6, markedLeft: 6 })
    expect(preview.body.created.find((p) => p.employeeNo === 'bing')).toMatchObject({
      department: '售后组',
      managerNo: 'li',
    })

    const applied = await admin.post<DirectorySyncResult>('/api/directory/wecom/apply', {})
    expect(applied.status).toBe(200)
    expect(applied.body.mode).toBe('apply')
    const again = await admin.post<DirectorySyncResult>('/api/directory/wecom/apply', {})
    expect(again.body.counts).toMatchObject({ created: 0, changed: 0, markedLeft: 0, unchanged: 6 })

    const runs = await admin.get<{ items: DirectorySyncRun[] }>('/api/directory/runs')
    expect(runs.body.items.map((r) => [r.kind, r.mode, r.status, r.trigger])).toEqual([
      ['wecom', 'apply', 'ok', 'web'],
      ['wecom', 'apply', 'ok', 'web'],
      ['wecom', 'preview', 'ok', 'web'],
    ])
    expect(runs.body.items[0]).toMatchObject({ actorName: '管理员', counts: { unchanged: 6 } })
  })

  it('turns the daily sync on and off, audited, and names a bad body', async () => {
    const on = await admin.patch('/api/directory/wecom/daily', { syncDaily: true })
    expect(on.status).toBe(200)
    expect(on.body).toEqual({ kind: 'wecom', syncDaily: true })
    const providers = await admin.get<{ items: { kind: string; syncDaily: boolean }[] }>(
      '/api/identity-providers',
    )
    expect(providers.body.items.find((p) => p.kind === 'wecom')?.syncDaily).toBe(true)
    const bad = await admin.patch('/api/directory/wecom/daily', { syncDaily: 'yes' })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ error: { issues: [{ path: 'syncDaily' }] } })
    expect((await admin.patch('/api/directory/feishu/daily', { syncDaily: true })).status).toBe(404)
  })

  it('answers 502 naming the provider and its code when the provider refuses', async () => {
    directory.clientSecret = 'rotated'
    const res = await admin.post('/api/directory/wecom/preview', {})
    expect(res.status).toBe(502)
    expect(res.body).toMatchObject({
      error: { code: 'provider_failed', message: expect.stringMatching(/^企业微信接口 .* 返回错误码 40001/) },
    })
  })
})
