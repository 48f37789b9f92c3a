import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider from 'oidc-provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAudit } from '../../db/audit-log-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { createBrowser, formAction, jixiaoOrigin, landing } from '../testing/browser-redirects.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { companyCodeOf, logInToCompany } from '../testing/log-in-to-company.ts'
import { seedTestOrganisation, type TestOrganisation } from '../testing/seed-test-organisation.ts'

type Me = { user: { username: string; employeeId: number | null } }

/** A real OpenID Connect provider (the oidc-provider package) on a local port; anyone may log in as any name. */
async function startOidcProvider(): Promise<{ issuer: string; close: () => Promise<void> }> {
  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'jixiao',
        client_secret: 'jixiao-oidc-secret',
        redirect_uris: [`${jixiaoOrigin}/api/auth/sso/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    // The login name becomes the subject; its e-mail is name@shop.example.
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, email: `${id}@shop.example`, email_verified: true }),
    }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    cookies: { keys: ['jixiao-test-cookie-key'] },
    pkce: { required: () => true },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
  })
  server.on('request', provider.callback())
  return { issuer, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

// Generic OpenID Connect sign-in, end to end: Jixiao discovers a real provider, sends the browser there with
// state, nonce and PKCE, the person logs in at the provider's own pages, and the ID token signs in the employee
// whose e-mail matches.
describe.each(await testEngines())('OpenID Connect sign-in on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let app: ReturnType<typeof createApp>
  let idp: Awaited<ReturnType<typeof startOidcProvider>>
  let code: string

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    code = await companyCodeOf(handle.db, org.companyId)
    idp = await startOidcProvider()
    app = createApp({ db: handle.db, engine })
    await handle.db
      .updateTable('employees')
      .set({ email: 'xiaobing@shop.example' })
      .where('id', '=', org.employees.E003)
      .execute()
    await handle.db
      .updateTable('employees')
      .set({ email: 'boss@shop.example' })
      .where('id', '=', org.employees.E001)
      .execute()
    const admin: ApiClient = createApiClient((p, i) => app.request(p, i))
    expect(await logInToCompany(admin, code, 'admin')).toBe(200)
    const saved = await admin.raw('/api/identity-providers/oidc', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': admin.csrfToken ?? '' },
      body: JSON.stringify({
        displayName: '公司统一登录',
        clientId: 'jixiao',
        clientSecret: 'jixiao-oidc-secret',
        issuer: idp.issuer,
        matchIdentityField: 'email',
        matchEmployeeField: 'email',
      }),
    })
    expect(saved.status).toBe(200)
  })
  afterAll(async () => {
    await idp?.close()
    await closeTestDatabase(handle)
  })

  /** Clicks 使用 公司统一登录 登录, logs in at the provider as `login`, consents, and follows back to Jixiao. */
  async function signInAs(login: string) {
    const browser = createBrowser(app)
    const toLoginForm = await browser.open(`/api/auth/sso/oidc/start?company=${code}`)
    const loginForm = toLoginForm.at(-1)!
    expect(loginForm.url.startsWith(idp.issuer)).toBe(true)
    let hops = await browser.open(formAction(loginForm), {
      form: { prompt: 'login', login, password: 'any' },
    })
    // The provider asks for consent the first time.
    if (hops.at(-1)!.url.startsWith(idp.issuer))
      hops = await browser.open(formAction(hops.at(-1)!), { form: { prompt: 'consent' } })
    const cookie = [...browser.jar(jixiaoOrigin)].map(([n, v]) => `${n}=${v}`).join('; ')
    const me = await app.request(`${jixiaoOrigin}/api/auth/me`, { headers: { cookie } })
    return {
      browser,
      hops: [...toLoginForm, ...hops],
      landing: landing(hops),
      me: me.status === 200 ? ((await me.json()) as Me).user : undefined,
    }
  }

  it('signs 小冰 in as the employee whose e-mail the ID token carries, with a session like a password login', async () => {
    const result = await signInAs('xiaobing')
    expect(result.landing).toBe('/')
    expect(result.me).toMatchObject({ username: 'xiaobing', employeeId: org.employees.E003 })
    // The authorization request carried state, nonce and a PKCE challenge.
    const authorize = new URL(
      result.hops.find((h) => h.url.startsWith(`${idp.issuer}/auth?`))?.url ?? neverReached(),
    )
    expect([...authorize.searchParams.keys()]).toEqual(
      expect.arrayContaining(['state', 'nonce', 'code_challenge', 'code_challenge_method', 'redirect_uri']),
    )
    const audit = (await listAudit(handle.db, org.companyId, { limit: 1000 })).find(
      (a) => a.action === 'auth.sso_login',
    )
    expect(audit).toMatchObject({
      actorUserId: org.users.xiaobing,
      after: { provider: 'oidc', subject: 'xiaobing' },
    })
  })

  it('sends an unknown person back to the login page (no_match), not signed in', async () => {
    expect(await signInAs('stranger')).toMatchObject({ landing: '/login?sso_error=no_match', me: undefined })
  })

  it('keeps a disabled account out (account_disabled)', async () => {
    await handle.db
      .updateTable('users')
      .set({ disabled_at: new Date() })
      .where('id', '=', org.users.dianzhang)
      .execute()
    const result = await signInAs('boss')
    await handle.db
      .updateTable('users')
      .set({ disabled_at: null })
      .where('id', '=', org.users.dianzhang)
      .execute()
    expect(result).toMatchObject({ landing: '/login?sso_error=account_disabled', me: undefined })
  })

  it('refuses a callback with a state this browser did not start (state_mismatch)', async () => {
    const browser = createBrowser(app)
    const hops = await browser.open(`/api/auth/sso/oidc/start?company=${code}`)
    const loginForm = hops.at(-1)!
    // Another browser's state cookie: the callback must not trust the state in the URL alone.
    browser.jar(jixiaoOrigin).set('jixiao_sso_state', 'someone-elses-state')
    let back = await browser.open(formAction(loginForm), {
      form: { prompt: 'login', login: 'xiaobing', password: 'x' },
    })
    if (back.at(-1)!.url.startsWith(idp.issuer))
      back = await browser.open(formAction(back.at(-1)!), { form: { prompt: 'consent' } })
    expect(landing(back)).toBe('/login?sso_error=state_mismatch')
    expect(browser.jar(jixiaoOrigin).has('jixiao_session')).toBe(false)
  })
})

function neverReached(): string {
  throw new Error('the browser never reached the provider’s authorization endpoint')
}
