import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditPage } from '../../contracts/audit.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { seedFinishedCycles } from '../../test-support/seed-finished-cycles.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'

// The audit log as HR reads it, on both engines: each row comes as a sentence in the asked language, naming the
// actor and the subject by the names the query resolved (the pool's cycle, the department), with the changed
// fields labelled; the raw record stays beside it for the toggle.

describe.each(await testEngines())('the readable audit log on %s', (engine) => {
  let handle: TestDatabase
  let hr: ApiClient
  let finance: ApiClient
  let admin: ApiClient
  let departmentId = 0
  const clock = new Date('2026-12-07T02:00:00Z')

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    const finished = await seedFinishedCycles(handle.db)
    const e = finished.org.employees
    const cycleId = await finished.add({
      name: '2026年11月',
      kind: 'monthly',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      sheets: [
        { employeeId: e.E001, total: 96, grade: 'excellent', coefficient: 1.5 },
        { employeeId: e.E003, total: 82, grade: 'good', coefficient: 1.2 },
      ],
    })
    departmentId = finished.org.departments.service
    const app = createApp({ db: handle.db, engine, now: () => clock })
    const client = () => createApiClient((p, i) => app.request(p, i))
    ;[hr, finance, admin] = [client(), client(), client()]
    await hr.login('hr')
    await finance.login('finance')
    await admin.login('admin')
    const pool = await hr.post<{ id: number }>('/api/bonus-pools', {
      name: '11月奖金',
      kind: 'quarterly',
      cycleId,
      amount: '30000',
      rule: { kind: 'coefficient_times_base', base: '1000' },
    })
    expect(pool.status).toBe(201)
    expect((await finance.post(`/api/bonus-pools/${pool.body.id}/approve`, {})).status).toBe(200)
    expect((await admin.patch(`/api/departments/${departmentId}`, { name: '客户服务部' })).status).toBe(200)
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('answers each row as a sentence naming the actor, the cycle and the amount', async () => {
    const page = await hr.get<AuditPage>('/api/audit?entity=bonus_pool')
    expect(page.status).toBe(200)
    expect(page.body.items.map((i) => i.sentence)).toEqual([
      '财务 批准了 2026年11月 奖金池（¥30,000）',
      '人事 创建了 2026年11月 奖金池「11月奖金」（¥30,000）',
    ])
    const [approved] = page.body.items
    expect(approved!.changes).toContainEqual({
      field: 'status',
      label: '状态',
      before: '草稿',
      after: '已批准',
    })
    // The raw record is still there, for the toggle.
    expect(approved!.action).toBe('bonus_pool.approve')
    expect(approved!.after).toMatchObject({ status: 'approved', amount: '30000.00' })
  })

  it('writes the sentence and the field labels in the asked language', async () => {
    const tw = await hr.get<AuditPage>('/api/audit?entity=bonus_pool&lang=zh-TW&pageSize=1')
    expect(tw.body.items[0]!.sentence).toBe('财务 核准了 2026年11月 獎金池（¥30,000）')
    const en = await hr.get<AuditPage>(`/api/audit?entity=department&entityId=${departmentId}&lang=en`)
    expect(en.body.items[0]).toMatchObject({
      sentence: '管理员 changed the department “客户服务部”',
      changes: [{ field: 'name', label: 'Name', after: '客户服务部' }],
    })
  })

  it('refuses a language it does not write, naming the field', async () => {
    const res = await hr.get<{ error: { code: string; issues: { path: string }[] } }>('/api/audit?lang=fr')
    expect(res.status).toBe(400)
    expect(res.body.error.issues[0]!.path).toBe('lang')
  })
})
