import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeTestDatabase } from '../../api/testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../../api/testing/seed-test-organisation.ts'
import { DomainError } from '../../core/errors.ts'
import { listAudit, verifyAuditChain } from '../../db/audit-log-repository.ts'
import { listSyncRuns } from '../../db/directory-sync-repository.ts'
import { saveIdentityProvider } from '../../db/identity-provider-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { createShopDirectory } from '../../test-support/directory-providers/contact-fixture.ts'
import { createContactState } from '../../test-support/directory-providers/contact-state.ts'
import { createDingtalkContactsApp } from '../../test-support/directory-providers/dingtalk-contacts.ts'
import {
  type FakeDirectory,
  type RunningFake,
  startFakeServer,
} from '../../test-support/directory-providers/fake-directory.ts'
import { type SyncDirectoryDeps, syncDirectory } from './sync-directory.ts'

describe.each(await testEngines())('directory sync on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let fake: RunningFake
  let directory: FakeDirectory
  let deps: SyncDirectoryDeps
  const now = new Date('2026-12-06T02:00:00Z') // 10:00 in China: today is 2026-12-06

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    directory = createShopDirectory()
    fake = await startFakeServer(createDingtalkContactsApp(directory, createContactState(2)))
    deps = {
      db: handle.db,
      now: () => now,
      http: { fetch: (i, init) => fetch(i, init), sleep: async () => {}, now: () => now },
      baseUrls: { dingtalk: fake.url },
    }
    await saveIdentityProvider(
      handle.db,
      org.companyId,
      'dingtalk',
      {
        displayName: '钉钉',
        clientId: directory.clientId,
        clientSecret: directory.clientSecret,
        issuer: null,
        corpId: directory.corpId,
        agentId: null,
        matchIdentityField: 'mobile',
        matchEmployeeField: 'phone',
        enabled: true,
      },
      now,
    )
  })
  afterAll(async () => {
    await fake.close()
    await closeTestDatabase(handle)
  })

  const run = (mode: 'preview' | 'apply') =>
    syncDirectory(deps, {
      companyId: org.companyId,
      kind: 'dingtalk',
      mode,
      trigger: 'web',
      actorUserId: org.users.admin,
    })
  const employees = () =>
    handle.db
      .selectFrom('employees')
      .select([
        'employee_no',
        'name',
        'status',
        'leave_date',
        'department_id',
        'manager_id',
        'phone',
        'hire_date',
      ])
      .where('company_id', '=', org.companyId)
      .orderBy('employee_no')
      .execute()

  it('refuses the first apply until a preview has been shown, writing nothing', async () => {
    const before = await employees()
    const error = (await run('apply').catch((e: unknown) => e)) as DomainError
    expect(error).toBeInstanceOf(DomainError)
    expect(error.code).toBe('invalid_state') // 409
    expect(error.message).toContain('须先预览')
    expect(await employees()).toEqual(before)
  })

  it('previews what would be created, changed and marked as left without writing anything', async () => {
    const before = await employees()
    const preview = await run('preview')
    expect(preview.counts).toEqual({
      departmentsCreated: 1,
      created: 1,
      changed: 4,
      unchanged: 1,
      markedLeft: 1,
      errors: 0,
    })
    expect(preview.plan.departmentsToCreate).toEqual([{ name: '售后组', parentName: '客服部' }])
    expect(preview.plan.created).toEqual([
      expect.objectContaining({
        employeeNo: 'zhao',
        name: '赵美工',
        department: null,
        hireDate: '2026-12-06',
      }),
    ])
    expect(preview.plan.changed.find((c) => c.employeeNo === 'E003')?.changes).toEqual([
      { field: 'department', from: '客服部', to: '售后组' },
      { field: 'hireDate', from: '2024-03-01', to: '2025-03-01' },
    ])
    expect(preview.plan.left).toEqual([
      expect.objectContaining({ employeeNo: 'E006', leaveDate: '2026-12-06' }),
    ])
    expect(await employees()).toEqual(before)
  })

  it('applies in one go: creates, changes, marks the leaver as left and deletes nobody, all audited', async () => {
    const applied = await run('apply')
    expect(applied.counts).toMatchObject({ created: 1, changed: 4, markedLeft: 1 })
    const rows = await employees()
    expect(rows).toHaveLength(7) // six before, one new, none removed
    const byNo = new Map(rows.map((r) => [r.employee_no, r]))
    expect(byNo.get('E006')).toMatchObject({ status: 'left', leave_date: '2026-12-06' })
    expect(byNo.get('zhao')).toMatchObject({ status: 'active', department_id: null, manager_id: null })
    expect(byNo.get('E001')).toMatchObject({ phone: '13800000001', hire_date: '2023-04-01' })
    const afterSales = await handle.db
      .selectFrom('departments')
      .select(['id', 'parent_id'])
      .where('company_id', '=', org.companyId)
      .where('name', '=', '售后组')
      .executeTakeFirstOrThrow()
    expect(afterSales.parent_id).toBe(org.departments.service)
    expect(byNo.get('E003')?.department_id).toBe(afterSales.id)
    // The other company is untouched.
    const other = await handle.db
      .selectFrom('employees')
      .select('status')
      .where('company_id', '=', org.otherCompanyId)
      .execute()
    expect(other).toEqual([{ status: 'active' }])

    const summary = await listAudit(handle.db, org.companyId, { entity: 'directory', entityId: 'dingtalk' })
    expect(summary[0]).toMatchObject({
      action: 'directory.sync',
      actorUserId: org.users.admin,
      after: { created: 1, changed: 4, markedLeft: 1 },
    })
    const leaver = await listAudit(handle.db, org.companyId, {
      entity: 'employee',
      entityId: org.employees.E006,
    })
    expect(leaver[0]).toMatchObject({
      action: 'employee.leave',
      after: { status: 'left', leaveDate: '2026-12-06' },
    })
    expect(await verifyAuditChain(handle.db, org.companyId)).toMatchObject({ ok: true })
  })

  it('changes nothing when run again (idempotent), and needs no preview after the first apply', async () => {
    const again = await run('apply')
    expect(again.counts).toEqual({
      departmentsCreated: 0,
      created: 0,
      changed: 0,
      unchanged: 6,
      markedLeft: 0,
      errors: 0,
    })
  })

  it('marks someone who leaves the directory as left on a later run', async () => {
    directory.people = directory.people.filter((p) => p.userid !== 'wang')
    const later = await run('apply')
    expect(later.counts).toMatchObject({ markedLeft: 1, changed: 0, created: 0 })
    expect((await employees()).find((r) => r.employee_no === 'E005')).toMatchObject({
      status: 'left',
      leave_date: '2026-12-06',
    })
  })

  it('records every run, and a failing provider as a failed run naming its error', async () => {
    directory.clientSecret = 'rotated'
    await expect(run('preview')).rejects.toMatchObject({ code: 'provider_failed' })
    const runs = await listSyncRuns(handle.db, org.companyId, 10)
    expect(runs.map((r) => [r.mode, r.status])).toEqual([
      ['preview', 'failed'],
      ['apply', 'ok'],
      ['apply', 'ok'],
      ['apply', 'ok'],
      ['preview', 'ok'],
    ])
    expect(runs[0]?.messages[0]).toMatch(/^钉钉接口 \/gettoken 返回错误码 40089/)
    expect(runs[1]).toMatchObject({ trigger: 'web', actorName: '管理员' })
  })

  it('answers not_found for a provider the company has not configured', async () => {
    await expect(
      syncDirectory(deps, {
        companyId: org.companyId,
        kind: 'feishu',
        mode: 'preview',
        trigger: 'cli',
        actorUserId: null,
      }),
    ).rejects.toMatchObject({ code: 'not_found' })
  })
})
