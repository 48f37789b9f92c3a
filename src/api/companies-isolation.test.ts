import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateAccountsResult } from '../contracts/accounts.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../db/test-database.ts'
import { createCompany } from '../services/companies/create-company.ts'
import { createApp } from './create-app.ts'
import { type ApiClient, createApiClient } from './testing/api-client.ts'
import { closeTestDatabase } from './testing/close-test-database.ts'

// Issue 13 part 2: two companies in one database, created the way operators create them (the setup page
// and `jixiao company create`), both with an admin called "admin" and the same employee numbers, and both
// giving employee E002 the login "e002" through the accounts routes. Each sees only its own organisation and
// gets 404 for the other's ids; a login must name its company.
describe.each(await testEngines())('two companies in one database on %s', (engine) => {
  let handle: TestDatabase
  let app: ReturnType<typeof createApp>
  const password = '春天的樱桃-绩效-2026'
  const client = () => createApiClient((p, i) => app.request(p, i))
  type Org = { api: ApiClient; departmentId: number; employeeIds: number[] }
  const orgs: Record<'jia' | 'yi', Org> = {} as Record<'jia' | 'yi', Org>
  type Staff = { api: ApiClient; username: string; password: string }
  const staff: Record<'jia' | 'yi', Staff> = {} as Record<'jia' | 'yi', Staff>
  const staffPasswords = { jia: '甲店客服的密码-2026', yi: '乙店客服的密码-2026' }

  /** The admin gives E002 a login with an activation link, and E002 activates it with their own password. */
  async function giveStaffLogin(org: Org, password: string): Promise<Staff> {
    const created = await org.api.post<CreateAccountsResult>('/api/accounts', {
      employeeIds: [org.employeeIds[1]],
      delivery: 'activation_link',
    })
    expect(created.status).toBe(200)
    const [result] = created.body.results
    expect(result).toMatchObject({ outcome: 'created', username: 'e002', role: 'employee' })
    const link = result!.secret?.kind === 'activation_link' ? result!.secret.activationPath : ''
    const token = new URLSearchParams(link.split('?')[1]).get('token')
    const api = client()
    const activated = await api.post<{ csrfToken: string }>('/api/auth/activate', {
      token,
      newPassword: password,
    })
    expect(activated.status).toBe(200)
    api.csrfToken = activated.body.csrfToken
    return { api, username: result!.username!, password }
  }

  async function buildOrganisation(api: ApiClient, departmentName: string): Promise<Org> {
    const department = await api.post<{ id: number }>('/api/departments', { name: departmentName })
    expect(department.status).toBe(201)
    const employeeIds: number[] = []
    for (const [employeeNo, name] of [
      ['E001', `${departmentName}店长`],
      ['E002', `${departmentName}客服`],
    ]) {
      const employee = await api.post<{ id: number }>('/api/employees', {
        employeeNo,
        name,
        departmentId: department.body.id,
        hireDate: '2026-01-05',
      })
      expect(employee.status).toBe(201)
      employeeIds.push(employee.body.id)
    }
    return { api, departmentId: department.body.id, employeeIds }
  }

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    app = createApp({ db: handle.db, engine })
    const first = client()
    const setup = await first.post<{ csrfToken: string }>('/api/setup', {
      companyName: '甲店',
      companyCode: 'jia',
      adminUsername: 'admin',
      password,
      passwordRepeat: password,
    })
    expect(setup.status).toBe(201)
    first.csrfToken = setup.body.csrfToken
    await createCompany(
      { db: handle.db, now: () => new Date() },
      { name: '乙店', code: 'yi', adminUsername: 'admin', password },
    )
    const second = client()
    expect((await second.login('admin', password, 'yi')).status).toBe(200)
    orgs.jia = await buildOrganisation(first, '甲店电商部')
    orgs.yi = await buildOrganisation(second, '乙店电商部')
    staff.jia = await giveStaffLogin(orgs.jia, staffPasswords.jia)
    staff.yi = await giveStaffLogin(orgs.yi, staffPasswords.yi)
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('answers a login without a company code 400 naming companyCode, now that there are two companies', async () => {
    const res = await client().login('admin', password)
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: { code: 'invalid_input', issues: [{ path: 'companyCode' }] } })
  })

  it('signs each "admin" in to its own company', async () => {
    const jia = await client().login('admin', password, 'jia')
    const yi = await client().login('admin', password, 'yi')
    expect(jia.body).toMatchObject({ user: { companyName: '甲店', companyCode: 'jia' } })
    expect(yi.body).toMatchObject({ user: { companyName: '乙店', companyCode: 'yi' } })
  })

  it.each([
    ['jia', 'yi'],
    ['yi', 'jia'],
  ] as const)('%s lists only its own departments and employees', async (own, other) => {
    const { api } = orgs[own]
    const departments = await api.get<{ items: { id: number }[] }>('/api/departments')
    expect(departments.body.items.map((d) => d.id)).toEqual([orgs[own].departmentId])
    const employees = await api.get<{ items: { id: number; employeeNo: string }[]; total: number }>(
      '/api/employees',
    )
    expect(employees.body.total).toBe(2)
    expect(employees.body.items.map((e) => e.id).sort()).toEqual([...orgs[own].employeeIds].sort())
    for (const id of orgs[other].employeeIds) expect(employees.body.items.map((e) => e.id)).not.toContain(id)
  })

  it.each([
    ['jia', 'yi'],
    ['yi', 'jia'],
  ] as const)("%s gets 404 for the other company's ids, reading and writing", async (own, other) => {
    const { api } = orgs[own]
    const foreignEmployee = orgs[other].employeeIds[0]!
    const foreignDepartment = orgs[other].departmentId
    expect((await api.get(`/api/employees/${foreignEmployee}`)).status).toBe(404)
    expect((await api.patch(`/api/employees/${foreignEmployee}`, { name: '改名' })).status).toBe(404)
    expect((await api.patch(`/api/departments/${foreignDepartment}`, { name: '改名' })).status).toBe(404)
    // An employee may not be placed in the other company's department either.
    const placed = await api.post('/api/employees', {
      employeeNo: 'E003',
      name: '新人',
      departmentId: foreignDepartment,
      hireDate: '2026-01-05',
    })
    expect(placed.status).toBeGreaterThanOrEqual(400)
    expect(placed.status).toBeLessThan(500)
    const untouched = await orgs[other].api.get<{ name: string }>(`/api/employees/${foreignEmployee}`)
    expect(untouched.body.name).not.toBe('改名')
  })

  it.each([
    ['jia', 'yi'],
    ['yi', 'jia'],
  ] as const)('%s employee "e002" sees only their own company', async (own, other) => {
    const { api } = staff[own]
    const me = await api.get<{ user: { companyCode: string; employeeId: number } }>('/api/auth/me')
    expect(me.body.user).toMatchObject({ companyCode: own, employeeId: orgs[own].employeeIds[1] })
    const employees = await api.get<{ items: { id: number }[] }>('/api/employees')
    expect(employees.body.items.map((e) => e.id)).toEqual([orgs[own].employeeIds[1]])
    const departments = await api.get<{ items: { id: number }[] }>('/api/departments')
    expect(departments.body.items.map((d) => d.id)).toEqual([orgs[own].departmentId])
    for (const id of orgs[other].employeeIds) expect((await api.get(`/api/employees/${id}`)).status).toBe(404)
    const accounts = await orgs[own].api.get<{ items: { username: string | null }[] }>('/api/accounts')
    expect(accounts.body.items.filter((a) => a.username === 'e002')).toHaveLength(1)
  })

  it('signs each "e002" in only with their own company code', async () => {
    for (const own of ['jia', 'yi'] as const) {
      const signedIn = await client().login('e002', staffPasswords[own], own)
      expect(signedIn.status).toBe(200)
      expect(signedIn.body).toMatchObject({
        user: { companyCode: own, employeeId: orgs[own].employeeIds[1] },
      })
    }
    // Each password opens only its own company's "e002": the other company's login of that name refuses it.
    expect((await client().login('e002', staffPasswords.jia, 'yi')).status).toBe(401)
    expect((await client().login('e002', staffPasswords.yi, 'jia')).status).toBe(401)
  })
})
