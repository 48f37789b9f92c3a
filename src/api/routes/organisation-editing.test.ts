import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAudit } from '../../db/audit-log-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../testing/seed-test-organisation.ts'

// Editing the organisation (issue 13 part 5): contact details, retiring departments and positions, loops in
// the reporting tree named, leaving by date, and an audit row with before/after for every change.

type Department = { id: number; name: string; parentId: number | null; retiredAt: string | null }
type Position = { id: number; name: string; retiredAt: string | null }
type Employee = {
  id: number
  name: string
  status: string
  leaveDate: string | null
  phone: string | null
  email: string | null
  departmentId: number | null
  managerId: number | null
}
type Failure = { error: { code: string; message: string; issues: { path: string; message: string }[] } }

const now = new Date('2026-12-06T04:00:00Z') // 2026-12-06 in Asia/Shanghai

describe.each(await testEngines())('organisation editing on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let admin: ApiClient
  let hr: ApiClient
  let supervisor: ApiClient

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    const app = createApp({ db: handle.db, engine, now: () => now })
    const client = () => createApiClient((p, i) => app.request(p, i))
    admin = client()
    hr = client()
    supervisor = client()
    expect((await admin.login('admin')).status).toBe(200)
    expect((await hr.login('hr')).status).toBe(200)
    expect((await supervisor.login('dianzhang')).status).toBe(200)
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('keeps a phone and an e-mail on create, update, get and list, and empties them with ""', async () => {
    const created = await hr.post<Employee>('/api/employees', {
      employeeNo: 'E101',
      name: '陈手机',
      hireDate: '2026-11-01',
      departmentId: org.departments.service,
      phone: ' +86 138-0013-8000 ',
      email: 'chen@example.com',
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ phone: '+86 138-0013-8000', email: 'chen@example.com' })
    const id = created.body.id
    expect((await hr.get<Employee>(`/api/employees/${id}`)).body).toMatchObject({
      phone: '+86 138-0013-8000',
    })
    const listed = await hr.get<{ items: Employee[] }>('/api/employees?q=E101')
    expect(listed.body.items[0]).toMatchObject({ email: 'chen@example.com' })
    const cleared = await hr.patch<Employee>(`/api/employees/${id}`, { phone: '', email: null })
    expect(cleared.body).toMatchObject({ phone: null, email: null })
    const audit = await listAudit(handle.db, org.companyId, { entity: 'employee', entityId: id })
    expect(audit[0]).toMatchObject({
      action: 'employee.update',
      before: { phone: '+86 138-0013-8000', email: 'chen@example.com' },
      after: { phone: null, email: null },
    })
  })

  it('refuses a phone with letters or over 30 characters and a bad e-mail, naming the field', async () => {
    for (const [body, path] of [
      [{ phone: '138abc' }, 'phone'],
      [{ phone: '1'.repeat(31) }, 'phone'],
      [{ phone: '+- ' }, 'phone'],
      [{ email: 'not-an-address' }, 'email'],
    ] as const) {
      const res = await hr.patch<Failure>(`/api/employees/${org.employees.E004}`, body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body.error.issues[0]?.path).toBe(path)
    }
  })

  it('refuses a manager loop naming it (王运营 → 张店长 → 王运营) and a department loop likewise', async () => {
    const loop = await admin.patch<Failure>(`/api/employees/${org.employees.E001}`, {
      managerId: org.employees.E005,
    })
    expect(loop.status).toBe(400)
    expect(loop.body.error.issues).toEqual([
      { path: 'managerId', message: expect.stringContaining('张店长 → 王运营 → 张店长') },
    ])
    const self = await admin.patch<Failure>(`/api/employees/${org.employees.E003}`, {
      managerId: org.employees.E003,
    })
    expect(self.body.error.issues[0]?.message).toContain('小冰 → 小冰')
    const deep = await admin.patch<Failure>(`/api/employees/${org.employees.E001}`, {
      managerId: org.employees.E003,
    })
    expect(deep.body.error.issues[0]?.message).toContain('张店长 → 小冰 → 李主管 → 张店长')
    const departments = await admin.patch<Failure>(`/api/departments/${org.departments.ecommerce}`, {
      parentId: org.departments.service,
    })
    expect(departments.body.error.issues[0]).toEqual({
      path: 'parentId',
      message: expect.stringContaining('电商部 → 客服部 → 电商部'),
    })
    const positions = await admin.patch<Failure>(`/api/positions/${org.positions.manager}`, {
      superiorPositionId: org.positions.service,
    })
    expect(positions.body.error.issues[0]).toEqual({
      path: 'superiorPositionId',
      message: expect.stringContaining('店长 → 客服专员 → 客服主管 → 店长'),
    })
  })

  it('refuses a manager of another company and one who has left', async () => {
    const other = await admin.patch<Failure>(`/api/employees/${org.employees.E004}`, {
      managerId: org.employees.B001,
    })
    expect(other.status).toBe(400)
    expect(other.body.error.issues[0]?.path).toBe('managerId')
    const leaver = await admin.post<Employee>('/api/employees', {
      employeeNo: 'E102',
      name: '钱已走',
      hireDate: '2025-01-01',
      leaveDate: '2026-11-30',
    })
    expect(leaver.body.status).toBe('left')
    const under = await admin.patch<Failure>(`/api/employees/${org.employees.E004}`, {
      managerId: leaver.body.id,
    })
    expect(under.status).toBe(400)
    expect(under.body.error.issues[0]).toEqual({
      path: 'managerId',
      message: expect.stringContaining('已离职'),
    })
  })

  it('办理离职: a leave date that has come makes the employee left; one ahead keeps them; clearing it takes them back', async () => {
    const created = await admin.post<Employee>('/api/employees', {
      employeeNo: 'E103',
      name: '孙将走',
      hireDate: '2025-01-01',
    })
    const id = created.body.id
    const ahead = await admin.patch<Employee>(`/api/employees/${id}`, { leaveDate: '2026-12-31' })
    expect(ahead.body).toMatchObject({ leaveDate: '2026-12-31', status: 'active' })
    const today = await admin.patch<Employee>(`/api/employees/${id}`, { leaveDate: '2026-12-06' })
    expect(today.body).toMatchObject({ leaveDate: '2026-12-06', status: 'left' })
    const back = await admin.patch<Employee>(`/api/employees/${id}`, { leaveDate: null })
    expect(back.body).toMatchObject({ leaveDate: null, status: 'active' })
    const audit = await listAudit(handle.db, org.companyId, { entity: 'employee', entityId: id })
    expect(audit[1]).toMatchObject({ before: { status: 'active' }, after: { status: 'left' } })
  })

  it('retires a department only once nobody active is in it, hides it from new people, restores it', async () => {
    const created = await admin.post<Department>('/api/departments', {
      name: '直播部',
      parentId: org.departments.ecommerce,
    })
    const id = created.body.id
    const child = await admin.post<Department>('/api/departments', { name: '直播一组', parentId: id })
    const person = await admin.post<Employee>('/api/employees', {
      employeeNo: 'E104',
      name: '周主播',
      hireDate: '2025-01-01',
      departmentId: child.body.id,
    })
    const busy = await admin.post<Failure>(`/api/departments/${child.body.id}/retire`)
    expect(busy.status).toBe(409)
    expect(busy.body.error.message).toContain('1 名在职员工')
    const parentBusy = await admin.post<Failure>(`/api/departments/${id}/retire`)
    expect(parentBusy.body.error.message).toContain('1 个在用的下级部门')
    await admin.patch(`/api/employees/${person.body.id}`, { leaveDate: '2026-12-01' })
    const retiredChild = await admin.post<Department>(`/api/departments/${child.body.id}/retire`)
    expect(retiredChild.status).toBe(200)
    expect(retiredChild.body.retiredAt).toBe('2026-12-06T04:00:00.000Z')
    expect((await admin.post<Department>(`/api/departments/${id}/retire`)).status).toBe(200)

    const listed = await supervisor.get<{ items: Department[] }>('/api/departments')
    expect(listed.body.items.find((d) => d.id === id)?.retiredAt).not.toBeNull()
    const join = await admin.patch<Failure>(`/api/employees/${org.employees.E004}`, { departmentId: id })
    expect(join.status).toBe(400)
    expect(join.body.error.issues[0]).toEqual({
      path: 'departmentId',
      message: expect.stringContaining('已撤销'),
    })
    const under = await admin.post<Failure>('/api/departments', { name: '直播二组', parentId: id })
    expect(under.body.error.issues[0]?.path).toBe('parentId')
    // the leaver still sits in the retired department, and editing them still works
    expect((await admin.patch(`/api/employees/${person.body.id}`, { phone: '13800138000' })).status).toBe(200)

    const restoreChildFirst = await admin.post<Failure>(`/api/departments/${child.body.id}/restore`)
    expect(restoreChildFirst.status).toBe(409)
    expect((await admin.post<Department>(`/api/departments/${id}/restore`)).body.retiredAt).toBeNull()
    const audit = await listAudit(handle.db, org.companyId, { entity: 'department', entityId: id })
    expect(audit.map((a) => a.action).slice(0, 2)).toEqual(['department.restore', 'department.retire'])
    expect(audit[1]).toMatchObject({ before: { retiredAt: null }, after: { retiredAt: expect.any(String) } })
  })

  it('retires a position nobody active holds, and refuses placing someone in it', async () => {
    const busy = await admin.post<Failure>(`/api/positions/${org.positions.operator}/retire`)
    expect(busy.status).toBe(409)
    expect(busy.body.error.message).toContain('1 名在职员工')
    const created = await admin.post<Position>('/api/positions', { name: '主播' })
    const retired = await hr.post<Position>(`/api/positions/${created.body.id}/retire`)
    expect(retired.body.retiredAt).not.toBeNull()
    const place = await admin.patch<Failure>(`/api/employees/${org.employees.E004}`, {
      positionId: created.body.id,
    })
    expect(place.body.error.issues[0]).toEqual({
      path: 'positionId',
      message: expect.stringContaining('已撤销'),
    })
    const audit = await listAudit(handle.db, org.companyId, { entity: 'position', entityId: created.body.id })
    expect(audit[0]).toMatchObject({ action: 'position.retire' })
    expect(
      (await admin.post<Position>(`/api/positions/${created.body.id}/restore`)).body.retiredAt,
    ).toBeNull()
  })

  it('lets only admin and HR retire or restore', async () => {
    const res = await supervisor.post(`/api/departments/${org.departments.operations}/retire`)
    expect(res.status).toBe(403)
    expect((await supervisor.post(`/api/positions/${org.positions.designer}/restore`)).status).toBe(403)
    expect((await admin.post('/api/positions/424242/retire')).status).toBe(404)
  })
})
