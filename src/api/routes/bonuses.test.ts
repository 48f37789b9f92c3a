import Decimal from 'decimal.js'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import type { Actor } from '../../services/auth/actor.ts'
import { createBonusPool } from '../../services/bonuses/create-bonus-pool.ts'
import { seedFinishedCycles } from '../../test-support/seed-finished-cycles.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient, testPassword } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { otherTestCompanyCode, type TestOrganisation } from '../testing/seed-test-organisation.ts'

// Bonus pools (奖金池) on both engines: allocated over a cycle's final results by 绩效系数 × base, a grade table
// or the score; the lines always sum exactly to the pool (a property over random pools, headcounts and rules,
// through the service and the database); refused while a sheet is open; staff-only; audited. Finance approves a
// pool, which locks it (no second approval, no deletion); a draft may be deleted by HR/admin and allocated again.

type Pool = {
  id: number
  amount: string
  allocated: string
  lines: { employeeName: string; amount: string }[]
  status: 'draft' | 'approved'
  approvedBy: string | null
  approvedAt: string | null
  approvalNote: string | null
}
type Refusal = { error: { code: string; message: string } }

describe.each(await testEngines())('bonus pools on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let hr: ApiClient
  let finance: ApiClient
  let supervisor: ApiClient
  let admin: ApiClient
  let otherAdmin: ApiClient
  let actor: Actor
  /** Cycles with 1 … 5 participants, all final. */
  const cycles: number[] = []
  let openCycleId = 0
  const clock = new Date('2026-10-09T02:00:00Z')

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    const finished = await seedFinishedCycles(handle.db)
    org = finished.org
    const e = org.employees
    const people = [
      [e.E001, 96, 'excellent', 1.5],
      [e.E003, 82, 'good', 1.2],
      [e.E004, 64, 'pass', 0.5],
      [e.E005, 77.5, 'pass', 1],
      [e.E006, 91, 'excellent', 1.5],
    ] as const
    for (let n = 1; n <= 6; n++) {
      const id = await finished.add({
        name: `2026 Q3 · ${n}`,
        kind: 'quarterly',
        periodStart: '2026-07-01',
        periodEnd: '2026-09-30',
        sheets: people.slice(0, Math.min(n, 5)).map(([employeeId, total, grade, coefficient], i) => ({
          employeeId,
          // The sixth cycle has one sheet still open.
          state: n === 6 && i === 2 ? 'computed' : 'final',
          total,
          grade,
          coefficient,
        })),
      })
      if (n <= 5) cycles.push(id)
      else openCycleId = id
    }
    const app = createApp({ db: handle.db, engine, now: () => clock })
    const client = () => createApiClient((p, i) => app.request(p, i))
    ;[hr, finance, supervisor, admin, otherAdmin] = [client(), client(), client(), client(), client()]
    await admin.login('admin')
    await otherAdmin.login('b_admin', testPassword, otherTestCompanyCode)
    await hr.login('hr')
    await finance.login('finance')
    await supervisor.login('dianzhang')
    actor = { userId: org.users.hr, companyId: org.companyId, role: 'hr', employeeId: null }
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('splits by 绩效系数 × base to the fen, the remainder fen by largest remainder', async () => {
    const res = await hr.post<Pool>('/api/bonus-pools', {
      name: '2026 Q3 季度奖',
      kind: 'quarterly',
      cycleId: cycles[4],
      amount: '10000',
      rule: { kind: 'coefficient_times_base', base: '1000' },
    })
    expect(res.status).toBe(201)
    // Weights 1,500 + 1,200 + 500 + 1,000 + 1,500 = 5,700; in fen 1,000,000 × w / 5,700 floors to 263,157 · 210,526
    // · 87,719 · 175,438 · 263,157 = 999,997; the 3 fen left go to the largest remainders (.894, .894, .596).
    expect(res.body.lines.map((l) => [l.employeeName, l.amount])).toEqual([
      ['张店长', '2631.58'],
      ['小冰', '2105.26'],
      ['小焦', '877.19'],
      ['王运营', '1754.39'],
      ['赵美工', '2631.58'],
    ])
    expect(res.body.allocated).toBe('10000.00')
    const got = await finance.get<Pool>(`/api/bonus-pools/${res.body.id}`)
    expect(got.body.allocated).toBe('10000.00')
    const audit = await handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'bonus_pool')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['bonus_pool.create'])
  })

  it('sums exactly to the pool for random pools, headcounts and rules', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.constantFrom('coefficient_times_base', 'grade_table', 'score'),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 4, maxLength: 4 }),
        async (index, poolFen, kind, gradeWeights) => {
          const cycleId = cycles[Math.min(index, 4)]!
          const amount = new Decimal(poolFen).div(100).toFixed(2)
          const [excellent, good, pass, fail] = gradeWeights as [number, number, number, number]
          const rule =
            kind === 'grade_table'
              ? { kind, table: { excellent, good, pass, fail } }
              : kind === 'score'
                ? { kind }
                : { kind, base: String(gradeWeights[0]) }
          const pool = await createBonusPool({ db: handle.db, now: () => clock }, actor, {
            name: 'p',
            kind: 'quarterly',
            cycleId,
            amount,
            rule: rule as never,
          })
          const sum = pool.lines.reduce((a, l) => a.plus(l.amount), new Decimal(0))
          expect(sum.toFixed(2)).toBe(amount)
          expect(pool.lines).toHaveLength(Math.min(index, 4) + 1)
          for (const l of pool.lines) expect(l.amount).toMatch(/^\d+\.\d{2}$/)
        },
      ),
      { numRuns: engine === 'pglite' ? 40 : 25 },
    )
  })

  it('refuses a cycle with open sheets (naming them), a bad rule, and non-staff', async () => {
    const open = await hr.post<{ error: { message: string } }>('/api/bonus-pools', {
      name: 'x',
      kind: 'quarterly',
      cycleId: openCycleId,
      amount: '100',
      rule: { kind: 'score' },
    })
    expect(open.status).toBe(409)
    expect(open.body.error.message).toContain('小焦（computed）')
    const noBase = await hr.post<{ error: { message: string } }>('/api/bonus-pools', {
      name: 'x',
      kind: 'quarterly',
      cycleId: cycles[1],
      amount: '100',
      rule: { kind: 'coefficient_times_base' },
    })
    // No base given and no pay scheme assigned: the employee is named.
    expect(noBase.status).toBe(400)
    expect(noBase.body.error.message).toContain('张店长')
    const fraction = await hr.post<{ error: { issues: { path: string }[] } }>('/api/bonus-pools', {
      name: 'x',
      kind: 'quarterly',
      cycleId: cycles[1],
      amount: '100.001',
      rule: { kind: 'score' },
    })
    expect(fraction.status).toBe(400)
    expect(fraction.body.error.issues[0]?.path).toBe('amount')
    const body = { name: 'x', kind: 'quarterly', cycleId: cycles[0], amount: '1', rule: { kind: 'score' } }
    expect((await finance.post('/api/bonus-pools', body)).status).toBe(403)
    expect((await supervisor.post('/api/bonus-pools', body)).status).toBe(403)
    expect((await supervisor.get('/api/bonus-pools')).status).toBe(403)
  })

  const allocate = async (name: string) => {
    const res = await hr.post<Pool>('/api/bonus-pools', {
      name,
      kind: 'quarterly',
      cycleId: cycles[2],
      amount: '3000',
      rule: { kind: 'score' },
    })
    expect(res.status).toBe(201)
    return res.body
  }
  const auditOf = (id: number) =>
    handle.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'before', 'after', 'reason'])
      .where('entity', '=', 'bonus_pool')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute()

  it('finance approves a draft pool, which locks it: a second approval and a deletion are refused by name', async () => {
    const pool = await allocate('2026 Q3 季度奖 · 审批')
    expect(pool).toMatchObject({ status: 'draft', approvedBy: null, approvedAt: null })
    // HR allocates but does not approve; a supervisor does neither.
    expect((await hr.post(`/api/bonus-pools/${pool.id}/approve`, {})).status).toBe(403)
    expect((await supervisor.post(`/api/bonus-pools/${pool.id}/approve`, {})).status).toBe(403)
    // Another company's admin cannot see the pool at all.
    expect((await otherAdmin.post(`/api/bonus-pools/${pool.id}/approve`, {})).status).toBe(404)
    expect((await finance.post('/api/bonus-pools/999999/approve', {})).status).toBe(404)

    const approved = await finance.post<Pool>(`/api/bonus-pools/${pool.id}/approve`, {
      note: '与 9 月工资同发',
    })
    expect(approved.status).toBe(200)
    expect(approved.body).toMatchObject({
      status: 'approved',
      approvedBy: '财务',
      approvedAt: clock.toISOString(),
      approvalNote: '与 9 月工资同发',
      allocated: '3000.00',
    })
    expect(
      (await hr.get<{ items: Pool[] }>('/api/bonus-pools')).body.items.find((p) => p.id === pool.id)?.status,
    ).toBe('approved')

    // 10:00 in Shanghai is 02:00 UTC: the refusal names the approver and the local time.
    const twice = await finance.post<Refusal>(`/api/bonus-pools/${pool.id}/approve`, {})
    expect(twice.status).toBe(409)
    expect(twice.body.error.code).toBe('locked')
    expect(twice.body.error.message).toContain('已由 财务 2026-10-09 10:00 审批')
    expect(twice.body.error.message).toContain('already approved')
    const byAdmin = await admin.post<Refusal>(`/api/bonus-pools/${pool.id}/approve`, {})
    expect(byAdmin.status).toBe(409)

    const removal = await hr.delete<Refusal>(`/api/bonus-pools/${pool.id}`)
    expect(removal.status).toBe(409)
    expect(removal.body.error.message).toContain('已由 财务 2026-10-09 10:00 审批，不能删除')
    expect((await admin.delete(`/api/bonus-pools/${pool.id}`)).status).toBe(409)
    expect((await finance.get<Pool>(`/api/bonus-pools/${pool.id}`)).body.lines).toHaveLength(3)

    const audit = await auditOf(pool.id)
    expect(audit.map((a) => a.action)).toEqual(['bonus_pool.create', 'bonus_pool.approve'])
    expect(audit[1]).toMatchObject({
      actor_user_id: org.users.finance,
      before: { status: 'draft' },
      after: { status: 'approved', amount: '3000.00' },
      reason: '与 9 月工资同发',
    })
  })

  it('admin may approve too; HR and admin delete a draft (audited with the whole pool), finance may not', async () => {
    const byAdmin = await allocate('2026 Q3 · 管理员审批')
    const approved = await admin.post<Pool>(`/api/bonus-pools/${byAdmin.id}/approve`, {})
    expect(approved.status).toBe(200)
    expect(approved.body.status).toBe('approved')
    expect(approved.body.approvalNote).toBeNull()

    const wrong = await allocate('2026 Q3 · 分错了')
    expect((await finance.delete(`/api/bonus-pools/${wrong.id}`)).status).toBe(403)
    expect((await supervisor.delete(`/api/bonus-pools/${wrong.id}`)).status).toBe(403)
    expect((await otherAdmin.delete(`/api/bonus-pools/${wrong.id}`)).status).toBe(404)
    expect((await hr.delete(`/api/bonus-pools/${wrong.id}`)).status).toBe(204)
    expect((await hr.get(`/api/bonus-pools/${wrong.id}`)).status).toBe(404)
    expect((await hr.delete(`/api/bonus-pools/${wrong.id}`)).status).toBe(404)
    const audit = await auditOf(wrong.id)
    expect(audit.map((a) => a.action)).toEqual(['bonus_pool.create', 'bonus_pool.delete'])
    expect(audit[1]?.actor_user_id).toBe(org.users.hr)
    expect(audit[1]?.before).toMatchObject({ status: 'draft', name: '2026 Q3 · 分错了', amount: '3000.00' })
    expect((audit[1]!.before as { lines: unknown[] }).lines).toHaveLength(3)

    const again = await allocate('2026 Q3 · 重新分配')
    expect((await admin.delete(`/api/bonus-pools/${again.id}`)).status).toBe(204)
  })
})
