import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeTestDatabase } from '../../api/testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../../api/testing/seed-test-organisation.ts'
import { saveWebhook, saveWebhookAllowedHosts } from '../../db/notification-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { notifyUsers } from './notify-users.ts'
import { retryDelayMs, startNotificationWorker } from './start-notification-worker.ts'

// The outbox worker against a real HTTP server on loopback, which the company's allow-list names (an address outside
// it is refused, issue 12 part 10): it retries a failing robot with backoff, delivers the JSON shape each robot
// accepts, gives up after the last attempt, and never follows a redirect.

type Received = { path: string; body: unknown }

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = ''
    req.on('data', (chunk) => {
      data += chunk
    })
    req.on('end', () => resolve(data))
  })
}

describe.each(await testEngines())('notification worker on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let server: Server
  let base = ''
  const received: Received[] = []
  // Per path: the responses to give, in order (the last one repeats).
  const script = new Map<string, { status: number; body: string; location?: string }[]>()

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    server = createServer(async (req, res) => {
      const body = await readBody(req)
      received.push({ path: req.url ?? '', body: JSON.parse(body) })
      const plan = script.get(req.url ?? '') ?? [{ status: 200, body: '{"errcode":0}' }]
      const next = plan.length > 1 ? plan.shift()! : plan[0]!
      res.writeHead(next.status, {
        'content-type': 'application/json',
        ...(next.location ? { location: next.location } : {}),
      })
      res.end(next.body)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as AddressInfo).port
    base = `http://127.0.0.1:${port}`
    await saveWebhookAllowedHosts(handle.db, org.companyId, [`127.0.0.1:${port}`])
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
    await closeTestDatabase(handle)
  })

  const outbox = () => handle.db.selectFrom('notification_outbox').selectAll().orderBy('id').execute()
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 2000 && !(await check()); i++) await new Promise((r) => setTimeout(r, 5))
  }

  it('retries a failing Feishu robot and then delivers the Feishu text shape', async () => {
    script.set('/feishu', [
      { status: 500, body: 'busy' },
      { status: 200, body: '{"code":0}' },
    ])
    const db = handle.db
    await saveWebhook(db, org.companyId, { flavour: 'feishu', url: `${base}/feishu`, enabled: true })
    await notifyUsers(
      db,
      org.companyId,
      [org.users.xiaobing],
      {
        kind: 'sheet.sign',
        title: '9月考核：请签字确认',
        body: '请在 2026-10-15 前签字',
        entity: 'appraisal_sheet',
        entityId: 1,
      },
      new Date(),
    )
    const stop = startNotificationWorker({ db: handle.db, intervalMs: 5, backoffMs: 1 })
    await until(async () => (await outbox())[0]?.status === 'sent')
    await stop()
    const [row] = await outbox()
    expect(row).toMatchObject({ status: 'sent', attempts: 2 })
    const hits = received.filter((r) => r.path === '/feishu')
    expect(hits).toHaveLength(2)
    expect(hits[1]!.body).toEqual({
      msg_type: 'text',
      content: { text: '【绩效】9月考核：请签字确认\n请在 2026-10-15 前签字' },
    })
    // The in-app notification is there as well.
    const inApp = await db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', org.users.xiaobing)
      .execute()
    expect(inApp.map((n) => n.title)).toContain('9月考核：请签字确认')
  })

  it('marks a delivery failed after the last attempt when the DingTalk robot keeps refusing', async () => {
    script.set('/dingtalk', [{ status: 200, body: '{"errcode":310000,"errmsg":"keywords not in content"}' }])
    const db = handle.db
    await saveWebhook(db, org.companyId, { flavour: 'dingtalk', url: `${base}/dingtalk`, enabled: true })
    await notifyUsers(
      db,
      org.companyId,
      [org.users.hr],
      { kind: 'appeal.assigned', title: '申诉待处理', body: '申诉 1', entity: 'appeal', entityId: 1 },
      new Date(),
    )
    const stop = startNotificationWorker({ db: handle.db, intervalMs: 5, backoffMs: 1, maxAttempts: 3 })
    await until(async () => (await outbox()).at(-1)?.status === 'failed')
    await stop()
    const last = (await outbox()).at(-1)!
    expect(last).toMatchObject({ status: 'failed', attempts: 3 })
    expect(last.last_error).toContain('310000')
    const hits = received.filter((r) => r.path === '/dingtalk')
    expect(hits).toHaveLength(3)
    expect(hits[0]!.body).toEqual({ msgtype: 'text', text: { content: '【绩效】申诉待处理\n申诉 1' } })
  })

  const notifyHr = (title: string) =>
    notifyUsers(
      handle.db,
      org.companyId,
      [org.users.hr],
      { kind: 'appeal.assigned', title, body: '申诉 2', entity: 'appeal', entityId: 2 },
      new Date(),
    )

  it('does not follow a robot’s redirect (it could lead to an internal address)', async () => {
    script.set('/moved', [{ status: 302, body: '', location: `${base}/internal-admin` }])
    await saveWebhook(handle.db, org.companyId, {
      flavour: 'wecom',
      url: `${base}/moved`,
      enabled: true,
    })
    await notifyHr('重定向')
    const stop = startNotificationWorker({ db: handle.db, intervalMs: 5, backoffMs: 1, maxAttempts: 2 })
    await until(async () => (await outbox()).at(-1)?.status === 'failed')
    await stop()
    expect((await outbox()).at(-1)!.last_error).toContain('redirect')
    expect(received.filter((r) => r.path === '/moved')).toHaveLength(2)
    expect(received.filter((r) => r.path === '/internal-admin')).toHaveLength(0)
  })

  it('refuses, without sending, an address that is no longer on the allow-list', async () => {
    const db = handle.db
    await saveWebhook(db, org.companyId, { flavour: 'dingtalk', url: `${base}/dropped`, enabled: true })
    await notifyHr('不在允许列表')
    await saveWebhookAllowedHosts(db, org.companyId, [])
    const stop = startNotificationWorker({ db: handle.db, intervalMs: 5, backoffMs: 1 })
    await until(async () => (await outbox()).at(-1)?.status === 'failed')
    await stop()
    const last = (await outbox()).at(-1)!
    expect(last).toMatchObject({ status: 'failed', attempts: 1 })
    expect(last.last_error).toContain('address refused')
    expect(received.filter((r) => r.path === '/dropped')).toHaveLength(0)
  })

  it('backs off exponentially, capped at an hour', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 30_000))).toEqual([30_000, 60_000, 120_000, 240_000])
    expect(retryDelayMs(20, 30_000)).toBe(3_600_000)
  })
})
