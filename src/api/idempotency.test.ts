import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { customerServicePayScheme } from '../core/pay/pay-scheme.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../db/test-database.ts'
import { installBuiltinTemplates } from '../services/templates/install-builtin-templates.ts'
import { createApp } from './create-app.ts'
import { type ApiClient, type ApiResult, createApiClient } from './testing/api-client.ts'
import { closeTestDatabase } from './testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from './testing/seed-test-organisation.ts'
import { waitForJob } from './testing/wait-for-job.ts'

// Issue 12 part 5: a double click (or ten) on a money form books money once. Ten identical adjustment lines sent
// at once with one Idempotency-Key book one line and all get the first answer; without a key they are ten
// intended lines, serialised on the pay sheet, and none of them is a 500 (it was a deadlock on PostgreSQL).

type ErrorBody = { error: { code: string; message: string; issues?: { path: string; message: string }[] } }
type PaySheet = { total: string; employees: { employeeId: number; total: string }[] }

describe.each(await testEngines())('Idempotency-Key on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let hr: ApiClient
  let finance: ApiClient
  let admin: ApiClient
  let cycleId = 0
  const clock = new Date('2026-11-05T02:00:00Z')

  const postWithKey = <T>(client: ApiClient, path: string, body: unknown, key?: string) =>
    client.raw<T>(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-csrf-token': client.csrfToken ?? '',
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: JSON.stringify(body),
    })
  const adjustment = (amount: string) => ({
    employeeId: org.employees.E003,
    label: '补发',
    amount,
    reason: '售后核对后补发',
  })
  const adjustmentLines = async () =>
    (
      await hr.get<{ items: { kind: string; amount: string }[] }>(`/api/cycles/${cycleId}/pay-items`)
    ).body.items.filter((i) => i.kind === 'adjustment')

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    await installBuiltinTemplates(handle.db, org.companyId)
    const templateId = (
      await handle.db
        .selectFrom('templates')
        .select('id')
        .where('company_id', '=', org.companyId)
        .where('code', '=', 'seed-000-customer-service')
        .executeTakeFirstOrThrow()
    ).id
    const app = createApp({ db: handle.db, engine, now: () => clock })
    const client = () => createApiClient((p, i) => app.request(p, i))
    admin = client()
    hr = client()
    finance = client()
    await admin.login('admin')
    await hr.login('hr')
    await finance.login('finance')
    const e = org.employees
    const opened = await admin.post<{ cycle: { id: number }; jobId: number }>('/api/cycles', {
      name: '2026年10月',
      kind: 'monthly',
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
      templateId,
      participants: { employeeIds: [e.E003, e.E004] },
    })
    cycleId = opened.body.cycle.id
    expect((await waitForJob(admin, opened.body.jobId)).status).toBe('succeeded')
    await handle.db
      .updateTable('appraisal_sheets')
      .set({ state: 'final', total: '82', coefficient: '1.2', grade: 'good' })
      .where('cycle_id', '=', cycleId)
      .execute()
    const assigned = await hr.raw('/api/pay/assignments', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': hr.csrfToken ?? '' },
      body: JSON.stringify({ positionId: org.positions.service, scheme: customerServicePayScheme() }),
    })
    expect(assigned.status).toBe(200)
    // Own sales were never imported, and a missing pay input holds approval: HR enters them.
    for (const employeeId of [e.E003, e.E004]) {
      const entered = await hr.put(`/api/cycles/${cycleId}/pay-inputs`, {
        employeeId,
        values: { sales: '100000' },
        reason: '店铺后台核对',
      })
      expect(entered.status).toBe(200)
    }
    expect((await finance.post(`/api/cycles/${cycleId}/pay-sheet/approve`, {})).status).toBe(200)
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('books ten parallel identical adjustments with one key once, and answers all ten alike', async () => {
    const before = await adjustmentLines()
    const key = 'b7c1d7a0-6f0e-4b8e-9a57-1f7d2b1c0a01'
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        postWithKey<PaySheet>(finance, `/api/cycles/${cycleId}/pay-sheet/adjustments`, adjustment('10'), key),
      ),
    )
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200))
    const first = JSON.stringify(answers[0]!.body)
    for (const a of answers) expect(JSON.stringify(a.body)).toBe(first)
    expect((await adjustmentLines()).length).toBe(before.length + 1)
    // A later repeat (a retry after a lost answer) gets the same answer again and books nothing.
    const again = await postWithKey<PaySheet>(
      finance,
      `/api/cycles/${cycleId}/pay-sheet/adjustments`,
      adjustment('10'),
      key,
    )
    expect(again.status).toBe(200)
    expect(JSON.stringify(again.body)).toBe(first)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect((await adjustmentLines()).length).toBe(before.length + 1)
  })

  it('opens a cycle once for two submissions with one key, answering both with the same cycle and job', async () => {
    const templateId = (
      await handle.db
        .selectFrom('templates')
        .select('id')
        .where('company_id', '=', org.companyId)
        .where('code', '=', 'seed-000-customer-service')
        .executeTakeFirstOrThrow()
    ).id
    const body = {
      name: '2026年11月',
      kind: 'monthly',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      templateId,
      participants: { employeeIds: [org.employees.E003] },
    }
    type Opened = { cycle: { id: number }; jobId: number }
    const [a, b] = await Promise.all([
      postWithKey<Opened>(admin, '/api/cycles', body, 'open-nov'),
      postWithKey<Opened>(admin, '/api/cycles', body, 'open-nov'),
    ])
    expect([a.status, b.status]).toEqual([202, 202])
    expect(b.body).toEqual(a.body)
    await waitForJob(admin, a.body.jobId)
    const cycles = await handle.db
      .selectFrom('cycles')
      .select('id')
      .where('name', '=', '2026年11月')
      .execute()
    expect(cycles).toHaveLength(1)
  })

  it('refuses the same key with another body (422), naming the header', async () => {
    const key = 'reused-key-1'
    const path = `/api/cycles/${cycleId}/pay-sheet/adjustments`
    expect((await postWithKey(finance, path, adjustment('5'), key)).status).toBe(200)
    const other = await postWithKey<ErrorBody>(finance, path, adjustment('6'), key)
    expect(other.status).toBe(422)
    expect(other.body.error.code).toBe('idempotency_key_reused')
    expect(other.body.error.issues?.[0]?.path).toBe('Idempotency-Key')
  })

  it('keeps keys per user: another user with the same key books their own line', async () => {
    const key = 'shared-key-2'
    const path = `/api/cycles/${cycleId}/pay-sheet/adjustments`
    const before = await adjustmentLines()
    expect((await postWithKey(finance, path, adjustment('3'), key)).status).toBe(200)
    expect((await postWithKey(admin, path, adjustment('3'), key)).status).toBe(200)
    expect((await adjustmentLines()).length).toBe(before.length + 2)
  })

  it('refuses a malformed key with 400 naming the header', async () => {
    const res = await postWithKey<ErrorBody>(
      finance,
      `/api/cycles/${cycleId}/pay-sheet/adjustments`,
      adjustment('1'),
      'x'.repeat(300),
    )
    expect(res.status).toBe(400)
    expect(res.body.error.issues?.[0]?.path).toBe('Idempotency-Key')
  })

  it('books ten parallel adjustments without a key as ten lines, none of them a 500', async () => {
    const before = await adjustmentLines()
    const answers: ApiResult<PaySheet>[] = await Promise.all(
      Array.from({ length: 10 }, () =>
        postWithKey<PaySheet>(finance, `/api/cycles/${cycleId}/pay-sheet/adjustments`, adjustment('9')),
      ),
    )
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200))
    expect((await adjustmentLines()).length).toBe(before.length + 10)
  })
})
