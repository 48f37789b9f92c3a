import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAudit, verifyAuditChain } from '../../db/audit-log-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../testing/seed-test-organisation.ts'

type Department = { id: number; name: string; parentId: number | null; retiredAt: string | null }

describe.each(await testEngines())('department routes on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let admin: ApiClient

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    const app = createApp({ db: handle.db, engine })
    admin = createApiClient((p, i) => app.request(p, i))
    expect((await admin.login('admin')).status).toBe(200)
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('lists the company’s departments with their parents', async () => {
    const res = await admin.get<{ items: Department[] }>('/api/departments')
    expect(res.status).toBe(200)
    expect(res.body.items).toEqual([
      { id: org.departments.ecommerce, name: '电商部', parentId: null, retiredAt: null },
      { id: org.departments.service, name: '客服部', parentId: org.departments.ecommerce, retiredAt: null },
      {
        id: org.departments.operations,
        name: '运营部',
        parentId: org.departments.ecommerce,
        retiredAt: null,
      },
    ])
  })

  it('creates, renames, moves and deletes a department, auditing each step', async () => {
    const created = await admin.post<Department>('/api/departments', {
      name: '  发货部 ',
      parentId: org.departments.ecommerce,
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ name: '发货部', parentId: org.departments.ecommerce }) // trimmed
    const id = created.body.id
    const renamed = await admin.patch<Department>(`/api/departments/${id}`, { name: '仓储物流部' })
    expect(renamed.body).toEqual({
      id,
      name: '仓储物流部',
      parentId: org.departments.ecommerce,
      retiredAt: null,
    })
    const moved = await admin.patch<Department>(`/api/departments/${id}`, { parentId: null })
    expect(moved.body.parentId).toBeNull()
    expect((await admin.delete(`/api/departments/${id}`)).status).toBe(204)
    const audit = await listAudit(handle.db, org.companyId, { entity: 'department', entityId: id })
    expect(audit.map((a) => a.action)).toEqual([
      'department.delete',
      'department.update',
      'department.update',
      'department.create',
    ])
    expect(audit[2]).toMatchObject({
      before: { name: '发货部' },
      after: { name: '仓储物流部' },
      actorUserId: org.users.admin,
    })
    expect(await verifyAuditChain(handle.db, org.companyId)).toMatchObject({ ok: true })
  })

  it('refuses a parent cycle (电商部 under its own 客服部) and a missing parent, naming parentId', async () => {
    const cycle = await admin.patch(`/api/departments/${org.departments.ecommerce}`, {
      parentId: org.departments.service,
    })
    expect(cycle.status).toBe(400)
    expect(cycle.body).toMatchObject({ error: { code: 'invalid_input', issues: [{ path: 'parentId' }] } })
    const self = await admin.patch(`/api/departments/${org.departments.service}`, {
      parentId: org.departments.service,
    })
    expect(self.status).toBe(400)
    const missing = await admin.post('/api/departments', { name: '孤儿部', parentId: 424242 })
    expect(missing.body).toMatchObject({
      error: { issues: [{ path: 'parentId', message: expect.stringContaining('424242') }] },
    })
  })

  it('refuses a duplicate name with 409 naming name', async () => {
    const dup = await admin.post('/api/departments', { name: '客服部' })
    expect(dup.status).toBe(409)
    expect(dup.body).toMatchObject({ error: { code: 'conflict', issues: [{ path: 'name' }] } })
    const rename = await admin.patch(`/api/departments/${org.departments.operations}`, { name: '客服部' })
    expect(rename.status).toBe(409)
  })

  it('refuses to delete a department that still has sub-departments or people', async () => {
    const parent = await admin.delete(`/api/departments/${org.departments.ecommerce}`)
    expect(parent.status).toBe(409)
    expect(parent.body).toMatchObject({
      error: { code: 'conflict', message: expect.stringContaining('下级部门') },
    })
    expect((await admin.delete(`/api/departments/${org.departments.service}`)).status).toBe(409)
    expect((await admin.get(`/api/departments/${org.departments.service}`)).status).toBe(200)
  })

  it('refuses an empty name and an empty patch field naming the field', async () => {
    const empty = await admin.post('/api/departments', { name: '   ' })
    expect(empty.status).toBe(400)
    expect(empty.body).toMatchObject({ error: { issues: [{ path: 'name' }] } })
    const badParent = await admin.patch(`/api/departments/${org.departments.service}`, { parentId: 'x' })
    expect(badParent.body).toMatchObject({ error: { issues: [{ path: 'parentId' }] } })
  })

  it('treats a patch that changes nothing as a no-op that leaves no audit row', async () => {
    const before = (await listAudit(handle.db, org.companyId, { limit: 1000 })).length
    const same = await admin.patch<Department>(`/api/departments/${org.departments.service}`, {
      name: '客服部',
      parentId: org.departments.ecommerce,
    })
    expect(same.status).toBe(200)
    expect(same.body).toEqual({
      id: org.departments.service,
      name: '客服部',
      parentId: org.departments.ecommerce,
      retiredAt: null,
    })
    expect((await admin.patch(`/api/employees/${org.employees.E003}`, { name: '小冰' })).status).toBe(200)
    expect((await admin.patch(`/api/positions/${org.positions.service}`, { name: '客服专员' })).status).toBe(
      200,
    )
    expect((await listAudit(handle.db, org.companyId, { limit: 1000 })).length).toBe(before)
  })
})
