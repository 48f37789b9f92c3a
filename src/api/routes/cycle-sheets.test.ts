import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CycleSheetPage } from '../../contracts/cycle-sheets.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { installBuiltinTemplates } from '../../services/templates/install-builtin-templates.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../testing/seed-test-organisation.ts'
import { waitForJob } from '../testing/wait-for-job.ts'

// 全部考核表 (issue 17 part 1): every sheet of a cycle for HR, a supervisor's own tree for a supervisor, filtered,
// sorted and paged by the server; an employee is refused and a bad filter is named.

describe.each(await testEngines())('all sheets of a cycle on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let hr: ApiClient
  let cycleId = 0
  const sheetOf: Record<string, number> = {}
  const clock = new Date('2026-10-09T02:00:00Z')
  const clientFor = async (username: string) => {
    const app = createApp({ db: handle.db, engine, now: () => clock })
    const client = createApiClient((p, i) => app.request(p, i))
    await client.login(username)
    return client
  }
  const list = async (client: ApiClient, query = '') => {
    const res = await client.get<CycleSheetPage>(`/api/cycles/${cycleId}/all-sheets${query}`)
    expect(res.status).toBe(200)
    return res.body
  }
  const names = (page: CycleSheetPage) => page.items.map((s) => s.employeeNo)

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    await installBuiltinTemplates(handle.db, org.companyId)
    hr = await clientFor('hr')
    const template = await handle.db
      .selectFrom('templates')
      .select('id')
      .where('company_id', '=', org.companyId)
      .where('code', '=', 'seed-000-customer-service')
      .executeTakeFirstOrThrow()
    const e = org.employees
    const opened = await hr.post<{ cycle: { id: number }; jobId: number }>('/api/cycles', {
      name: '2026-09',
      kind: 'monthly',
      periodStart: '2026-09-01',
      periodEnd: '2026-09-30',
      templateId: template.id,
      participants: { employeeIds: [e.E001, e.E002, e.E003, e.E004, e.E005, e.E006] },
    })
    expect(opened.status).toBe(202)
    expect((await waitForJob(hr, opened.body.jobId)).status).toBe('succeeded')
    cycleId = opened.body.cycle.id
    const sheets = await handle.db
      .selectFrom('appraisal_sheets as s')
      .innerJoin('employees as e', 'e.id', 's.employee_id')
      .select(['s.id', 'e.employee_no'])
      .where('s.cycle_id', '=', cycleId)
      .execute()
    for (const s of sheets) sheetOf[s.employee_no] = s.id
    // Each sheet somewhere else in the workflow: E001/E002 still agree targets (制定目标).
    const set = (no: string, patch: { state: string; total?: number; grade?: string }) =>
      handle.db.updateTable('appraisal_sheets').set(patch).where('id', '=', sheetOf[no]!).execute()
    await set('E003', { state: 'final', total: 92, grade: 'A' })
    await set('E004', { state: 'supervisor_submitted' })
    await set('E005', { state: 'self_submitted' })
    await set('E006', { state: 'appeal_filed', total: 70, grade: 'C' })
    await handle.db
      .insertInto('appeals')
      .values({
        company_id: org.companyId,
        sheet_id: sheetOf.E006!,
        status: 'filed',
        reasons: '客户评价数据有误',
        requested_outcome: '重新计算',
      })
      .execute()
    // The last compute held E004 for a missing figure.
    await handle.db
      .insertInto('jobs')
      .values({
        company_id: org.companyId,
        kind: 'cycle.compute',
        status: 'succeeded',
        params: JSON.stringify({ cycleId }),
        result: JSON.stringify({ held: [{ sheetId: sheetOf.E004, items: [] }] }),
      })
      .execute()
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('lists every sheet of the cycle for HR with the departments to filter by', async () => {
    const page = await list(hr)
    expect(page.total).toBe(6)
    expect(page.items).toHaveLength(6)
    expect(page.cycle).toEqual({ id: cycleId, name: '2026-09' })
    expect(page.departments.map((d) => d.name).sort()).toEqual(['电商部', '客服部', '运营部'].sort())
    const e006 = page.items.find((s) => s.employeeNo === 'E006')!
    expect(e006).toMatchObject({
      state: 'appeal_filed',
      total: 70,
      grade: 'C',
      hasAppeal: true,
      isHeld: false,
    })
    expect(page.items.find((s) => s.employeeNo === 'E004')).toMatchObject({ isHeld: true, hasAppeal: false })
  })

  it('filters by department, state, grade, appeal, held and overdue in the query', async () => {
    expect(names(await list(hr, `?departmentId=${org.departments.service}&sort=name`)).sort()).toEqual([
      'E002',
      'E003',
      'E004',
    ])
    expect(names(await list(hr, '?state=draft')).sort()).toEqual(['E001', 'E002'])
    expect(names(await list(hr, '?state=draft,final')).sort()).toEqual(['E001', 'E002', 'E003'])
    expect(names(await list(hr, '?grade=A'))).toEqual(['E003'])
    expect(names(await list(hr, '?hasAppeal=true'))).toEqual(['E006'])
    expect(names(await list(hr, '?held=true'))).toEqual(['E004'])
    expect((await list(hr, '?held=false')).total).toBe(5)
    // Overdue means the next step's date has passed; targets were due early in September, so drafts are late.
    const overdue = await list(hr, '?overdue=true')
    expect(overdue.items.every((s) => s.isOverdue && s.dueDate !== null && s.dueDate < overdue.today)).toBe(
      true,
    )
    expect(names(overdue)).toEqual(expect.arrayContaining(['E001', 'E002']))
    const onTime = await list(hr, '?overdue=false')
    expect(onTime.total + overdue.total).toBe(6)
    expect(onTime.items.some((s) => s.isOverdue)).toBe(false)
  })

  it('sorts by total, stage and deadline, empty values last', async () => {
    expect(names(await list(hr, '?sort=total&direction=desc')).slice(0, 2)).toEqual(['E003', 'E006'])
    expect(names(await list(hr, '?sort=total&direction=asc')).slice(0, 2)).toEqual(['E006', 'E003'])
    // Stage order is the workflow's: drafts, then self review, …, appeal, final.
    expect(names(await list(hr, '?sort=stage'))).toEqual(['E001', 'E002', 'E005', 'E004', 'E006', 'E003'])
    expect(names(await list(hr, '?sort=stage&direction=desc'))[0]).toBe('E003')
    const byDeadline = (await list(hr, '?sort=deadline')).items.map((s) => s.dueDate)
    const dated = byDeadline.filter((d) => d !== null)
    expect(dated).toEqual([...dated].sort())
    expect(byDeadline.slice(dated.length).every((d) => d === null)).toBe(true)
  })

  it('pages on the server and keeps the total', async () => {
    const first = await list(hr, '?sort=stage&limit=2')
    const second = await list(hr, '?sort=stage&limit=2&offset=2')
    expect(first).toMatchObject({ total: 6, limit: 2, offset: 0 })
    expect(names(first)).toEqual(['E001', 'E002'])
    expect(names(second)).toEqual(['E005', 'E004'])
    const past = await list(hr, '?limit=2&offset=10')
    expect(past).toMatchObject({ items: [], total: 6 })
  })

  it('shows a supervisor only their reporting tree and refuses employees and finance', async () => {
    expect(names(await list(await clientFor('zhuguan'))).sort()).toEqual(['E003', 'E004'])
    expect(names(await list(await clientFor('dianzhang'))).sort()).toEqual(['E002', 'E003', 'E004', 'E005'])
    const scoped = await list(await clientFor('zhuguan'), '?state=final')
    expect(names(scoped)).toEqual(['E003'])
    expect((await (await clientFor('xiaobing')).get(`/api/cycles/${cycleId}/all-sheets`)).status).toBe(403)
    expect((await (await clientFor('finance')).get(`/api/cycles/${cycleId}/all-sheets`)).status).toBe(403)
  })

  it('answers a bad filter with a 400 naming the field, and an unknown cycle with a 404', async () => {
    for (const [query, field] of [
      ['?state=bogus', 'state'],
      ['?sort=colour', 'sort'],
      ['?limit=0', 'limit'],
      ['?overdue=maybe', 'overdue'],
      ['?departmentId=x', 'departmentId'],
      ['?colour=red', 'colour'],
    ] as const) {
      const res = await hr.get<{ error: { code: string; issues: { path: string }[] } }>(
        `/api/cycles/${cycleId}/all-sheets${query}`,
      )
      expect(res.status, query).toBe(400)
      expect(res.body.error.code).toBe('invalid_input')
      expect(res.body.error.issues.map((i) => i.path)).toContain(field)
    }
    expect((await hr.get('/api/cycles/999999/all-sheets')).status).toBe(404)
  })
})
