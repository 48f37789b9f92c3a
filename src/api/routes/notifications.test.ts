import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient, testPassword } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { otherTestCompanyCode, seedTestOrganisation } from '../testing/seed-test-organisation.ts'

// The group robot cannot be pointed at internal addresses (issue 12, part 10: SSRF): only https to the robot hosts
// DingTalk, Feishu/Lark and WeCom document, unless the admin puts a host on the company's allow-list.
describe.each(await testEngines())('notification webhook on %s', (engine) => {
  let handle: TestDatabase
  let admin: ApiClient
  let hr: ApiClient
  let otherAdmin: ApiClient

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    await seedTestOrganisation(handle.db)
    const app = createApp({ db: handle.db, engine })
    admin = createApiClient((p, i) => app.request(p, i))
    hr = createApiClient((p, i) => app.request(p, i))
    otherAdmin = createApiClient((p, i) => app.request(p, i))
    expect((await admin.login('admin')).status).toBe(200)
    expect((await hr.login('hr')).status).toBe(200)
    expect((await otherAdmin.login('b_admin', testPassword, otherTestCompanyCode)).status).toBe(200)
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  const put = (url: string, flavour = 'dingtalk') =>
    admin.raw('/api/notifications/webhook', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': admin.csrfToken! },
      body: JSON.stringify({ flavour, url, enabled: true }),
    })
  const putHosts = (client: ApiClient, hosts: unknown) =>
    client.raw('/api/notifications/allowed-hosts', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrfToken! },
      body: JSON.stringify({ hosts }),
    })

  it.each([
    'http://127.0.0.1:3000/robot/send',
    'http://169.254.169.254/latest/meta-data/',
    'https://10.0.0.8/robot/send',
    'http://oapi.dingtalk.com/robot/send?access_token=abc',
    'https://oapi.dingtalk.com.attacker.example/robot/send',
    'https://oapi.dingtalk.com@127.0.0.1/robot/send',
    'https://open.feishu.cn/open-apis/bot/v2/hook/abc',
  ])('refuses %s for a DingTalk robot with 400 naming the url', async (url) => {
    const res = await put(url)
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: { code: 'invalid_input', issues: [{ path: 'url' }] } })
    expect((await admin.get('/api/notifications/webhook')).body).toBeNull()
  })

  it('accepts each platform’s documented https robot host', async () => {
    for (const [flavour, url] of [
      ['dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=abc'],
      ['feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/abc'],
      ['feishu', 'https://open.larksuite.com/open-apis/bot/v2/hook/abc'],
      ['wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc'],
    ] as const) {
      const res = await put(url, flavour)
      expect(res.status).toBe(200)
      expect(res.body).toEqual({ flavour, url, enabled: true })
    }
  })

  it('lets the admin allow a host, which may then use http, and keeps the list to that company', async () => {
    expect((await admin.get('/api/notifications/allowed-hosts')).body).toEqual({ hosts: [] })
    const saved = await putHosts(admin, [
      'Robot.Corp.Example:8080',
      'relay.corp.example',
      'relay.corp.example',
    ])
    expect(saved.status).toBe(200)
    expect(saved.body).toEqual({ hosts: ['robot.corp.example:8080', 'relay.corp.example'] })
    expect((await put('http://robot.corp.example:8080/hook', 'wecom')).status).toBe(200)
    expect((await put('http://robot.corp.example:9090/hook', 'wecom')).status).toBe(400)
    expect((await put('https://relay.corp.example/any/port', 'feishu')).status).toBe(200)
    expect((await otherAdmin.get('/api/notifications/allowed-hosts')).body).toEqual({ hosts: [] })
    const audit = await admin.get<{ items: { action: string }[] }>('/api/audit?limit=20')
    expect(audit.body.items.map((i) => i.action)).toContain('notifications.allowed_hosts')
  })

  it('refuses to drop the host the robot is using, and refuses entries that are not hosts', async () => {
    const dropping = await putHosts(admin, [])
    expect(dropping.status).toBe(409)
    expect(dropping.body).toMatchObject({ error: { issues: [{ path: 'hosts' }] } })
    const bad = await putHosts(admin, ['relay.corp.example', 'http://x.example/path'])
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ error: { issues: [{ path: 'hosts.1' }] } })
    const tooMany = await putHosts(
      admin,
      Array.from({ length: 21 }, (_, i) => `h${i}.example`),
    )
    expect(tooMany.status).toBe(400)
  })

  it('keeps the allow-list to the admin', async () => {
    expect((await hr.get('/api/notifications/allowed-hosts')).status).toBe(403)
    expect((await putHosts(hr, ['x.example'])).status).toBe(403)
  })
})
