import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAudit, verifyAuditChain } from '../../db/audit-log-repository.ts'
import { insertCompany, insertEmployee } from '../../db/organisation-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../testing/seed-test-organisation.ts'

type Employee = {
  id: number
  employeeNo: string
  name: string
  departmentName: string | null
  positionName: string | null
  managerId: number | null
  managerName: string | null
  hireDate: string
  leaveDate: string | null
  status: string
}
type Page = { items: Employee[]; total: number; page: number; pageSize: number }
type ErrorBody = { error: { code: string; issues?: { path: string; message: string }[] } }

describe.each(await testEngines())('employee routes on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let hr: ApiClient

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    const app = createApp({ db: handle.db, engine, now: () => new Date('2026-04-01T02:00:00Z') })
    hr = createApiClient((p, i) => app.request(p, i))
    expect((await hr.login('hr')).status).toBe(200)
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  const issuePaths = (body: unknown) => ((body as ErrorBody).error.issues ?? []).map((i) => i.path)

  it('creates an employee with names resolved, and records who did it in the audit log', async () => {
    const res = await hr.post<Employee>('/api/employees', {
      employeeNo: 'E101',
      name: '小美',
      departmentId: org.departments.service,
      positionId: org.positions.service,
      managerId: org.employees.E002,
      hireDate: '2026-03-16',
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      employeeNo: 'E101',
      name: '小美',
      departmentName: '客服部',
      positionName: '客服专员',
      managerName: '李主管',
      hireDate: '2026-03-16',
      leaveDate: null,
      status: 'active',
    })
    const [audit] = await listAudit(handle.db, org.companyId, { entity: 'employee', entityId: res.body.id })
    expect(audit).toMatchObject({
      action: 'employee.create',
      actorUserId: org.users.hr,
      before: null,
      after: { employeeNo: 'E101', name: '小美', managerId: org.employees.E002 },
      createdAt: new Date('2026-04-01T02:00:00Z'),
    })
  })

  it('updates an employee and audits before and after', async () => {
    const res = await hr.patch<Employee>(`/api/employees/${org.employees.E004}`, {
      status: 'left',
      leaveDate: '2026-03-31',
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ name: '小焦', status: 'left', leaveDate: '2026-03-31' })
    const [audit] = await listAudit(handle.db, org.companyId, {
      entity: 'employee',
      entityId: org.employees.E004,
    })
    expect(audit).toMatchObject({
      action: 'employee.update',
      before: { status: 'active', leaveDate: null },
      after: { status: 'left', leaveDate: '2026-03-31' },
    })
  })

  it('refuses a manager from another company, naming managerId', async () => {
    const res = await hr.patch(`/api/employees/${org.employees.E003}`, { managerId: org.employees.B001 })
    expect(res.status).toBe(400)
    expect(issuePaths(res.body)).toEqual(['managerId'])
  })

  it('refuses a manager cycle (李主管 reporting to her own report 小冰), naming managerId', async () => {
    const cycle = await hr.patch(`/api/employees/${org.employees.E002}`, { managerId: org.employees.E003 })
    expect(cycle.status).toBe(400)
    expect(cycle.body).toMatchObject({
      error: {
        code: 'invalid_input',
        issues: [{ path: 'managerId', message: expect.stringContaining('循环') }],
      },
    })
    const self = await hr.patch(`/api/employees/${org.employees.E002}`, { managerId: org.employees.E002 })
    expect(issuePaths(self.body)).toEqual(['managerId'])
    const unchanged = await hr.get<Employee>(`/api/employees/${org.employees.E002}`)
    expect(unchanged.body.managerId).toBe(org.employees.E001)
  })

  it('refuses dates that do not exist and a leave date before the hire date', async () => {
    const base = { employeeNo: 'E102', name: '小雪' }
    for (const hireDate of ['2025-02-29', '2026-13-01', '2026-4-1', '2026-04-31']) {
      const res = await hr.post('/api/employees', { ...base, hireDate })
      expect(res.status, hireDate).toBe(400)
      expect(issuePaths(res.body)).toEqual(['hireDate'])
    }
    const leap = await hr.post<Employee>('/api/employees', { ...base, hireDate: '2024-02-29' })
    expect(leap.status).toBe(201)
    const early = await hr.patch(`/api/employees/${leap.body.id}`, { leaveDate: '2024-01-01' })
    expect(early.status).toBe(400)
    expect(issuePaths(early.body)).toEqual(['leaveDate'])
    const leftWithoutDate = await hr.patch(`/api/employees/${leap.body.id}`, { status: 'left' })
    expect(issuePaths(leftWithoutDate.body)).toEqual(['leaveDate'])
  })

  it('names every bad reference at once', async () => {
    const res = await hr.post('/api/employees', {
      employeeNo: 'E103',
      name: '小雨',
      hireDate: '2026-01-05',
      departmentId: 999999,
      positionId: 999998,
      managerId: 999997,
    })
    expect(res.status).toBe(400)
    expect(issuePaths(res.body)).toEqual(['departmentId', 'positionId', 'managerId'])
  })

  it('refuses a duplicate employee number with 409 naming employeeNo; other companies may reuse it', async () => {
    const res = await hr.post('/api/employees', { employeeNo: 'E001', name: '重复', hireDate: '2026-01-05' })
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({ error: { code: 'conflict', issues: [{ path: 'employeeNo' }] } })
    const moved = await hr.patch(`/api/employees/${org.employees.E005}`, { employeeNo: 'E001' })
    expect(moved.status).toBe(409)
    const elsewhere = await insertCompany(handle.db, '丙店')
    await expect(
      insertEmployee(handle.db, elsewhere, {
        employeeNo: 'E001',
        name: '丙店员工',
        departmentId: null,
        positionId: null,
        managerId: null,
        hireDate: '2026-01-01',
        leaveDate: null,
        status: 'active',
      }),
    ).resolves.toBeGreaterThan(0)
  })

  it('searches by name or employee number, filters, and pages', async () => {
    const byName = await hr.get<Page>(`/api/employees?q=${encodeURIComponent('小')}`)
    expect(byName.body.items.map((e) => e.name)).toEqual(expect.arrayContaining(['小冰', '小焦', '小美']))
    const byNo = await hr.get<Page>('/api/employees?q=e00')
    expect(byNo.body.items.map((e) => e.employeeNo)).toEqual(['E001', 'E002', 'E003', 'E004', 'E005', 'E006'])
    const literalPercent = await hr.get<Page>(`/api/employees?q=${encodeURIComponent('%')}`)
    expect(literalPercent.body.total).toBe(0)
    const inService = await hr.get<Page>(
      `/api/employees?departmentId=${org.departments.service}&status=active`,
    )
    expect(inService.body.items.map((e) => e.employeeNo)).toEqual(['E002', 'E003', 'E101'])
    const page2 = await hr.get<Page>('/api/employees?page=2&pageSize=3')
    expect(page2.body).toMatchObject({ page: 2, pageSize: 3, total: 8 })
    expect(page2.body.items.map((e) => e.employeeNo)).toEqual(['E004', 'E005', 'E006'])
    const beyond = await hr.get<Page>('/api/employees?page=9&pageSize=3')
    expect(beyond.body).toMatchObject({ items: [], total: 8 })
  })

  it('refuses to delete an employee who still has reports or a login; deletes one entered by mistake', async () => {
    const manager = await hr.delete(`/api/employees/${org.employees.E002}`)
    expect(manager.status).toBe(409)
    const withLogin = await hr.delete(`/api/employees/${org.employees.E003}`)
    expect(withLogin.status).toBe(409)
    const created = await hr.post<Employee>('/api/employees', {
      employeeNo: 'E199',
      name: '录错',
      hireDate: '2026-01-05',
    })
    expect((await hr.delete(`/api/employees/${created.body.id}`)).status).toBe(204)
    expect((await hr.get(`/api/employees/${created.body.id}`)).status).toBe(404)
    expect((await hr.delete(`/api/employees/${created.body.id}`)).status).toBe(404)
    const [audit] = await listAudit(handle.db, org.companyId, {
      entity: 'employee',
      entityId: created.body.id,
    })
    expect(audit).toMatchObject({ action: 'employee.delete', before: { name: '录错' }, after: null })
  })

  it('leaves an intact audit chain after all these writes, and refused writes leave no row', async () => {
    const rows = await listAudit(handle.db, org.companyId, { limit: 1000 })
    expect(rows.every((r) => r.actorUserId === org.users.hr)).toBe(true)
    // 3 creates (E101, E102, E199) + 1 update of E004 + 1 delete = 5
    expect(rows.map((r) => r.action).sort()).toEqual([
      'employee.create',
      'employee.create',
      'employee.create',
      'employee.delete',
      'employee.update',
    ])
    expect(await verifyAuditChain(handle.db, org.companyId)).toEqual({ ok: true, rows: 5 })
  })

  it('lets exactly one of two simultaneous creations with the same employee number win', async () => {
    const body = { employeeNo: 'E300', name: '并发', hireDate: '2026-02-02' }
    const results = await Promise.all([hr.post('/api/employees', body), hr.post('/api/employees', body)])
    expect(results.map((r) => r.status).sort()).toEqual([201, 409])
    expect(await verifyAuditChain(handle.db, org.companyId)).toMatchObject({ ok: true, rows: 6 })
  })
})
