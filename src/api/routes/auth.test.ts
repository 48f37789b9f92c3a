import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { insertUser } from '../../db/user-repository.ts'
import { hashPassword } from '../../services/auth/password.ts'
import { createApp } from '../create-app.ts'
import { createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation, testCompanyCode } from '../testing/seed-test-organisation.ts'

describe.each(await testEngines())('auth routes on %s', (engine) => {
  let handle: TestDatabase
  let seeded: ReturnType<typeof seedTestOrganisation>
  let clock = new Date('2026-03-01T08:00:00Z')
  const now = () => clock
  const app = (addressMaxFailures = 5) =>
    createApp({
      db: handle.db,
      engine,
      now,
      loginRateLimit: { freeFailures: 3, addressMaxFailures, addressWindowMs: 10 * 60_000 },
      trustedProxies: ['10.0.0.0/8'],
    })

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    seeded = seedTestOrganisation(handle.db)
    await seeded
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('answers a wrong username and a wrong password with the identical 401', async () => {
    const a = app()
    const api = createApiClient((p, i) => a.request(p, i))
    const wrongPassword = await api.login('admin', 'not-the-password')
    const unknownUser = await api.login('nobody', 'jixiao123')
    expect(wrongPassword.status).toBe(401)
    expect(unknownUser.status).toBe(401)
    expect(unknownUser.body).toEqual(wrongPassword.body)
    expect(wrongPassword.body).toEqual({ error: { code: 'unauthenticated', message: '用户名或密码错误' } })
    expect(wrongPassword.headers.get('set-cookie')).toBeNull()
  })

  // Requests as if they came from a socket peer, with optional extra headers (e.g. X-Forwarded-For).
  const from = (a: ReturnType<typeof app>, peer: string, headers: Record<string, string> = {}) =>
    createApiClient((p, i) => {
      const h = new Headers(i?.headers)
      for (const [k, v] of Object.entries(headers)) h.set(k, v)
      return a.request(p, { ...i, headers: h }, { incoming: { socket: { remoteAddress: peer } } })
    })

  it('lets the owner in from another address after 20 wrong passwords for admin from one address (no lockout)', async () => {
    const a = app()
    const attacker = from(a, '203.0.113.7')
    const statuses: number[] = []
    for (let i = 0; i < 20; i++) statuses.push((await attacker.login('admin', `guess-${i}`)).status)
    // The first failures are plain 401s; then the attacker's address is answered 429 without a check.
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401])
    expect(statuses.slice(3).every((s) => s === 429)).toBe(true)
    const owner = from(a, '198.51.100.2')
    expect((await owner.login('admin')).status).toBe(200)
    // Even the right password waits at the attacker's address, with Retry-After and a message saying how long.
    const blocked = await attacker.login('admin')
    expect(blocked.status).toBe(429)
    expect(blocked.body).toMatchObject({
      error: { code: 'rate_limited', message: expect.stringContaining('秒') },
    })
    expect(Number(blocked.headers.get('retry-after'))).toBe(1)
    clock = new Date(clock.getTime() + 1000)
    expect((await attacker.login('admin')).status).toBe(200)
  })

  it('grows the delay of one (account, address) pair with each further failure', async () => {
    const a = app(50)
    const attacker = from(a, '203.0.113.8')
    for (let i = 0; i < 3; i++) expect((await attacker.login('hr', 'wrong')).status).toBe(401)
    const waits: number[] = []
    for (let i = 0; i < 4; i++) {
      const blocked = await attacker.login('hr', 'wrong')
      waits.push(Number(blocked.headers.get('retry-after')))
      clock = new Date(clock.getTime() + waits[i]! * 1000)
      expect((await attacker.login('hr', 'wrong')).status).toBe(401) // waited: checked, wrong again
    }
    expect(waits).toEqual([1, 2, 4, 8])
  })

  it('limits failed logins per client address across usernames (password spraying)', async () => {
    const a = app()
    const sprayer = from(a, '203.0.113.9')
    for (const u of ['u1', 'u2', 'u3', 'u4', 'u5']) expect((await sprayer.login(u, 'x')).status).toBe(401)
    const blocked = await sprayer.login('admin')
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBe(600)
    expect((await from(a, '198.51.100.3').login('admin')).status).toBe(200)
  })

  it('ignores X-Forwarded-For unless the socket peer is a trusted proxy', async () => {
    const a = app() // trusts 10.0.0.0/8 only
    // A client forging a fresh X-Forwarded-For on each try is still counted by its own address.
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) {
      const forger = from(a, '203.0.113.10', { 'x-forwarded-for': `192.0.2.${i}` })
      statuses.push((await forger.login('finance', 'wrong')).status)
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429])
  })

  it('behind a trusted proxy, throttles each forwarded client separately', async () => {
    const a = app()
    const viaProxy = (client: string) =>
      from(a, '::ffff:10.1.2.3', { 'x-forwarded-for': `${client}, 10.9.9.9` })
    const attacker = viaProxy('203.0.113.11')
    for (let i = 0; i < 3; i++) expect((await attacker.login('admin', 'wrong')).status).toBe(401)
    expect((await attacker.login('admin')).status).toBe(429)
    // Another employee behind the same proxy is a different client: not delayed.
    expect((await viaProxy('198.51.100.4').login('admin')).status).toBe(200)
  })

  it('expires a session after 12 hours', async () => {
    const a = app()
    const api = createApiClient((p, i) => a.request(p, i))
    expect((await api.login('finance')).status).toBe(200)
    clock = new Date(clock.getTime() + 12 * 3600_000 - 1000)
    expect((await api.get('/api/auth/me')).status).toBe(200)
    clock = new Date(clock.getTime() + 2000)
    const expired = await api.get('/api/auth/me')
    expect(expired.status).toBe(401)
    expect(expired.body).toMatchObject({ error: { code: 'unauthenticated' } })
  })

  it('replaces the previous session on a new login instead of leaving both alive', async () => {
    const a = app()
    const api = createApiClient((p, i) => a.request(p, i))
    await api.login('dianzhang')
    const first = api.cookie!
    await api.login('dianzhang')
    expect(api.cookie).not.toBe(first)
    expect((await api.raw('/api/auth/me', { headers: { cookie: first } })).status).toBe(401)
    expect((await api.get('/api/auth/me')).status).toBe(200)
  })

  it('ends a session at logout although the process keeps sessions it read for a few seconds', async () => {
    const a = app()
    const api = createApiClient((p, i) => a.request(p, i))
    expect((await api.login('hr')).status).toBe(200)
    const cookie = api.cookie!
    // Read twice, so the second answer may come from the session cache.
    expect((await api.get('/api/auth/me')).status).toBe(200)
    expect((await api.get('/api/auth/me')).status).toBe(200)
    expect((await api.post('/api/auth/logout', {})).status).toBe(204)
    expect((await api.raw('/api/auth/me', { headers: { cookie } })).status).toBe(401)
  })

  it('ends every other session of the user on a password change, keeping the one that changed it', async () => {
    const a = app()
    const laptop = createApiClient((p, i) => a.request(p, i))
    const phone = createApiClient((p, i) => a.request(p, i))
    expect((await laptop.login('zhuguan')).status).toBe(200)
    expect((await phone.login('zhuguan')).status).toBe(200)
    expect((await phone.get('/api/auth/me')).status).toBe(200) // now in this process's session cache
    const changed = await laptop.post('/api/auth/password', {
      currentPassword: 'jixiao123',
      newPassword: '春天的樱桃-绩效-2027',
    })
    expect(changed).toMatchObject({ status: 200, body: { endedSessions: 1 } })
    expect((await phone.get('/api/auth/me')).status).toBe(401)
    expect((await laptop.get('/api/auth/me')).status).toBe(200)
    expect((await phone.login('zhuguan')).status).toBe(401) // the old password no longer works
    expect((await phone.login('zhuguan', '春天的樱桃-绩效-2027')).status).toBe(200)
    // The change is in the audit log (never the password or its hash).
    const admin = createApiClient((p, i) => a.request(p, i))
    await admin.login('admin')
    const org = await seeded
    const audit = await admin.get<{ items: { action: string; after: unknown }[] }>(
      `/api/audit?entity=user&entityId=${org.users.zhuguan}`,
    )
    expect(audit.body.items).toEqual([
      expect.objectContaining({ action: 'user.password_change', after: { endedSessions: 1 } }),
    ])
  })

  it.each([
    ['short-1', '密码至少 10 个字符'],
    ['DianZhang', '密码至少 10 个字符'],
    ['Password123', '密码过于常见'],
    ['1qaz2wsx3edc', '密码过于常见'],
  ])('refuses the weak new password %s, naming the rule', async (newPassword, rule) => {
    const a = app()
    const api = createApiClient((p, i) => a.request(p, i))
    await api.login('dianzhang')
    const res = await api.post('/api/auth/password', { currentPassword: 'jixiao123', newPassword })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({
      error: {
        code: 'invalid_input',
        issues: [{ path: 'newPassword', message: expect.stringContaining(rule) }],
      },
    })
  })

  it('refuses a new password equal to the username and a wrong current password, naming the field', async () => {
    const a = app()
    const org = await seeded
    await insertUser(handle.db, {
      companyId: org.companyId,
      username: 'wang.xiaoming',
      passwordHash: await hashPassword('jixiao123'),
      role: 'employee',
      employeeId: null,
      displayName: '王小明',
    })
    const api = createApiClient((p, i) => a.request(p, i))
    expect((await api.login('wang.xiaoming')).status).toBe(200)
    const sameAsName = await api.post('/api/auth/password', {
      currentPassword: 'jixiao123',
      newPassword: 'Wang.XiaoMing',
    })
    expect(sameAsName.body).toMatchObject({
      error: { code: 'invalid_input', issues: [{ path: 'newPassword', message: '密码不能与用户名相同' }] },
    })
    const wrongCurrent = await api.post('/api/auth/password', {
      currentPassword: 'not-it',
      newPassword: 'a-long-and-unusual-one',
    })
    expect(wrongCurrent.body).toMatchObject({
      error: { code: 'invalid_input', issues: [{ path: 'currentPassword', message: '当前密码不正确' }] },
    })
    // Without a session the route is closed.
    const anonymous = createApiClient((p, i) => a.request(p, i))
    const closed = await anonymous.post('/api/auth/password', { currentPassword: 'x', newPassword: 'y' })
    expect(closed.status).toBe(401)
  })

  it('signs the user out on every device with logout?everywhere=true', async () => {
    const a = app()
    const laptop = createApiClient((p, i) => a.request(p, i))
    const phone = createApiClient((p, i) => a.request(p, i))
    const other = createApiClient((p, i) => a.request(p, i))
    await laptop.login('finance')
    await phone.login('finance')
    await other.login('hr')
    expect((await phone.get('/api/auth/me')).status).toBe(200)
    expect((await laptop.post('/api/auth/logout?everywhere=true', {})).status).toBe(204)
    expect((await phone.get('/api/auth/me')).status).toBe(401)
    expect((await other.get('/api/auth/me')).status).toBe(200) // another user's sessions are untouched
  })

  it('refuses /me without a cookie and with a forged one', async () => {
    const a = app()
    const anonymous = await a.request('/api/auth/me')
    expect(anonymous.status).toBe(401)
    const forged = await a.request('/api/auth/me', {
      headers: { cookie: `jixiao_session=${'A'.repeat(43)}` },
    })
    expect(forged.status).toBe(401)
  })

  it('marks the cookie Secure when the request came over https', async () => {
    const a = app()
    const res = await a.request('https://jixiao.example/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ companyCode: testCompanyCode, username: 'admin', password: 'jixiao123' }),
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/)
  })

  it('validates the login body and names the field', async () => {
    const a = app()
    const api = createApiClient((p, i) => a.request(p, i))
    const res = await api.post('/api/auth/login', { username: 'admin' })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: { code: 'invalid_input', issues: [{ path: 'password' }] } })
  })
})
