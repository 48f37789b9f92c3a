import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeTestDatabase } from '../../api/testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../../api/testing/seed-test-organisation.ts'
import { listSyncRuns } from '../../db/directory-sync-repository.ts'
import { saveIdentityProvider } from '../../db/identity-provider-repository.ts'
import { listNotifications } from '../../db/notification-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { createShopDirectory } from '../../test-support/directory-providers/contact-fixture.ts'
import { createContactState } from '../../test-support/directory-providers/contact-state.ts'
import { createDingtalkContactsApp } from '../../test-support/directory-providers/dingtalk-contacts.ts'
import { type RunningFake, startFakeServer } from '../../test-support/directory-providers/fake-directory.ts'
import { type DailySyncDeps, runDueDirectorySyncs } from './start-daily-directory-sync.ts'
import { syncDirectory } from './sync-directory.ts'

describe.each(await testEngines())('daily directory sync on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let fake: RunningFake
  let deps: DailySyncDeps
  let now = new Date('2026-12-06T02:00:00Z')
  const directory = createShopDirectory()

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    fake = await startFakeServer(createDingtalkContactsApp(directory, createContactState(5)))
    deps = {
      db: handle.db,
      now: () => now,
      http: { fetch: (i, init) => fetch(i, init), sleep: async () => {}, now: () => now },
      baseUrls: { dingtalk: fake.url, feishu: 'http://127.0.0.1:9', wecom: 'http://127.0.0.1:9' },
    }
    await saveIdentityProvider(
      handle.db,
      org.companyId,
      'dingtalk',
      {
        displayName: '钉钉',
        clientId: directory.clientId,
        clientSecret: directory.clientSecret,
        issuer: null,
        corpId: null,
        agentId: null,
        matchIdentityField: 'mobile',
        matchEmployeeField: 'phone',
        enabled: true,
        syncDaily: true,
      },
      now,
    )
  })
  afterAll(async () => {
    await fake.close()
    await closeTestDatabase(handle)
  })

  it('does not run before a person has applied the first sync (which needs a preview)', async () => {
    expect(await runDueDirectorySyncs(deps)).toEqual([])
    expect(await listSyncRuns(handle.db, org.companyId, 5)).toEqual([])
  })

  it('runs once a company day after the first apply', async () => {
    const manual = {
      companyId: org.companyId,
      kind: 'dingtalk' as const,
      trigger: 'web' as const,
      actorUserId: org.users.admin,
    }
    await syncDirectory(deps, { ...manual, mode: 'preview' })
    await syncDirectory(deps, { ...manual, mode: 'apply' })
    expect(await runDueDirectorySyncs(deps)).toEqual([
      { companyId: org.companyId, kind: 'dingtalk', status: 'ok' },
    ])
    now = new Date('2026-12-06T15:00:00Z') // 23:00 in China: the same day
    expect(await runDueDirectorySyncs(deps)).toEqual([])
    now = new Date('2026-12-06T16:30:00Z') // 00:30 on the 7th in China
    expect(await runDueDirectorySyncs(deps)).toHaveLength(1)
    const runs = await listSyncRuns(handle.db, org.companyId, 10)
    expect(runs.filter((r) => r.trigger === 'daily').map((r) => [r.mode, r.status, r.actorName])).toEqual([
      ['apply', 'ok', null],
      ['apply', 'ok', null],
    ])
  })

  it('records a failure and tells the admins in-app, without throwing', async () => {
    directory.clientSecret = 'rotated'
    now = new Date('2026-12-08T02:00:00Z')
    const [report] = await runDueDirectorySyncs(deps)
    expect(report).toMatchObject({ status: 'failed', message: expect.stringContaining('40089') })
    expect((await listSyncRuns(handle.db, org.companyId, 1))[0]).toMatchObject({
      trigger: 'daily',
      status: 'failed',
    })
    const inbox = await listNotifications(handle.db, org.companyId, org.users.admin)
    expect(inbox.items[0]).toMatchObject({ kind: 'directory.sync_failed', title: '钉钉通讯录每日同步失败' })
    const hrInbox = await listNotifications(handle.db, org.companyId, org.users.hr)
    expect(hrInbox.items.filter((n) => n.kind === 'directory.sync_failed')).toEqual([])
    // A failed day is not retried every hour.
    expect(await runDueDirectorySyncs(deps)).toEqual([])
  })
})
