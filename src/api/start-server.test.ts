import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase, testEngines } from '../db/test-database.ts'
import { type RunningServer, startServer } from './start-server.ts'
import { type ApiClient, createApiClient } from './testing/api-client.ts'
import { closeTestDatabase } from './testing/close-test-database.ts'
import { seedTestOrganisation } from './testing/seed-test-organisation.ts'

// The whole auth flow over a real socket, as a browser would use it, on each database engine.
describe.each(await testEngines())('server over a real socket on %s', (engine) => {
  let handle: TestDatabase
  let server: RunningServer
  let webRoot: string
  const client = (): ApiClient => createApiClient((path, init) => fetch(server.url + path, init))

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    await seedTestOrganisation(handle.db)
    webRoot = mkdtempSync(join(tmpdir(), 'jixiao-web-'))
    mkdirSync(join(webRoot, 'assets'))
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>绩效</title><div id="root"></div>')
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log("jixiao")')
    server = await startServer({ db: handle.db, engine: handle.engine, port: 0, host: '127.0.0.1', webRoot })
  })
  afterAll(async () => {
    await server?.close()
    await closeTestDatabase(handle)
  })

  it('listens on the free port it picked and reports the engine', async () => {
    expect(server.port).toBeGreaterThan(0)
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`)
    const health = await client().get('/api/health')
    expect(health).toMatchObject({ status: 200, body: { status: 'ok', database: engine } })
  })

  it('logs in with an httpOnly SameSite=Lax cookie, answers /me, and logs out for good', async () => {
    const api = client()
    const login = await api.login('xiaobing')
    expect(login.status).toBe(200)
    expect(login.body).toMatchObject({
      user: {
        username: 'xiaobing',
        role: 'employee',
        companyName: '甲店',
        displayName: '小冰',
        locale: 'zh-CN',
      },
      csrfToken: expect.any(String),
    })
    const setCookie = login.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/^jixiao_session=[\w-]{43};/)
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Lax/)
    expect(setCookie).not.toMatch(/Secure/) // plain http here; https requests get Secure
    // The stored session id is a hash, never the cookie value itself.
    const token = api.cookie!.split('=')[1]!
    const rows = await handle.db.selectFrom('sessions').select('id').execute()
    expect(rows.map((r) => r.id)).not.toContain(token)

    const me = await api.get('/api/auth/me')
    expect(me).toMatchObject({
      status: 200,
      body: { user: { username: 'xiaobing' }, csrfToken: api.csrfToken },
    })

    const stolenCookie = api.cookie!
    const logout = await api.post('/api/auth/logout')
    expect(logout.status).toBe(204)
    expect(logout.headers.get('set-cookie')).toMatch(/jixiao_session=;/)
    // Replaying the old cookie after logout fails: the session row is gone.
    const replay = await api.raw('/api/auth/me', { headers: { cookie: stolenCookie } })
    expect(replay.status).toBe(401)
    expect(replay.body).toMatchObject({ error: { code: 'unauthenticated' } })
  })

  it('refuses a cookie-authenticated write without the matching x-csrf-token', async () => {
    const api = client()
    await api.login('hr')
    const body = JSON.stringify({ name: '仓储部' })
    const missing = await api.raw('/api/departments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
    expect(missing.status).toBe(403)
    expect(missing.body).toMatchObject({
      error: { code: 'forbidden', message: expect.stringContaining('CSRF') },
    })
    const wrong = await api.raw('/api/departments', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': 'x'.repeat(43) },
      body,
    })
    expect(wrong.status).toBe(403)
    const right = await api.post('/api/departments', { name: '仓储部' })
    expect(right.status).toBe(201)
  })

  it('refuses an oversize body with 413 before reading it all', async () => {
    const api = client()
    await api.login('hr')
    const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) })
    const res = await api.raw('/api/departments', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': api.csrfToken! },
      body: big,
    })
    expect(res.status).toBe(413)
    expect(res.body).toMatchObject({ error: { code: 'too_large', issues: [{ path: 'body' }] } })
  })

  it('serves the built web app with SPA fallback, but keeps unknown /api paths as JSON 404', async () => {
    const asset = await fetch(`${server.url}/assets/app.js`)
    expect(asset.status).toBe(200)
    expect(await asset.text()).toContain('jixiao')
    const deepLink = await fetch(`${server.url}/employees/3`)
    expect(deepLink.status).toBe(200)
    expect(deepLink.headers.get('content-type')).toMatch(/text\/html/)
    expect(await deepLink.text()).toContain('<div id="root">')
    const unknownApi = await fetch(`${server.url}/api/no-such-thing`)
    expect(unknownApi.status).toBe(404)
    expect(await unknownApi.json()).toMatchObject({ error: { code: 'not_found' } })
  })
})
