import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../db/database.ts'
import { insertDepartment, insertEmployee, insertPosition } from '../db/organisation-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../db/test-database.ts'
import { createApp } from './create-app.ts'
import { type ApiClient, createApiClient, testPassword } from './testing/api-client.ts'
import { closeTestDatabase } from './testing/close-test-database.ts'
import {
  otherTestCompanyCode,
  seedTestOrganisation,
  type TestOrganisation,
  usernameByRole,
} from './testing/seed-test-organisation.ts'

const roles: Role[] = ['admin', 'hr', 'finance', 'supervisor', 'employee']
const everyone = roles
const orgWriters: Role[] = ['admin', 'hr']

type Route = {
  name: string
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  allowed: Role[]
  success: number
  /** Builds the path and body for one role, creating the row it acts on when needed. */
  prepare(
    db: TestDatabase['db'],
    org: TestOrganisation,
    role: Role | 'anonymous',
  ): Promise<{ path: string; body?: unknown }>
}

const ownEmployee = (org: TestOrganisation, role: Role | 'anonymous') =>
  role === 'supervisor' ? org.employees.E001 : org.employees.E003

const newDepartment = async (db: TestDatabase['db'], org: TestOrganisation, label: string) =>
  (await insertDepartment(db, org.companyId, { name: label, parentId: null })).id
const newPosition = (db: TestDatabase['db'], org: TestOrganisation, label: string) =>
  insertPosition(db, org.companyId, {
    name: label,
    departmentId: null,
    superiorPositionId: null,
    jobDescription: { duties: [] },
  })
const newEmployee = (db: TestDatabase['db'], org: TestOrganisation, no: string) =>
  insertEmployee(db, org.companyId, {
    employeeNo: no,
    name: `临时${no}`,
    departmentId: null,
    positionId: null,
    managerId: null,
    hireDate: '2025-01-01',
    leaveDate: null,
    status: 'active',
  })

// Every organisation route, who may call it, and what success looks like.
const routes: Route[] = [
  {
    name: 'me',
    method: 'GET',
    allowed: everyone,
    success: 200,
    prepare: async () => ({ path: '/api/auth/me' }),
  },
  {
    name: 'list departments',
    method: 'GET',
    allowed: everyone,
    success: 200,
    prepare: async () => ({ path: '/api/departments' }),
  },
  {
    name: 'get department',
    method: 'GET',
    allowed: everyone,
    success: 200,
    prepare: async (_db, org) => ({ path: `/api/departments/${org.departments.service}` }),
  },
  {
    name: 'create department',
    method: 'POST',
    allowed: orgWriters,
    success: 201,
    prepare: async (_db, _org, role) => ({ path: '/api/departments', body: { name: `新部门-${role}` } }),
  },
  {
    name: 'update department',
    method: 'PATCH',
    allowed: orgWriters,
    success: 200,
    prepare: async (db, org, role) => ({
      path: `/api/departments/${await newDepartment(db, org, `待改部门-${role}`)}`,
      body: { name: `改后部门-${role}` },
    }),
  },
  {
    name: 'delete department',
    method: 'DELETE',
    allowed: orgWriters,
    success: 204,
    prepare: async (db, org, role) => ({
      path: `/api/departments/${await newDepartment(db, org, `待删部门-${role}`)}`,
    }),
  },
  {
    name: 'list positions',
    method: 'GET',
    allowed: everyone,
    success: 200,
    prepare: async () => ({ path: '/api/positions' }),
  },
  {
    name: 'get position',
    method: 'GET',
    allowed: everyone,
    success: 200,
    prepare: async (_db, org) => ({ path: `/api/positions/${org.positions.service}` }),
  },
  {
    name: 'create position',
    method: 'POST',
    allowed: orgWriters,
    success: 201,
    prepare: async (_db, _org, role) => ({ path: '/api/positions', body: { name: `新岗位-${role}` } }),
  },
  {
    name: 'update position',
    method: 'PATCH',
    allowed: orgWriters,
    success: 200,
    prepare: async (db, org, role) => ({
      path: `/api/positions/${await newPosition(db, org, `待改岗位-${role}`)}`,
      body: { name: `改后岗位-${role}` },
    }),
  },
  {
    name: 'delete position',
    method: 'DELETE',
    allowed: orgWriters,
    success: 204,
    prepare: async (db, org, role) => ({
      path: `/api/positions/${await newPosition(db, org, `待删岗位-${role}`)}`,
    }),
  },
  {
    name: 'list employees',
    method: 'GET',
    allowed: everyone,
    success: 200,
    prepare: async () => ({ path: '/api/employees' }),
  },
  {
    name: 'get own employee record',
    method: 'GET',
    allowed: everyone,
    success: 200,
    prepare: async (_db, org, role) => ({ path: `/api/employees/${ownEmployee(org, role)}` }),
  },
  {
    name: 'create employee',
    method: 'POST',
    allowed: orgWriters,
    success: 201,
    prepare: async (_db, _org, role) => ({
      path: '/api/employees',
      body: { employeeNo: `NEW-${role}`, name: `新员工${role}`, hireDate: '2025-06-01' },
    }),
  },
  {
    name: 'update employee',
    method: 'PATCH',
    allowed: orgWriters,
    success: 200,
    prepare: async (db, org, role) => ({
      path: `/api/employees/${await newEmployee(db, org, `UPD-${role}`)}`,
      body: { status: 'on_leave' },
    }),
  },
  {
    name: 'delete employee',
    method: 'DELETE',
    allowed: orgWriters,
    success: 204,
    prepare: async (db, org, role) => ({
      path: `/api/employees/${await newEmployee(db, org, `DEL-${role}`)}`,
    }),
  },
]

describe.each(await testEngines())('role-based access on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  const clients = new Map<string, ApiClient>()

  async function as(username: string): Promise<ApiClient> {
    const existing = clients.get(username)
    if (existing) return existing
    const app = createApp({ db: handle.db, engine })
    const api = createApiClient((p, i) => app.request(p, i))
    const code = username === 'b_admin' ? otherTestCompanyCode : undefined
    expect((await api.login(username, testPassword, code)).status).toBe(200)
    clients.set(username, api)
    return api
  }

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  const matrix = routes.flatMap((route) =>
    roles.map((role) => ({ ...route, role, expected: route.allowed.includes(role) ? route.success : 403 })),
  )

  it.each(matrix)('$name as $role → $expected', async ({ role, method, prepare, expected }) => {
    const api = await as(usernameByRole[role])
    const { path, body } = await prepare(handle.db, org, role)
    const res =
      method === 'GET'
        ? await api.get(path)
        : method === 'POST'
          ? await api.post(path, body)
          : method === 'PATCH'
            ? await api.patch(path, body)
            : await api.delete(path)
    expect(res.status, JSON.stringify(res.body)).toBe(expected)
    if (expected === 403) expect(res.body).toMatchObject({ error: { code: 'forbidden' } })
  })

  it.each(routes)('$name without a session → 401', async ({ method, prepare }) => {
    const app = createApp({ db: handle.db, engine })
    const { path, body } = await prepare(handle.db, org, 'anonymous')
    const res = await app.request(path, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    })
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated' } })
  })

  describe('employee scope', () => {
    const employeeNos = async (username: string, query = '') => {
      const res = await (await as(username)).get<{ items: { employeeNo: string }[]; total: number }>(
        `/api/employees?pageSize=100${query}`,
      )
      expect(res.status).toBe(200)
      return {
        nos: res.body.items.map((e) => e.employeeNo).filter((n) => /^[EB]\d+$/.test(n)),
        total: res.body.total,
      }
    }

    it('a supervisor (店长) sees their whole reporting tree and not the other team', async () => {
      expect((await employeeNos('dianzhang')).nos).toEqual(['E001', 'E002', 'E003', 'E004', 'E005'])
      const outside = await (await as('dianzhang')).get(`/api/employees/${org.employees.E006}`)
      expect(outside.status).toBe(404)
      expect((await employeeNos('dianzhang', '&q=赵')).total).toBe(0)
    })

    it('a supervisor lower down (客服主管) sees only their own subtree', async () => {
      expect((await employeeNos('zhuguan')).nos).toEqual(['E002', 'E003', 'E004'])
      expect((await (await as('zhuguan')).get(`/api/employees/${org.employees.E001}`)).status).toBe(404)
      expect((await (await as('zhuguan')).get(`/api/employees/${org.employees.E004}`)).status).toBe(200)
    })

    it('an employee (小冰) sees only themselves; anyone else is 404, like a missing id', async () => {
      expect(await employeeNos('xiaobing')).toEqual({ nos: ['E003'], total: 1 })
      const colleague = await (await as('xiaobing')).get(`/api/employees/${org.employees.E004}`)
      expect(colleague.status).toBe(404)
      const missing = await (await as('xiaobing')).get('/api/employees/999999')
      expect(colleague.body).toMatchObject({ error: { code: 'not_found' } })
      expect(missing.status).toBe(404)
    })

    it('an employee account not linked to any employee sees nobody', async () => {
      expect(await employeeNos('nolink')).toEqual({ nos: [], total: 0 })
    })

    it('finance reads the whole company but not another company', async () => {
      expect((await employeeNos('finance')).nos).toEqual(['E001', 'E002', 'E003', 'E004', 'E005', 'E006'])
    })

    it('another company’s admin sees only its own tenant', async () => {
      const b = await as('b_admin')
      expect((await employeeNos('b_admin')).nos).toEqual(['B001'])
      expect((await b.get(`/api/employees/${org.employees.E003}`)).status).toBe(404)
      expect((await b.get(`/api/departments/${org.departments.service}`)).status).toBe(404)
      expect((await b.patch(`/api/departments/${org.departments.service}`, { name: '入侵' })).status).toBe(
        404,
      )
      expect((await b.delete(`/api/employees/${org.employees.E006}`)).status).toBe(404)
      const depts = await b.get<{ items: { name: string }[] }>('/api/departments')
      expect(depts.body.items.map((d) => d.name)).toEqual(['电商部'])
    })

    it('follows the tree as it changes: moving 赵美工 under 王运营 puts them in the 店长’s scope', async () => {
      const hr = await as('hr')
      const moved = await hr.patch(`/api/employees/${org.employees.E006}`, { managerId: org.employees.E005 })
      expect(moved.status).toBe(200)
      expect(moved.body).toMatchObject({ managerId: org.employees.E005, managerName: '王运营' })
      expect((await employeeNos('dianzhang')).nos).toContain('E006')
      expect((await employeeNos('zhuguan')).nos).not.toContain('E006')
    })
  })
})
