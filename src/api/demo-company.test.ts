import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../db/test-database.ts'
import { loadDemoCompany } from '../services/demo/load-demo-company.ts'
import { createApp } from './create-app.ts'
import { type ApiClient, createApiClient } from './testing/api-client.ts'

type Page = { items: { id: number; name: string; managerName: string | null }[]; total: number }

// The demo company as a user meets it: every demo account signs in with jixiao123 and sees what its role allows.
describe('demo company over the API', () => {
  let handle: TestDatabase
  let app: ReturnType<typeof createApp>
  const signIn = async (username: string): Promise<ApiClient> => {
    const api = createApiClient((p, i) => app.request(p, i))
    const res = await api.login(username, 'jixiao123')
    expect(res.status, username).toBe(200)
    return api
  }

  beforeAll(async () => {
    handle = await createTestDatabase('pglite')
    await loadDemoCompany(handle.db)
    app = createApp({ db: handle.db, engine: 'pglite' })
  })
  afterAll(async () => {
    await handle?.close()
  })

  it('signs in every demo account with its role', async () => {
    for (const [username, role] of [
      ['admin', 'admin'],
      ['hr', 'hr'],
      ['finance', 'finance'],
      ['dianzhang', 'supervisor'],
      ['xiaobing', 'employee'],
    ] as const) {
      const me = await (await signIn(username)).get<{ user: { role: string } }>('/api/auth/me')
      expect(me.body.user.role, username).toBe(role)
    }
  })

  it('lets hr see the whole company, the 店长 a reporting tree holding 小冰 and 小焦, and 小冰 only herself', async () => {
    const all = await (await signIn('hr')).get<Page>('/api/employees?pageSize=200')
    expect(all.body.total).toBeGreaterThanOrEqual(20)
    const tree = await (await signIn('dianzhang')).get<Page>('/api/employees?pageSize=200')
    const names = tree.body.items.map((e) => e.name)
    expect(names).toEqual(expect.arrayContaining(['小冰', '小焦']))
    expect(tree.body.total).toBeLessThanOrEqual(all.body.total)
    const self = await (await signIn('xiaobing')).get<Page>('/api/employees')
    expect(self.body.items.map((e) => e.name)).toEqual(['小冰'])
  })
})
