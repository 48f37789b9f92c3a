import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAudit } from '../../db/audit-log-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { documentedProviderEndpoints } from '../../services/identity/provider-endpoints.ts'
import { createContactState } from '../../test-support/directory-providers/contact-state.ts'
import { createDingtalkContactsApp } from '../../test-support/directory-providers/dingtalk-contacts.ts'
import { createFakeDingTalk } from '../../test-support/directory-providers/fake-dingtalk.ts'
import {
  createFakeDirectory,
  type FakeDirectory,
  type RunningFake,
  startFakeServer,
} from '../../test-support/directory-providers/fake-directory.ts'
import { createFakeFeishu } from '../../test-support/directory-providers/fake-feishu.ts'
import { createFakeWeCom } from '../../test-support/directory-providers/fake-wecom.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { createBrowser, jixiaoOrigin, landing } from '../testing/browser-redirects.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { companyCodeOf, logInToCompany } from '../testing/log-in-to-company.ts'
import { seedTestOrganisation, type TestOrganisation } from '../testing/seed-test-organisation.ts'

type Provider = {
  kind: string
  hasSecret: boolean
  clientId: string
  redirectUrl: string
  matchIdentityField: string
}
type Me = { user: { username: string; employeeId: number | null } }

// Sign-in with DingTalk, Feishu and WeCom, end to end against local servers that answer with the payloads of
// their public documentation; and the admin's provider settings.
describe.each(await testEngines())('directory sign-in on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let app: ReturnType<typeof createApp>
  let admin: ApiClient
  let hr: ApiClient
  let code: string
  const fakes: RunningFake[] = []
  const dingtalk = createFakeDirectory({ clientId: 'dingabc', clientSecret: 'ding-secret' })
  const feishu = createFakeDirectory({ clientId: 'cli_a5ca35a685b0x26e', clientSecret: 'feishu-secret' })
  const wecom = createFakeDirectory({ corpId: 'wwcorp01', agentId: '1000002', clientSecret: 'wecom-secret' })

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    code = await companyCodeOf(handle.db, org.companyId)
    // 小冰 (E003) has a login; 小焦 (E004) has none; 张店长 (E001) has one.
    await handle.db
      .updateTable('employees')
      .set({ phone: '138-0013-8003', email: 'Xiaobing@Shop.example' })
      .where('id', '=', org.employees.E003)
      .execute()
    await handle.db
      .updateTable('employees')
      .set({ phone: '13800138004', email: 'xiaojiao@shop.example' })
      .where('id', '=', org.employees.E004)
      .execute()
    await handle.db
      .updateTable('employees')
      .set({ phone: '13800138001', email: 'boss@shop.example' })
      .where('id', '=', org.employees.E001)
      .execute()
    for (const dir of [dingtalk, feishu, wecom]) {
      dir.people.push(
        {
          userid: 'xiaobing',
          unionId: 'union-xb',
          openId: 'open-xb',
          name: '小冰',
          mobile: '13800138003',
          email: 'xiaobing@shop.example',
          jobNumber: 'E003',
          departmentIds: [1],
        },
        {
          userid: 'xiaojiao',
          unionId: 'union-xj',
          openId: 'open-xj',
          name: '小焦',
          mobile: '13800138004',
          email: 'xiaojiao@shop.example',
          jobNumber: 'E004',
          departmentIds: [1],
        },
        {
          userid: 'E001',
          unionId: 'union-boss',
          openId: 'open-boss',
          name: '张店长',
          mobile: '13800138001',
          email: 'boss@shop.example',
          jobNumber: 'E001',
          departmentIds: [1],
        },
        {
          // 李主管 shares neither mobile nor e-mail with the roster: only the 工号 of the contact API finds him.
          userid: 'lizhuguan',
          unionId: 'union-lzg',
          openId: 'open-lzg',
          name: '李主管',
          jobNumber: 'E002',
          departmentIds: [1],
        },
        {
          userid: 'stranger',
          unionId: 'union-st',
          openId: 'open-st',
          name: '路人',
          mobile: '13900000000',
          email: 'st@else.example',
          jobNumber: 'X999',
          departmentIds: [1],
        },
      )
    }
    const [dt, dtContacts, fs, wc] = await Promise.all([
      startFakeServer(createFakeDingTalk(dingtalk)),
      startFakeServer(createDingtalkContactsApp(dingtalk, createContactState())),
      startFakeServer(createFakeFeishu(feishu)),
      startFakeServer(createFakeWeCom(wecom)),
    ])
    fakes.push(dt!, dtContacts!, fs!, wc!)
    app = createApp({
      db: handle.db,
      engine,
      providerEndpoints: {
        ...documentedProviderEndpoints,
        dingtalkLogin: dt!.url,
        dingtalkApi: dt!.url,
        dingtalkOapi: dtContacts!.url,
        feishuAccounts: fs!.url,
        feishuApi: fs!.url,
        wecomLogin: wc!.url,
        wecomApi: wc!.url,
      },
    })
    admin = createApiClient((p, i) => app.request(p, i))
    hr = createApiClient((p, i) => app.request(p, i))
    expect(await logInToCompany(admin, code, 'admin')).toBe(200)
    expect(await logInToCompany(hr, code, 'hr')).toBe(200)
  })
  afterAll(async () => {
    await Promise.all(fakes.map((f) => f.close()))
    await closeTestDatabase(handle)
  })

  const put = (client: ApiClient, kind: string, body: unknown) =>
    client.raw<Provider & { error?: { issues: { path: string }[] } }>(`/api/identity-providers/${kind}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrfToken ?? '' },
      body: JSON.stringify(body),
    })

  /** A browser that clicks the login page's button for a provider and follows every redirect. */
  async function signInWith(kind: string, directory: FakeDirectory, as: string | undefined) {
    directory.signInAs = as
    const browser = createBrowser(app)
    const hops = await browser.open(`${jixiaoOrigin}/api/auth/sso/${kind}/start?company=${code}`)
    const me = await app.request(`${jixiaoOrigin}/api/auth/me`, {
      headers: { cookie: [...browser.jar(jixiaoOrigin)].map(([n, v]) => `${n}=${v}`).join('; ') },
    })
    return {
      hops,
      landing: landing(hops),
      me: me.status === 200 ? ((await me.json()) as Me).user : undefined,
    }
  }

  it('lets only the admin configure providers, names every missing field, and never returns the secret', async () => {
    expect(
      (
        await put(hr, 'dingtalk', {
          clientId: 'x',
          clientSecret: 'y',
          matchIdentityField: 'mobile',
          matchEmployeeField: 'phone',
        })
      ).status,
    ).toBe(403)
    const missing = await put(admin, 'wecom', {
      matchIdentityField: 'userid',
      matchEmployeeField: 'employee_no',
    })
    expect(missing.status).toBe(400)
    expect(missing.body.error?.issues.map((i) => i.path)).toEqual(['clientSecret', 'corpId', 'agentId'])
    const badIssuer = await put(admin, 'oidc', {
      clientId: 'c',
      clientSecret: 's',
      issuer: 'http://sso.example.com',
      matchIdentityField: 'email',
      matchEmployeeField: 'email',
    })
    expect(badIssuer.status).toBe(400)
    expect(badIssuer.body.error?.issues.map((i) => i.path)).toEqual(['issuer'])
    const badField = await put(admin, 'dingtalk', {
      clientId: 'x',
      clientSecret: 'y',
      matchIdentityField: 'jobnumber',
      matchEmployeeField: 'phone',
    })
    expect(badField.body.error?.issues.map((i) => i.path)).toEqual(['matchIdentityField'])

    const saved = await put(admin, 'dingtalk', {
      clientId: 'dingabc',
      clientSecret: 'ding-secret',
      matchIdentityField: 'mobile',
      matchEmployeeField: 'phone',
    })
    expect(saved.status).toBe(200)
    expect(saved.body).toMatchObject({
      kind: 'dingtalk',
      displayName: '钉钉',
      hasSecret: true,
      redirectUrl: 'http://localhost/api/auth/sso/dingtalk/callback',
    })
    expect(JSON.stringify(saved.body)).not.toContain('ding-secret')
    // An update without the secret keeps it.
    const renamed = await put(admin, 'dingtalk', {
      displayName: '钉钉扫码',
      clientId: 'dingabc',
      matchIdentityField: 'mobile',
      matchEmployeeField: 'phone',
    })
    expect(renamed.body).toMatchObject({ displayName: '钉钉扫码', hasSecret: true })
    const listed = await admin.get<{ items: Provider[] }>('/api/identity-providers')
    expect(listed.body.items.map((p) => p.hasSecret)).toEqual([true])
    expect(JSON.stringify(listed.body)).not.toContain('ding-secret')
    expect((await hr.get('/api/identity-providers')).status).toBe(403)
    const audit = await listAudit(handle.db, org.companyId, { entity: 'identity_provider' })
    expect(audit.map((a) => a.action).sort()).toEqual([
      'identity_provider.create',
      'identity_provider.update',
    ])
    expect(JSON.stringify(audit)).not.toContain('ding-secret')
  })

  it('signs 小冰 in with DingTalk by mobile number (+86 and dashes ignored), remembered by unionId', async () => {
    const result = await signInWith('dingtalk', dingtalk, 'xiaobing')
    expect(result.landing).toBe('/')
    expect(result.me).toMatchObject({ username: 'xiaobing', employeeId: org.employees.E003 })
    expect(dingtalk.requests).toEqual(
      expect.arrayContaining([
        'GET /oauth2/auth',
        'POST /v1.0/oauth2/userAccessToken',
        'GET /v1.0/contact/users/me',
      ]),
    )
    const remembered = await handle.db
      .selectFrom('external_identities')
      .select(['subject', 'employee_id'])
      .execute()
    expect(remembered).toEqual([{ subject: 'union-xb', employee_id: org.employees.E003 }])
    const audit = (await listAudit(handle.db, org.companyId, { limit: 1000 })).find(
      (a) => a.action === 'auth.sso_login',
    )
    expect(audit).toMatchObject({
      actorUserId: org.users.xiaobing,
      after: { provider: 'dingtalk', subject: 'union-xb' },
    })
  })

  it('ends on the login page with a reason for each failure, never signed in', async () => {
    expect(await signInWith('dingtalk', dingtalk, undefined)).toMatchObject({
      landing: `/login?sso_error=denied`,
      me: undefined,
    })
    expect(await signInWith('dingtalk', dingtalk, 'stranger')).toMatchObject({
      landing: '/login?sso_error=no_match',
      me: undefined,
    })
    expect(await signInWith('dingtalk', dingtalk, 'xiaojiao')).toMatchObject({
      landing: '/login?sso_error=no_account',
      me: undefined,
    })
    // Two people with the stranger's number: nobody can tell which one signs in.
    await handle.db
      .updateTable('employees')
      .set({ phone: '13900000000' })
      .where('id', 'in', [org.employees.E005, org.employees.E006])
      .execute()
    expect(await signInWith('dingtalk', dingtalk, 'stranger')).toMatchObject({
      landing: '/login?sso_error=several_matches',
      me: undefined,
    })
    await handle.db
      .updateTable('employees')
      .set({ phone: null })
      .where('id', 'in', [org.employees.E005, org.employees.E006])
      .execute()
    // Feishu is not configured for this company yet.
    expect((await signInWith('feishu', feishu, 'xiaobing')).landing).toBe(
      `/login?company=${code}&sso_error=not_configured`,
    )
    const unknown = await createBrowser(app).open('/api/auth/sso/dingtalk/start?company=no-such-company')
    expect(landing(unknown)).toBe('/login?company=no-such-company&sso_error=unknown_company')
    expect(landing(await createBrowser(app).open('/api/auth/sso/dingtalk/start'))).toBe(
      '/login?sso_error=unknown_company',
    )
  })

  it('refuses a callback whose state is not the one this browser started (login CSRF), and a replayed one', async () => {
    dingtalk.signInAs = 'xiaobing'
    const victim = createBrowser(app)
    const attacker = createBrowser(app)
    // The attacker starts a sign-in and stops at the callback URL, then makes the victim's browser open it.
    const toCallback = await attacker.open(`/api/auth/sso/dingtalk/start?company=${code}`, {
      stopAt: (url) => url.pathname.endsWith('/callback'),
    })
    const callbackUrl = toCallback.at(-1)!.url
    expect(callbackUrl).toContain('/api/auth/sso/dingtalk/callback')
    expect(landing(await victim.open(callbackUrl))).toBe('/login?sso_error=state_mismatch')
    expect(victim.jar(jixiaoOrigin).has('jixiao_session')).toBe(false)
    // The attacker's own browser can use it once; the state is then spent.
    expect(landing(await attacker.open(callbackUrl))).toBe('/')
    attacker.jar(jixiaoOrigin).set('jixiao_sso_state', new URL(callbackUrl).searchParams.get('state')!)
    expect(landing(await attacker.open(callbackUrl))).toBe('/login?sso_error=expired')
  })

  it('keeps a disabled login out even with a matching identity', async () => {
    await handle.db
      .updateTable('users')
      .set({ disabled_at: new Date() })
      .where('id', '=', org.users.dianzhang)
      .execute()
    const result = await signInWith('dingtalk', dingtalk, 'E001')
    await handle.db
      .updateTable('users')
      .set({ disabled_at: null })
      .where('id', '=', org.users.dianzhang)
      .execute()
    expect(result).toMatchObject({ landing: '/login?sso_error=account_disabled', me: undefined })
  })

  it('signs 李主管 in with DingTalk by 工号, read from the contact API since users/me has none', async () => {
    const settings = {
      clientId: 'dingabc',
      matchIdentityField: 'job_number',
      matchEmployeeField: 'employee_no',
    }
    expect((await put(admin, 'dingtalk', settings)).status).toBe(200)
    dingtalk.requests.length = 0
    const result = await signInWith('dingtalk', dingtalk, 'lizhuguan')
    expect(result.me).toMatchObject({ username: 'zhuguan', employeeId: org.employees.E002 })
    expect(dingtalk.requests).toEqual([
      'GET /oauth2/auth',
      'POST /v1.0/oauth2/userAccessToken',
      'GET /v1.0/contact/users/me',
      'GET /gettoken',
      'POST /topapi/user/getbyunionid',
      'POST /topapi/v2/user/get',
    ])
    // X999 is in DingTalk's directory but not in the roster; a wrong app secret is the provider's refusal.
    expect((await signInWith('dingtalk', dingtalk, 'stranger')).landing).toBe('/login?sso_error=no_match')
    await put(admin, 'dingtalk', { ...settings, clientSecret: 'wrong' })
    expect((await signInWith('dingtalk', dingtalk, 'xiaojiao')).landing).toBe(
      '/login?sso_error=provider_error',
    )
    await put(admin, 'dingtalk', { ...settings, clientSecret: 'ding-secret' })
  })

  it('signs in with Feishu by e-mail (case ignored), with PKCE', async () => {
    expect(
      (
        await put(admin, 'feishu', {
          clientId: feishu.clientId,
          clientSecret: 'feishu-secret',
          matchIdentityField: 'email',
          matchEmployeeField: 'email',
        })
      ).status,
    ).toBe(200)
    const result = await signInWith('feishu', feishu, 'xiaobing')
    expect(result.me).toMatchObject({ username: 'xiaobing' })
    expect(feishu.requests).toEqual(
      expect.arrayContaining([
        'GET /open-apis/authen/v1/authorize',
        'POST /open-apis/authen/v2/oauth/token',
        'GET /open-apis/authen/v1/user_info',
      ]),
    )
    expect((await signInWith('feishu', feishu, undefined)).landing).toBe('/login?sso_error=denied')
  })

  it('replaces the session the browser already held, as a password login does', async () => {
    feishu.signInAs = 'xiaobing'
    const browser = createBrowser(app)
    const start = `/api/auth/sso/feishu/start?company=${code}`
    expect(landing(await browser.open(start))).toBe('/')
    const first = browser.jar(jixiaoOrigin).get('jixiao_session')!
    expect(landing(await browser.open(start))).toBe('/')
    expect(browser.jar(jixiaoOrigin).get('jixiao_session')).not.toBe(first)
    const old = await app.request(`${jixiaoOrigin}/api/auth/me`, {
      headers: { cookie: `jixiao_session=${first}` },
    })
    expect(old.status).toBe(401)
  })

  it('signs in with WeCom by userid → 工号, and names a wrong app secret as a provider error', async () => {
    const settings = {
      corpId: 'wwcorp01',
      agentId: '1000002',
      clientSecret: 'wecom-secret',
      matchIdentityField: 'userid',
      matchEmployeeField: 'employee_no',
    }
    const saved = await put(admin, 'wecom', settings)
    expect(saved.body).toMatchObject({ clientId: 'wwcorp01', displayName: '企业微信' })
    expect((await signInWith('wecom', wecom, 'E001')).me).toMatchObject({
      username: 'dianzhang',
      employeeId: org.employees.E001,
    })
    expect(wecom.requests).toEqual(
      expect.arrayContaining([
        'GET /wwlogin/sso/login',
        'GET /cgi-bin/gettoken',
        'GET /cgi-bin/auth/getuserinfo',
        'GET /cgi-bin/user/get',
      ]),
    )
    await put(admin, 'wecom', { ...settings, clientSecret: 'wrong' })
    expect((await signInWith('wecom', wecom, 'E001')).landing).toBe('/login?sso_error=provider_error')
  })

  it('lists the enabled providers for the login page, and nothing for an unknown company', async () => {
    await put(admin, 'wecom', {
      corpId: 'wwcorp01',
      agentId: '1000002',
      matchIdentityField: 'userid',
      matchEmployeeField: 'employee_no',
      enabled: false,
    })
    const listed = await createApiClient((p, i) => app.request(p, i)).get<{
      items: { kind: string; startUrl: string }[]
    }>(`/api/auth/sso/providers?company=${code.toUpperCase()}`)
    expect(listed.body.items.map((p) => p.kind)).toEqual(['dingtalk', 'feishu'])
    expect(listed.body.items[0]!.startUrl).toBe(
      `/api/auth/sso/dingtalk/start?company=${encodeURIComponent(code)}`,
    )
    const none = await createApiClient((p, i) => app.request(p, i)).get<{ items: unknown[] }>(
      '/api/auth/sso/providers?company=nobody',
    )
    expect(none.body.items).toEqual([])
  })

  it('deletes a provider with its remembered identities (admin), audited', async () => {
    expect((await hr.delete('/api/identity-providers/dingtalk')).status).toBe(403)
    const remembered = () =>
      handle.db
        .selectFrom('external_identities as x')
        .innerJoin('identity_providers as p', 'p.id', 'x.provider_id')
        .select(['p.kind', 'x.subject'])
        .orderBy('p.kind')
        .orderBy('x.subject')
        .execute()
    const before = await remembered()
    expect(before.filter((r) => r.kind === 'dingtalk').length).toBeGreaterThan(0)
    expect((await admin.delete('/api/identity-providers/dingtalk')).status).toBe(204)
    expect((await admin.delete('/api/identity-providers/dingtalk')).status).toBe(404)
    // The identities remembered through DingTalk go with it; Feishu's and WeCom's stay.
    expect(await remembered()).toEqual(before.filter((r) => r.kind !== 'dingtalk'))
    const audit = (await listAudit(handle.db, org.companyId, { limit: 1000 })).find(
      (a) => a.action === 'identity_provider.delete',
    )
    expect(audit).toMatchObject({ before: { kind: 'dingtalk' } })
  })
})
