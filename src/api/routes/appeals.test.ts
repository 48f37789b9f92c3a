import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { insertUser } from '../../db/user-repository.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../testing/seed-test-organisation.ts'

// The appeal handlers HR chooses from when taking up an appeal: the company's HR users only, for HR and admin.

describe.each(await testEngines())('appeal handlers on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  const clients: Record<string, ApiClient> = {}

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    const passwordHash = (
      await handle.db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', org.users.hr)
        .executeTakeFirstOrThrow()
    ).password_hash
    // a second HR user here, and one in the other company who must never be offered
    await insertUser(handle.db, {
      companyId: org.companyId,
      username: 'hr2',
      passwordHash,
      role: 'hr',
      employeeId: null,
      displayName: '招聘专员',
    })
    await insertUser(handle.db, {
      companyId: org.otherCompanyId,
      username: 'b_hr',
      passwordHash,
      role: 'hr',
      employeeId: null,
      displayName: '乙店人事',
    })
    const app = createApp({ db: handle.db, engine, now: () => new Date('2026-10-09T02:00:00Z') })
    for (const name of ['admin', 'hr', 'zhuguan', 'xiaobing']) {
      clients[name] = createApiClient((p, i) => app.request(p, i))
      expect((await clients[name].login(name)).status).toBe(200)
    }
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('lists the company’s HR users by name for HR and admin', async () => {
    for (const name of ['hr', 'admin']) {
      const res = await clients[name]!.get<{ items: { id: number; name: string }[] }>('/api/appeal-handlers')
      expect(res.status).toBe(200)
      expect(res.body.items.map((h) => h.name).sort()).toEqual(['人事', '招聘专员'].sort())
      expect(res.body.items.find((h) => h.name === '人事')?.id).toBe(org.users.hr)
    }
  })

  it('refuses supervisors and employees', async () => {
    expect((await clients.zhuguan!.get('/api/appeal-handlers')).status).toBe(403)
    expect((await clients.xiaobing!.get('/api/appeal-handlers')).status).toBe(403)
  })
})
