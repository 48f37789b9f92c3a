import Decimal from 'decimal.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  baseTimesScorePayScheme,
  customerServicePayScheme,
  storeManagerPayScheme,
  thresholdGatedPayScheme,
} from '../../core/pay/pay-scheme.ts'
import { findCycle } from '../../db/cycle-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { computePaySheet } from '../../services/pay/compute-pay-sheet.ts'
import { installBuiltinTemplates } from '../../services/templates/install-builtin-templates.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../testing/seed-test-organisation.ts'
import { waitForJob } from '../testing/wait-for-job.ts'

// The pay sheet end to end through the API on both engines: the seed pay systems as exact decimal cases
// (000 客服 and 店长, 002 T14 and T15), RBAC, approval refused while sheets are open (naming them), locking
// after approval, adjustment lines, an employee's own pay, and the audit trail.

type PayEmployee = {
  employeeId: number
  employeeName: string
  sheetId: number
  sheetState: string
  draft: boolean
  total: string
  computedTotal: string
  problems: string[]
  lines: { code: string; amount: string; kind: string; rule: { 'zh-CN': string } }[]
  inputs: Record<string, { value: string; source: string }>
  missingInputs: { name: string; label: { 'zh-CN': string; en: string } }[]
}
type PaySheet = {
  status: string
  total: string
  employees: PayEmployee[]
  notFinal: { employeeName: string }[]
  missing: { employeeId: number; employeeName: string; inputs: PayEmployee['missingInputs'] }[]
  drift: PayDrift | null
}
type PayDrift = {
  employees: {
    employeeId: number
    approvedScore: number
    score: number
    approvedTotal: string
    currentTotal: string
    settled: string
    difference: string
    reason: { 'zh-CN': string }
  }[]
  notFinal: { employeeName: string; state: string }[]
  total: string
}
type ErrorBody = { error: { code: string; message: string; issues?: { path: string; message: string }[] } }

describe.each(await testEngines())('pay routes on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let admin: ApiClient
  let hr: ApiClient
  let finance: ApiClient
  let supervisor: ApiClient
  let employee: ApiClient
  let cycleId = 0
  const clock = new Date('2026-11-05T02:00:00Z')
  const put = <T>(client: ApiClient, path: string, body: unknown) =>
    client.raw<T>(path, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrfToken ?? '' },
      body: JSON.stringify(body),
    })
  const sheetOf = (sheet: PaySheet, id: number) => sheet.employees.find((e) => e.employeeId === id)!
  const setResult = (employeeId: number, state: string, total: number, coefficient: number, grade: string) =>
    handle.db
      .updateTable('appraisal_sheets')
      .set({ state, total: String(total), coefficient: String(coefficient), grade })
      .where('cycle_id', '=', cycleId)
      .where('employee_id', '=', employeeId)
      .execute()

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
    ;[admin, hr, finance, supervisor, employee] = [client(), client(), client(), client(), client()]
    await admin.login('admin')
    await hr.login('hr')
    await finance.login('finance')
    await supervisor.login('dianzhang')
    await employee.login('xiaobing')
    const e = org.employees
    const opened = await admin.post<{ cycle: { id: number }; jobId: number }>('/api/cycles', {
      name: '2026年10月',
      kind: 'monthly',
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
      templateId,
      participants: { employeeIds: [e.E001, e.E003, e.E004, e.E005, e.E006] },
    })
    expect(opened.status).toBe(202)
    cycleId = opened.body.cycle.id
    expect((await waitForJob(admin, opened.body.jobId)).status).toBe('succeeded')
    await setResult(e.E001, 'final', 96, 1.5, 'excellent')
    await setResult(e.E003, 'final', 82, 1.2, 'good')
    await setResult(e.E004, 'appeal_window', 64, 0.5, 'pass')
    await setResult(e.E005, 'final', 77.77, 1, 'pass')
    await setResult(e.E006, 'final', 86.55, 1.2, 'good')
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('refuses a pay scheme with a negative base or a missing parameter, naming the field', async () => {
    const bad = customerServicePayScheme({ base: '-500' })
    const res = await put<ErrorBody>(hr, '/api/pay/assignments', {
      positionId: org.positions.service,
      scheme: bad,
    })
    expect(res.status).toBe(400)
    expect(res.body.error.issues?.map((i) => i.path)).toEqual(['scheme.lines[0].base'])
    const noRate = customerServicePayScheme()
    ;(noRate.lines[1] as { rate: string }).rate = ''
    const missing = await put<ErrorBody>(hr, '/api/pay/assignments', {
      positionId: org.positions.service,
      scheme: noRate,
    })
    expect(missing.status).toBe(400)
    expect(missing.body.error.issues?.[0]?.path).toBe('scheme.lines.1.rate')
    const both = await put<ErrorBody>(hr, '/api/pay/assignments', {
      positionId: org.positions.service,
      employeeId: org.employees.E003,
      scheme: customerServicePayScheme(),
    })
    expect(both.status).toBe(400)
    expect(
      (await put(finance, '/api/pay/assignments', { positionId: 1, scheme: customerServicePayScheme() }))
        .status,
    ).toBe(403)
  })

  it('computes the seed pay systems to the fen, with the rule behind each line', async () => {
    const e = org.employees
    const assign = async (body: Record<string, unknown>) =>
      expect((await put(hr, '/api/pay/assignments', body)).status).toBe(200)
    await assign({ positionId: org.positions.service, scheme: customerServicePayScheme() })
    await assign({
      positionId: org.positions.manager,
      scheme: storeManagerPayScheme({ teamShare: { kind: 'rate', rate: '0.01' } }),
    })
    await assign({
      positionId: org.positions.operator,
      scheme: thresholdGatedPayScheme({ performancePay: '3000' }),
    })
    // 美工 is paid by an employee override (T15), not by a position scheme.
    await assign({ employeeId: e.E006, scheme: baseTimesScorePayScheme({ base: '2000' }) })

    const reward = await hr.post(`/api/cycles/${cycleId}/pay-items`, {
      employeeId: e.E003,
      label: '全勤奖',
      amount: '50',
    })
    expect(reward.status).toBe(201)
    expect(
      (await hr.post(`/api/cycles/${cycleId}/pay-items`, { employeeId: e.E003, label: '迟到', amount: -20 }))
        .status,
    ).toBe(201)
    const zero = await hr.post<ErrorBody>(`/api/cycles/${cycleId}/pay-items`, {
      employeeId: e.E003,
      label: 'x',
      amount: '0',
    })
    expect(zero.body.error.issues?.[0]?.path).toBe('amount')
    const outsider = await hr.post<ErrorBody>(`/api/cycles/${cycleId}/pay-items`, {
      employeeId: e.E002,
      label: 'x',
      amount: '1',
    })
    expect(outsider.status).toBe(400)
    expect(outsider.body.error.issues?.[0]?.path).toBe('employeeId')

    const entered = (employeeId: number, values: Record<string, string | number>) =>
      put(hr, `/api/cycles/${cycleId}/pay-inputs`, { employeeId, values, reason: '系统外核对' })
    expect(
      (await entered(e.E003, { sales: '35678.45', neutral_reviews_revised: 3, negative_reviews_revised: 2 }))
        .status,
    ).toBe(200)
    expect((await entered(e.E001, { team_sales: '523456.78' })).status).toBe(200)

    const res = await hr.get<PaySheet>(`/api/cycles/${cycleId}/pay-sheet`)
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('draft')
    // 000 客服: 500 × 1.2 + 35,678.45 × 2% (713.569 → 713.57) + 3 × 10 + 2 × 20 + 50 − 20 = 1,413.57.
    const bing = sheetOf(res.body, e.E003)
    expect(bing.lines.map((l) => [l.code, l.amount])).toEqual([
      ['base', '600.00'],
      ['commission', '713.57'],
      ['neutral_reviews', '30.00'],
      ['negative_reviews', '40.00'],
      [expect.stringMatching(/^rewards_penalties\.\d+$/), '50.00'],
      [expect.stringMatching(/^rewards_penalties\.\d+$/), '-20.00'],
    ])
    expect(bing.total).toBe('1413.57')
    expect(bing.lines[1]?.rule['zh-CN']).toBe('个人销售额 35,678.45 × 2% = 713.569 → 713.57 元')
    expect(bing.inputs.sales).toMatchObject({ value: '35678.45', source: 'entered' })
    // 小焦 scored 64 (绩效系数 0.5) with no imported sales: flagged missing on the pay sheet, not paid as ¥0 (issue 16).
    const jiao = sheetOf(res.body, e.E004)
    expect(jiao.total).toBe('250.00')
    expect(jiao.inputs.sales?.source).toBe('missing')
    expect(jiao.missingInputs).toEqual([{ name: 'sales', label: { 'zh-CN': '个人销售额', en: 'own sales' } }])
    expect(res.body.missing).toEqual([
      { employeeId: e.E004, employeeName: '小焦', inputs: jiao.missingInputs },
    ])
    // 000 店长: 1,800 × 1.5 + 1% × 523,456.78 (5,234.5678 → 5,234.57) = 7,934.57.
    expect(sheetOf(res.body, e.E001).total).toBe('7934.57')
    // 002 T14: 77.77 is between 70 and 90 → 77.77% × 3,000 = 2,333.10.
    expect(sheetOf(res.body, e.E005).total).toBe('2333.10')
    // 002 T15: 绩效基数 2,000 × 86.55% = 1,731.00.
    expect(sheetOf(res.body, e.E006).total).toBe('1731.00')
    // 小焦's sheet is not final: her row is a draft, marked, and not counted (13,662.24 − 250.00).
    expect(jiao.draft).toBe(true)
    expect(bing.draft).toBe(false)
    expect(res.body.total).toBe('13412.24')
    expect(res.body.notFinal.map((s) => s.employeeName)).toEqual(['小焦'])
  })

  // Issue 12 part 7: finance saw scores that were not final in the pay sheet. Pay shows final results only: finance
  // gets no row (and no amount) of a sheet that is not final, HR sees it marked as a draft.
  it('hides rows of sheets that are not final from finance, and marks them as drafts to HR', async () => {
    const forFinance = await finance.get<PaySheet>(`/api/cycles/${cycleId}/pay-sheet`)
    expect(forFinance.status).toBe(200)
    const names = forFinance.body.employees.map((x) => x.employeeName)
    expect(names).not.toContain('小焦')
    expect(names).toHaveLength(4)
    expect(forFinance.body.employees.every((x) => x.draft === false)).toBe(true)
    expect(forFinance.body.total).toBe('13412.24')
    // What approval waits for is named, without a score or an amount.
    expect(forFinance.body.notFinal).toEqual([
      { sheetId: expect.any(Number), employeeName: '小焦', state: 'appeal_window' },
    ])
    const forHr = await hr.get<PaySheet>(`/api/cycles/${cycleId}/pay-sheet`)
    expect(forHr.body.employees.find((x) => x.employeeName === '小焦')).toMatchObject({
      draft: true,
      sheetState: 'appeal_window',
      total: '250.00',
    })
    const exported = await hr.get<string>(`/api/cycles/${cycleId}/exports/pay?format=csv`)
    expect(exported.status).toBe(200)
    expect(exported.body).toContain('草稿：考核未定稿')
    const financeExport = await finance.get<string>(`/api/cycles/${cycleId}/exports/pay?format=csv`)
    expect(financeExport.status).toBe(200)
    expect(financeExport.body).not.toContain('小焦')
    expect(financeExport.body).not.toContain('草稿：考核未定稿')
  })

  it('keeps pay from supervisors and employees', async () => {
    expect((await supervisor.get(`/api/cycles/${cycleId}/pay-sheet`)).status).toBe(403)
    expect((await employee.get(`/api/cycles/${cycleId}/pay-sheet`)).status).toBe(403)
    expect((await employee.get(`/api/cycles/${cycleId}/pay-items`)).status).toBe(403)
    expect((await hr.post(`/api/cycles/${cycleId}/pay-sheet/approve`, {})).status).toBe(403)
    expect(
      (
        await finance.post(`/api/cycles/${cycleId}/pay-items`, {
          employeeId: org.employees.E003,
          label: 'x',
          amount: 1,
        })
      ).status,
    ).toBe(403)
    // Nothing approved yet: the employee sees no pay lines.
    expect((await employee.get<{ items: unknown[] }>('/api/me/pay')).body.items).toEqual([])
  })

  it('refuses approval while a sheet is not final, naming it; approves and locks once all are final', async () => {
    const refused = await finance.post<ErrorBody>(`/api/cycles/${cycleId}/pay-sheet/approve`, {})
    expect(refused.status).toBe(409)
    expect(refused.body.error.message).toContain('小焦（appeal_window）')
    expect(
      (
        await finance.post(`/api/cycles/${cycleId}/pay-sheet/adjustments`, {
          employeeId: org.employees.E003,
          label: '补发',
          amount: '10',
          reason: 'x',
        })
      ).status,
    ).toBe(409)

    await setResult(org.employees.E004, 'final', 64, 0.5, 'pass')
    // 小焦's sales were never imported: approval waits, naming her and the input (issue 16), until it is entered —
    // here as 0, explicitly, with a reason (audited).
    const missing = await finance.post<ErrorBody>(`/api/cycles/${cycleId}/pay-sheet/approve`, {})
    expect(missing.status).toBe(409)
    expect(missing.body.error.code).toBe('missing_data')
    expect(missing.body.error.message).toContain('小焦（个人销售额）')
    expect(missing.body.error.issues?.map((i) => i.path)).toEqual([
      `employees.${org.employees.E004}.inputs.sales`,
    ])
    const zeroed = await put(hr, `/api/cycles/${cycleId}/pay-inputs`, {
      employeeId: org.employees.E004,
      values: { sales: 0 },
      reason: '本月无个人销售',
    })
    expect(zeroed.status).toBe(200)
    const approved = await finance.post<PaySheet>(`/api/cycles/${cycleId}/pay-sheet/approve`, {
      note: '10月工资',
    })
    expect(approved.status).toBe(200)
    expect(approved.body.status).toBe('approved')
    expect(approved.body.total).toBe('13662.24')
    expect((await finance.post(`/api/cycles/${cycleId}/pay-sheet/approve`, {})).status).toBe(409)

    // Locked: rewards, inputs and deletions are refused; the lines do not move when the scheme changes.
    const late = await hr.post<ErrorBody>(`/api/cycles/${cycleId}/pay-items`, {
      employeeId: org.employees.E003,
      label: '补录',
      amount: '5',
    })
    expect(late.status).toBe(409)
    expect(late.body.error.code).toBe('locked')
    const items = await hr.get<{ items: { id: number }[] }>(`/api/cycles/${cycleId}/pay-items`)
    expect((await hr.delete(`/api/cycles/${cycleId}/pay-items/${items.body.items[0]!.id}`)).status).toBe(409)
    expect(
      (
        await put(hr, '/api/pay/assignments', {
          positionId: org.positions.service,
          scheme: customerServicePayScheme({ base: '900' }),
        })
      ).status,
    ).toBe(200)
    const after = await finance.get<PaySheet>(`/api/cycles/${cycleId}/pay-sheet`)
    expect(sheetOf(after.body, org.employees.E003).total).toBe('1413.57')
  })

  it('adds corrections after approval as adjustment lines, and shows employees only their own pay', async () => {
    const adjusted = await finance.post<PaySheet>(`/api/cycles/${cycleId}/pay-sheet/adjustments`, {
      employeeId: org.employees.E003,
      label: '差评修改漏计 1 个',
      amount: '20.00',
      reason: '售后核对后补发',
    })
    expect(adjusted.status).toBe(200)
    const bing = sheetOf(adjusted.body, org.employees.E003)
    expect(bing.computedTotal).toBe('1413.57')
    expect(bing.total).toBe('1433.57')
    expect(bing.lines.at(-1)).toMatchObject({ kind: 'adjustment', amount: '20.00' })
    expect(adjusted.body.total).toBe('13682.24')

    const mine = await employee.get<{ items: { pay: PayEmployee }[] }>('/api/me/pay')
    expect(mine.body.items).toHaveLength(1)
    expect(mine.body.items[0]!.pay.employeeName).toBe('小冰')
    expect(mine.body.items[0]!.pay.total).toBe('1433.57')

    const audit = await handle.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('company_id', '=', org.companyId)
      .where('action', 'like', 'pay%')
      .execute()
    const actions = audit.map((a) => a.action)
    for (const action of [
      'pay_assignment.create',
      'pay_item.create',
      'pay_inputs.set',
      'pay_sheet.approve',
      'pay_sheet.adjust',
    ])
      expect(actions).toContain(action)
  })
  it('reports the drift of results changed after approval and settles it once, as adjustment lines', async () => {
    const e = org.employees
    const paySheet = async () => (await finance.get<PaySheet>(`/api/cycles/${cycleId}/pay-sheet`)).body
    // A scheme changed after approval (客服 base 900) and a manual correction (小冰 +20) are not drift.
    const before = await paySheet()
    expect(before.drift).toEqual({ employees: [], notFinal: [], problems: [], total: '0.00' })
    const reopen = async (employeeId: number) => {
      const sheetId = sheetOf(before, employeeId).sheetId
      const current = await admin.get<{ version: number }>(`/api/sheets/${sheetId}`)
      const res = await admin.post<{ state: string }>(`/api/sheets/${sheetId}/reopen`, {
        expectedVersion: current.body.version,
        reason: '复核后更正得分',
      })
      expect(res.status).toBe(200)
      expect(res.body.state).toBe('computed')
    }
    await reopen(e.E003)
    await reopen(e.E005)
    const reopened = await paySheet()
    expect(reopened.drift?.notFinal.map((s) => [s.employeeName, s.state])).toEqual([
      [sheetOf(before, e.E003).employeeName, 'computed'],
      [sheetOf(before, e.E005).employeeName, 'computed'],
    ])
    const waiting = await finance.post<ErrorBody>(`/api/cycles/${cycleId}/pay-sheet/settle-drift`, {})
    expect(waiting.status).toBe(409)
    expect(waiting.body.error.message).toContain(`${sheetOf(before, e.E003).employeeName}（computed）`)
    expect(waiting.body.error.issues).toHaveLength(2)

    // 小冰 82 (系数 1.2) → 91 (系数 1.5), repriced by the approved scheme: 500 × 1.5 − 500 × 1.2 = 150.00
    // (not by the later base 900). T14 77.77 → 88.89: 88.89% × 3,000 − 77.77% × 3,000 = 2,666.70 − 2,333.10 = 333.60.
    await setResult(e.E003, 'final', 91, 1.5, 'excellent')
    await setResult(e.E005, 'final', 88.89, 1.2, 'good')
    const drifted = (await paySheet()).drift!
    expect(drifted.notFinal).toEqual([])
    expect(
      drifted.employees.map((d) => [d.employeeId, d.approvedTotal, d.currentTotal, d.difference]),
    ).toEqual([
      [e.E003, '1413.57', '1563.57', '150.00'],
      [e.E005, '2333.10', '2666.70', '333.60'],
    ])
    expect(drifted.employees[0]?.reason['zh-CN']).toContain('得分 82 → 91，绩效系数 1.2 → 1.5')
    expect(drifted.total).toBe('483.60')
    expect((await hr.post(`/api/cycles/${cycleId}/pay-sheet/settle-drift`, {})).status).toBe(403)

    const settled = await finance.post<PaySheet>(`/api/cycles/${cycleId}/pay-sheet/settle-drift`, {
      note: '11月随工资补发',
    })
    expect(settled.status).toBe(200)
    expect(settled.body.drift?.employees).toEqual([])
    const bing = sheetOf(settled.body, e.E003)
    expect(bing.computedTotal).toBe('1413.57')
    expect(bing.lines.at(-1)).toMatchObject({ kind: 'adjustment', amount: '150.00' })
    expect(bing.lines.at(-1)?.rule['zh-CN']).toContain('得分 82 → 91')
    expect(bing.total).toBe('1583.57')
    expect(settled.body.total).toBe('14165.84')

    // A second call adds nothing.
    const again = await finance.post<PaySheet>(`/api/cycles/${cycleId}/pay-sheet/settle-drift`, {})
    expect(again.status).toBe(200)
    expect(again.body.total).toBe('14165.84')
    const items = await finance.get<{ items: { kind: string; label: string }[] }>(
      `/api/cycles/${cycleId}/pay-items`,
    )
    expect(items.body.items.filter((i) => i.label === '考核结果变更差额')).toHaveLength(2)

    // With the scheme as approved again, recomputing from the current results gives the pay sheet's total to the
    // fen: every person's computed pay plus the one correction that is not drift (小冰 +20).
    await put(hr, '/api/pay/assignments', {
      positionId: org.positions.service,
      scheme: customerServicePayScheme(),
    })
    const cycle = (await findCycle(handle.db, org.companyId, cycleId))!
    const live = await computePaySheet(handle.db, org.companyId, cycle)
    const recomputed = live.employees.reduce((a, x) => a.plus(x.computedTotal), new Decimal('20.00'))
    expect(recomputed.toFixed(2)).toBe(again.body.total)

    const audit = await handle.db
      .selectFrom('audit_log')
      .select(['action', 'reason'])
      .where('company_id', '=', org.companyId)
      .where('action', '=', 'pay_sheet.settle_drift')
      .execute()
    expect(audit).toHaveLength(2)
    expect(audit[0]?.reason).toContain('11月随工资补发')
  })
})
