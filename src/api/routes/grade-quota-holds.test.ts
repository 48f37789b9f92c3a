import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { customerServicePayScheme } from '../../core/pay/pay-scheme.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { type FinishedCycles, seedFinishedCycles } from '../../test-support/seed-finished-cycles.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import type { TestOrganisation } from '../testing/seed-test-organisation.ts'

// Forced distribution (强制分布, issue 16.7): HR chooses per cycle whether the grade quotas are advisory or
// enforced. Enforced quotas hold the employee's sign-off and the pay approval for a department whose grades do
// not fit, until they fit or HR records an exception with a reason (audited). Messages name the grade (优秀)
// and the department (客服部), never the code 「excellent」 or 「部门 3」.

type Violation = { scope: string; departmentId: number | null; message: string; held?: boolean }

describe.each(await testEngines())('grade quota holds on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let finished: FinishedCycles
  let hr: ApiClient
  let finance: ApiClient
  let xiaobing: ApiClient
  let signCycle = 0
  let payCycle = 0
  const enforce = (cycleId: number, quotaMode: 'advisory' | 'enforced') =>
    hr.patch(`/api/cycles/${cycleId}/settings`, {
      gradeQuotas: [{ grade: 'excellent', maxShare: 0.5 }],
      quotaMode,
    })

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    finished = await seedFinishedCycles(handle.db)
    org = finished.org
    const e = org.employees
    const sheet = (employeeId: number, state: string, total: number, grade: string) => ({
      employeeId,
      positionId: org.positions.service,
      state,
      total,
      grade,
      coefficient: grade === 'excellent' ? 1.5 : 1,
    })
    signCycle = await finished.add({
      name: '2026年10月',
      kind: 'monthly',
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
      sheets: [sheet(e.E003, 'feedback_held', 95, 'excellent'), sheet(e.E004, 'final', 92, 'excellent')],
    })
    payCycle = await finished.add({
      name: '2026年11月',
      kind: 'monthly',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      sheets: [sheet(e.E003, 'final', 95, 'excellent'), sheet(e.E004, 'final', 91, 'excellent')],
    })
    // Sheets carry the department the employee belonged to: 客服部 for both.
    await handle.db
      .updateTable('appraisal_sheets')
      .set({ department_id: org.departments.service })
      .where('company_id', '=', org.companyId)
      .execute()
    await handle.db
      .insertInto('pay_assignments' as never)
      .values({
        company_id: org.companyId,
        position_id: org.positions.service,
        scheme: JSON.stringify(customerServicePayScheme()),
      } as never)
      .execute()
    const app = createApp({ db: handle.db, engine, now: () => new Date('2026-12-03T02:00:00Z') })
    const client = () => createApiClient((p, i) => app.request(p, i))
    ;[hr, finance, xiaobing] = [client(), client(), client()]
    await hr.login('hr')
    await finance.login('finance')
    await xiaobing.login('xiaobing')
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('names grades and departments in quota messages, and marks the held department when enforced', async () => {
    expect((await enforce(signCycle, 'enforced')).status).toBe(200)
    const res = await hr.get<{ violations: Violation[]; quotaMode: string }>(
      `/api/cycles/${signCycle}/calibration`,
    )
    expect(res.status).toBe(200)
    expect(res.body.quotaMode).toBe('enforced')
    const department = res.body.violations.find((v) => v.scope === 'department')!
    expect(department.message).toContain('客服部')
    expect(department.message).toContain('「优秀」')
    expect(department.held).toBe(true)
    for (const v of res.body.violations) {
      expect(v.message).not.toContain('excellent')
      expect(v.message).not.toMatch(/部门 \d/)
    }
  })

  it('holds the sign-off of an enforced department; advisory quotas do not hold it', async () => {
    const { id, version } = await handle.db
      .selectFrom('appraisal_sheets')
      .select(['id', 'version'])
      .where('cycle_id', '=', signCycle)
      .where('employee_id', '=', org.employees.E003)
      .executeTakeFirstOrThrow()
    const held = await xiaobing.post<{ error: { code: string; message: string } }>(`/api/sheets/${id}/sign`, {
      expectedVersion: version,
    })
    expect(held.status).toBe(409)
    expect(held.body.error.code).toBe('quota_held')
    expect(held.body.error.message).toContain('客服部')
    expect(held.body.error.message).toContain('优秀')
    expect((await enforce(signCycle, 'advisory')).status).toBe(200)
    const signed = await xiaobing.post<{ state: string }>(`/api/sheets/${id}/sign`, {
      expectedVersion: version,
    })
    expect(signed.status).toBe(200)
    expect(signed.body.state).toBe('appeal_window')
  })

  it('holds pay approval until HR records an exception with a reason, which is audited', async () => {
    expect((await enforce(payCycle, 'enforced')).status).toBe(200)
    const held = await finance.post<{ error: { code: string; message: string } }>(
      `/api/cycles/${payCycle}/pay-sheet/approve`,
      {},
    )
    expect(held.status).toBe(409)
    expect(held.body.error.code).toBe('quota_held')
    expect(held.body.error.message).toContain('客服部')
    // An exception needs a reason, names a department of the cycle, and only HR or admin records it.
    const path = `/api/cycles/${payCycle}/quota-exceptions`
    const department = org.departments.service
    expect((await hr.post(path, { departmentId: department })).status).toBe(400)
    expect((await hr.post(path, { departmentId: department, reason: ' ' })).status).toBe(400)
    expect((await finance.post(path, { departmentId: department, reason: '两人均超额完成' })).status).toBe(
      403,
    )
    const recorded = await hr.post<{
      settings: { quotaExceptions: { departmentId: number; reason: string }[] }
    }>(path, {
      departmentId: department,
      reason: '两人均超额完成双十一目标',
    })
    expect(recorded.status).toBe(201)
    expect(recorded.body.settings.quotaExceptions).toEqual([
      expect.objectContaining({ departmentId: department, reason: '两人均超额完成双十一目标' }),
    ])
    const audit = await handle.db
      .selectFrom('audit_log')
      .select(['action', 'reason'])
      .where('company_id', '=', org.companyId)
      .where('action', '=', 'cycle.quota_exception')
      .execute()
    expect(audit).toEqual([{ action: 'cycle.quota_exception', reason: '两人均超额完成双十一目标' }])
    const calibration = await hr.get<{ violations: Violation[] }>(`/api/cycles/${payCycle}/calibration`)
    expect(calibration.body.violations.find((v) => v.scope === 'department')?.held).toBe(false)
    // Pay inputs without data hold approval too (missing is not 0): HR enters both agents' own sales.
    for (const employeeId of [org.employees.E003, org.employees.E004]) {
      const entered = await hr.put(`/api/cycles/${payCycle}/pay-inputs`, {
        employeeId,
        values: { sales: '120000' },
        reason: '店铺后台核对',
      })
      expect(entered.status).toBe(200)
    }
    const approved = await finance.post<{ status: string }>(`/api/cycles/${payCycle}/pay-sheet/approve`, {})
    expect(approved.status).toBe(200)
    expect(approved.body.status).toBe('approved')
  })
})
