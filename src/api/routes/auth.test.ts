import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { createApp } from '../create-app.ts'
import { createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation } from '../testing/seed-test-organisation.ts'

describe.each(await testEngines())('auth routes on %s', (engine) => {
  let handle: TestDatabase
  let clock = new Date('2026-03-01T08:00:00Z')
  const now = () => clock
  const app = () =>
    createApp({ db: handle.db, engine, now, loginRateLimit: { maxFailures: 3, windowMs: 10 * 60_000 } })

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    await seedTestOrganisation(handle.db)
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

  it('limits failed logins per username with 429 and Retry-After, and frees them after the window', async () => {
    const a = app()
    // Each attempt from a different address, so only the username limit applies.
    let n = 0
    const api = createApiClient((p, i) =>
      a.request(p, i, { incoming: { socket: { remoteAddress: `10.0.0.${++n}`, remoteFamily: 'IPv4' } } }),
    )
    for (let i = 0; i < 3; i++) expect((await api.login('hr', 'wrong')).status).toBe(401)
    const blocked = await api.login('hr') // even the right password is refused while blocked
    expect(blocked.status).toBe(429)
    expect(blocked.body).toMatchObject({ error: { code: 'rate_limited' } })
    expect(Number(blocked.headers.get('retry-after'))).toBe(600)
    expect((await api.login('admin')).status).toBe(200) // another username is not blocked by this one…
    clock = new Date(clock.getTime() + 10 * 60_000 + 1000)
    expect((await api.login('hr')).status).toBe(200) // …and the window slides on
  })

  it('limits failed logins per client address across usernames', async () => {
    const a = app()
    const api = createApiClient((p, i) => a.request(p, i))
    // app.request has no socket, so every request shares the address "unknown".
    for (const u of ['u1', 'u2', 'u3']) expect((await api.login(u, 'x')).status).toBe(401)
    expect((await api.login('u4', 'x')).status).toBe(429)
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
      body: JSON.stringify({ username: 'admin', password: 'jixiao123' }),
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
