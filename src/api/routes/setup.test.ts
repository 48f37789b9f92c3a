import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { createApp } from '../create-app.ts'
import { createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'

// The first-run setup page's routes on an empty database: status, validation naming each field, creation
// that signs the admin in, 409 afterwards; then logins with the company code.
describe.each(await testEngines())('setup routes on %s', (engine) => {
  let handle: TestDatabase
  let app: ReturnType<typeof createApp>
  const password = '春天的樱桃-绩效-2026'
  const valid = {
    companyName: '杭州甲乙电子商务有限公司',
    companyCode: 'Jiayi-Shop',
    adminUsername: 'Boss',
    password,
    passwordRepeat: password,
  }
  const client = () => createApiClient((p, i) => app.request(p, i))

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    app = createApp({ db: handle.db, engine })
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('says setup is needed on an empty database, and a login without a company answers 401', async () => {
    const api = client()
    expect(await api.get('/api/setup')).toMatchObject({ status: 200, body: { needed: true } })
    expect((await api.login('admin', password)).status).toBe(401)
  })

  it.each([
    ['companyName', { companyName: '  ' }],
    ['companyName', { companyName: '公'.repeat(101) }],
    ['companyCode', { companyCode: 'a' }],
    ['companyCode', { companyCode: '甲乙' }],
    ['companyCode', { companyCode: 'has space' }],
    ['companyCode', { companyCode: 'x'.repeat(33) }],
    ['adminUsername', { adminUsername: '' }],
    ['adminUsername', { adminUsername: 'a b' }],
    ['passwordRepeat', { passwordRepeat: `${password}!` }],
    ['password', { password: 'short', passwordRepeat: 'short' }],
    ['password', { password: 'jiayi-shop', passwordRepeat: 'jiayi-shop' }],
    ['password', { password: 'BOSS', passwordRepeat: 'BOSS' }],
    ['password', { password: 'password123', passwordRepeat: 'password123' }],
  ])('refuses a bad %s with 400 naming it (%j)', async (field, change) => {
    const res = await client().post('/api/setup', { ...valid, ...change })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: { code: 'invalid_input', issues: [{ path: field }] } })
    expect(await client().get('/api/setup')).toMatchObject({ body: { needed: true } })
  })

  it('creates the company with its admin, the template library and the audit rows, and signs the admin in', async () => {
    const api = client()
    const res = await api.post<{ user: Record<string, unknown>; csrfToken: string }>('/api/setup', valid)
    expect(res.status).toBe(201)
    expect(res.body.user).toMatchObject({
      username: 'Boss',
      role: 'admin',
      employeeId: null,
      companyName: valid.companyName,
      companyCode: 'jiayi-shop',
      companyIsDemo: false,
    })
    expect(res.headers.get('set-cookie')).toMatch(/^jixiao_session=/)
    api.csrfToken = res.body.csrfToken
    expect(await api.get('/api/auth/me')).toMatchObject({ status: 200, body: { user: { username: 'Boss' } } })
    const templates = await api.get<{ items: { origin: string }[] }>('/api/templates')
    expect(templates.status).toBe(200)
    expect(templates.body.items.length).toBeGreaterThan(10)
    expect(templates.body.items.every((t) => t.origin === 'builtin')).toBe(true)
    const audit = await handle.db.selectFrom('audit_log').select(['action', 'entity']).orderBy('id').execute()
    expect(audit.map((a) => a.action)).toEqual(['company.create', 'user.create'])
    expect(await api.get('/api/setup')).toMatchObject({ status: 200, body: { needed: false } })
  })

  it('answers 409 once a company exists, and creates nothing', async () => {
    const res = await client().post('/api/setup', { ...valid, companyCode: 'second' })
    expect(res.status).toBe(409)
    const companies = await handle.db.selectFrom('companies').select('code').execute()
    expect(companies).toEqual([{ code: 'jiayi-shop' }])
  })

  it('signs in with the company code in any case and the username in any case', async () => {
    expect((await client().login('boss', password, 'JIAYI-SHOP')).status).toBe(200)
    // With one company in the database the code may be left out.
    expect((await client().login('BOSS', password)).status).toBe(200)
  })

  it('answers an unknown company code exactly like a wrong password', async () => {
    const unknownCompany = await client().login('boss', password, 'nobody-here')
    const wrongPassword = await client().login('boss', 'not-the-password', 'jiayi-shop')
    expect(unknownCompany.status).toBe(401)
    expect(unknownCompany.body).toEqual(wrongPassword.body)
  })
})
