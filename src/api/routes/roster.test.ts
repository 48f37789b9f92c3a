import { createHash } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RosterApplyResult, RosterPreview } from '../../contracts/roster.ts'
import { listAudit, verifyAuditChain } from '../../db/audit-log-repository.ts'
import { countOrganisation, listRosterPeople } from '../../db/roster-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { applyRosterImport } from '../../services/roster/apply-roster-import.ts'
import { prepareRosterImport } from '../../services/roster/preview-roster-import.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../testing/seed-test-organisation.ts'

// Roster import and export (花名册) through the API on both engines: template, export, preview, apply, the
// bad-file corpus (each refused naming its row, nothing changed), a GBK CSV, 10,000 people, and the round trip.

const header = '工号,姓名,部门,上级部门,岗位,直接上级工号,入职日期,离职日期,手机,邮箱'
const csv = (...lines: string[]) => Buffer.from(`${[header, ...lines].join('\n')}\n`, 'utf8')

type ErrorBody = { error: { code: string; message: string; issues: { path: string; message: string }[] } }

describe.each(await testEngines())('roster routes on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let admin: ApiClient
  let hr: ApiClient
  let employee: ApiClient

  const upload = (client: ApiClient, bytes: Uint8Array, fileName: string, createMissing = false) => {
    const form = new FormData()
    form.set('file', new File([new Uint8Array(bytes)], fileName))
    if (createMissing) form.set('createMissing', 'true')
    return client.raw<RosterPreview & ErrorBody>('/api/roster/preview', {
      method: 'POST',
      headers: { 'x-csrf-token': client.csrfToken ?? '' },
      body: form,
    })
  }
  const apply = (client: ApiClient, uploadId: string, createMissing = false) =>
    client.post<RosterApplyResult & ErrorBody>('/api/roster/apply', { uploadId, createMissing })
  const counts = () => countOrganisation(handle.db, org.companyId)
  const download = async (path: string) => {
    const res = await admin.raw(path, { method: 'GET' })
    return res
  }
  const bytesOf = async (path: string) => {
    const app = createApp({ db: handle.db, engine })
    const res = await app.request(path, { headers: { cookie: admin.cookie ?? '' } })
    expect(res.status).toBe(200)
    return new Uint8Array(await res.arrayBuffer())
  }

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    const app = createApp({ db: handle.db, engine })
    const fetchLike = (p: string, i?: RequestInit) => app.request(p, i)
    admin = createApiClient(fetchLike)
    hr = createApiClient(fetchLike)
    employee = createApiClient(fetchLike)
    expect((await admin.login('admin')).status).toBe(200)
    expect((await hr.login('hr')).status).toBe(200)
    expect((await employee.login('xiaobing')).status).toBe(200)
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('serves the template: the columns, one example row and a sheet 填写说明', async () => {
    const res = await download('/api/roster/template.xlsx')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await bytesOf('/api/roster/template.xlsx')).buffer as ArrayBuffer)
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['花名册', '填写说明'])
    const sheet = workbook.getWorksheet('花名册')!
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(header.split(','))
    expect(sheet.rowCount).toBe(2)
    expect(workbook.getWorksheet('填写说明')!.getCell('A2').value).toBe('工号')
  })

  it('is for admin and HR only: an employee gets 403 on every roster route', async () => {
    expect((await employee.get('/api/roster/export.xlsx')).status).toBe(403)
    expect((await employee.get('/api/roster/template.xlsx')).status).toBe(403)
    expect((await upload(employee, csv('N001,新人,,,,,2025-01-01,,,'), 'r.csv')).status).toBe(403)
    expect((await hr.get('/api/roster/template.xlsx')).status).toBe(200)
  })

  it('previews and applies new people, a new department and position, and changes, auditing each person', async () => {
    const before = await counts()
    const file = csv(
      'N001,陈组长,售后部,电商部,售后主管,E001,2025-01-06,,138 0013 8000,chen@example.com',
      'N002,刘专员,售后部,,售后专员,N001,2025/1/6,,,',
      'E004,小焦,运营部,,运营专员,E005,2024-03-01,,,',
    )
    const withoutTick = await upload(hr, file, '花名册.csv')
    expect(withoutTick.status).toBe(200)
    expect(withoutTick.body.counts).toMatchObject({ create: 0, error: 2 })
    expect(withoutTick.body.errors[0]).toMatchObject({
      row: 2,
      column: '部门 (C)',
      code: 'unknown_department',
    })

    const preview = await upload(hr, file, '花名册.csv', true)
    expect(preview.status).toBe(200)
    expect(preview.body.counts).toMatchObject({
      rows: 3,
      create: 2,
      change: 1,
      error: 0,
      departmentsToCreate: 1,
      positionsToCreate: 2,
    })
    expect(preview.body.departmentsToCreate).toEqual([{ name: '售后部', parentName: '电商部' }])
    expect(preview.body.rows.find((r) => r.employeeNo === 'E004')?.changes).toEqual([
      { field: 'department', from: '客服部', to: '运营部' },
      { field: 'position', from: '客服专员', to: '运营专员' },
      { field: 'managerNo', from: 'E002', to: 'E005' },
    ])
    expect(await counts()).toEqual(before) // a preview writes nothing

    const applied = await apply(hr, preview.body.uploadId, true)
    expect(applied.status).toBe(200)
    expect(applied.body.counts).toMatchObject({ create: 2, change: 1 })
    const people = await listRosterPeople(handle.db, org.companyId)
    const n002 = people.find((p) => p.employeeNo === 'N002')
    expect(n002).toMatchObject({
      name: '刘专员',
      department: '售后部',
      position: '售后专员',
      managerNo: 'N001',
      hireDate: '2025-01-06',
      status: 'active',
    })
    expect(people.find((p) => p.employeeNo === 'N001')).toMatchObject({
      phone: '138 0013 8000',
      managerNo: 'E001',
    })
    expect(people.find((p) => p.employeeNo === 'E004')).toMatchObject({
      department: '运营部',
      managerNo: 'E005',
    })
    const audit = await listAudit(handle.db, org.companyId, { limit: 10 })
    expect(audit.map((a) => a.action).reverse()).toEqual(
      expect.arrayContaining(['roster.import', 'department.create', 'employee.create', 'employee.update']),
    )
    // The import's own row names the file by its SHA-256 and counts; each person's row is small (id, 工号 or the
    // changed fields) and names the import's row in its reason.
    const run = audit.find((a) => a.action === 'roster.import')!
    expect(run.after).toMatchObject({
      fileName: '花名册.csv',
      sha256: createHash('sha256').update(file).digest('hex'),
      createMissing: true,
      counts: { create: 2, change: 1 },
    })
    const update = audit.find((a) => a.action === 'employee.update')!
    expect(update).toMatchObject({
      entityId: String(org.employees.E004),
      before: { department: '客服部', position: '客服专员', managerNo: 'E002' },
      after: { department: '运营部', position: '运营专员', managerNo: 'E005' },
      reason: `roster.import #${run.id}`,
    })
    expect(Object.keys(update.after as object).sort()).toEqual(['department', 'managerNo', 'position'])
    const created = audit.find((a) => a.action === 'employee.create' && a.entityId === String(n002!.id))
    expect(created).toMatchObject({
      before: null,
      after: { employeeNo: 'N002' },
      reason: `roster.import #${run.id}`,
    })
    expect(audit.find((a) => a.action === 'department.create')?.reason).toBe(`roster.import #${run.id}`)
    expect(await verifyAuditChain(handle.db, org.companyId)).toMatchObject({ ok: true })
    // The upload is spent.
    expect((await apply(hr, preview.body.uploadId, true)).status).toBe(404)
  })

  it('applies the previewed plan while nothing has changed, and plans again when the organisation changed since', async () => {
    const file = csv(
      'R001,周新人,客服部,,客服专员,E002,2025-05-01,,,',
      'E005,小吴,运营部,,运营专员,E001,2024-01-01,,,',
    )
    const preview = await upload(hr, file, 'again.csv')
    expect(preview.body.counts).toMatchObject({ create: 1, change: 1, error: 0 })
    // Meanwhile HR adds R001 by hand: the previewed plan would create R001 a second time.
    const added = await hr.post<{ id: number }>('/api/employees', {
      employeeNo: 'R001',
      name: '周新人',
      departmentId: org.departments.service,
      positionId: org.positions.service,
      managerId: org.employees.E002,
      hireDate: '2025-05-01',
    })
    expect(added.status).toBe(201)
    const applied = await apply(hr, preview.body.uploadId)
    expect(applied.status).toBe(200)
    expect(applied.body.counts).toMatchObject({ create: 0, error: 0 })
    const people = await listRosterPeople(handle.db, org.companyId)
    expect(people.filter((p) => p.employeeNo === 'R001')).toHaveLength(1)
    expect(people.find((p) => p.employeeNo === 'E005')).toMatchObject({
      name: '小吴',
      hireDate: '2024-01-01',
    })

    // Unchanged since the preview: the kept plan is written as it is, without reading the file again (here the
    // file is gone from under it).
    const second = csv('R002,郑新人,客服部,,客服专员,E002,2025-05-02,,,')
    const path = join(await mkdtemp(join(tmpdir(), 'roster-')), 'kept.csv')
    await writeFile(path, second)
    const deps = { db: handle.db, now: () => new Date() }
    const { prepared } = await prepareRosterImport(deps, {
      companyId: org.companyId,
      filePath: path,
      fileName: 'kept.csv',
      createMissing: false,
    })
    await rm(path)
    const actor = { userId: org.users.hr, companyId: org.companyId, role: 'hr' as const, employeeId: null }
    const kept = await applyRosterImport(
      { ...deps, actor },
      { filePath: path, fileName: 'kept.csv', createMissing: false, prepared },
    )
    expect(kept.counts).toMatchObject({ create: 1 })
    expect((await listRosterPeople(handle.db, org.companyId)).some((p) => p.employeeNo === 'R002')).toBe(true)
    // The same kept plan once something has changed: planned again from the file as read (R002 now exists).
    const replanned = await applyRosterImport(
      { ...deps, actor },
      { filePath: path, fileName: 'kept.csv', createMissing: false, prepared },
    )
    expect(replanned.counts).toMatchObject({ create: 0, unchanged: 1 })
    expect(await verifyAuditChain(handle.db, org.companyId)).toMatchObject({ ok: true })
  })

  it('round trip: the export imports back with no change', async () => {
    const exported = await bytesOf('/api/roster/export.xlsx')
    const preview = await upload(admin, exported, '花名册.xlsx')
    expect(preview.status).toBe(200)
    expect(preview.body.counts).toMatchObject({ create: 0, change: 0, error: 0 })
    expect(preview.body.counts.unchanged).toBe((await counts()).employees)
    const applied = await apply(admin, preview.body.uploadId)
    expect(applied.body.counts).toMatchObject({ create: 0, change: 0 })
  })

  // The bad-file corpus: each file is refused naming its row (and column), and nothing changes.
  const corpus: { name: string; lines: string[]; row: number; column: string | null; code: string }[] = [
    {
      name: 'a duplicate 工号',
      lines: ['D001,甲,客服部,,,,2025-01-01,,,', 'D001,乙,客服部,,,,2025-01-01,,,'],
      row: 3,
      column: '工号 (A)',
      code: 'duplicate_employee_no',
    },
    {
      name: 'a manager loop',
      lines: ['L001,甲,客服部,,,L002,2025-01-01,,,', 'L002,乙,客服部,,,L001,2025-01-01,,,'],
      row: 2,
      column: '直接上级工号 (F)',
      code: 'manager_loop',
    },
    {
      name: 'an unknown department without the create tick',
      lines: ['U001,甲,不存在部,,,,2025-01-01,,,'],
      row: 2,
      column: '部门 (C)',
      code: 'unknown_department',
    },
    {
      name: 'a bad date',
      lines: ['T001,甲,客服部,,,,2025-01-01,,,', 'T002,乙,客服部,,,,2025-02-30,,,'],
      row: 3,
      column: '入职日期 (G)',
      code: 'bad_date',
    },
    {
      name: 'a manager 工号 that does not exist',
      lines: ['M001,甲,客服部,,,X999,2025-01-01,,,'],
      row: 2,
      column: '直接上级工号 (F)',
      code: 'unknown_manager',
    },
  ]
  it.each(corpus)('refuses $name naming row $row, and changes nothing', async (bad) => {
    const before = await counts()
    const auditBefore = (await listAudit(handle.db, org.companyId, { limit: 1 }))[0]?.id
    const preview = await upload(admin, csv(...bad.lines), 'bad.csv')
    expect(preview.status).toBe(200)
    expect(preview.body.errors[0]).toMatchObject({ row: bad.row, column: bad.column, code: bad.code })
    const applied = await apply(admin, preview.body.uploadId)
    expect(applied.status).toBe(400)
    expect(applied.body.error.message).toContain(`第 ${bad.row} 行`)
    expect(applied.body.error.issues[0]?.path).toBe(`row ${bad.row}.${bad.column}`)
    expect(await counts()).toEqual(before)
    expect((await listAudit(handle.db, org.companyId, { limit: 1 }))[0]?.id).toBe(auditBefore)
  })

  it('names the chain of a manager loop', async () => {
    const preview = await upload(admin, csv(...corpus[1]!.lines), 'loop.csv')
    expect(preview.body.errors[0]?.message).toContain('L001 → L002 → L001')
  })

  it('refuses a file without a 工号 column, naming the header row (400, nothing kept)', async () => {
    const res = await upload(admin, Buffer.from('姓名,部门\n甲,客服部\n'), 'no-no.csv')
    expect(res.status).toBe(400)
    expect(res.body.error.message).toContain('工号')
    expect(res.body.error.issues[0]?.path).toBe('row 1')
  })

  it('imports a GBK CSV (as Excel saves it in China) with its names intact', async () => {
    const text = `${header}\r\nG001,郭靖,客服部,,客服专员,E002,2025-03-03,,,\r\n`
    const preview = await upload(admin, iconv.encode(text, 'gbk'), '花名册-gbk.csv')
    expect(preview.status).toBe(200)
    expect(preview.body).toMatchObject({ encoding: 'gb18030', counts: { create: 1, error: 0 } })
    expect(preview.body.rows[0]).toMatchObject({ employeeNo: 'G001', name: '郭靖' })
    expect((await apply(admin, preview.body.uploadId)).status).toBe(200)
    const people = await listRosterPeople(handle.db, org.companyId)
    expect(people.find((p) => p.employeeNo === 'G001')).toMatchObject({ name: '郭靖', department: '客服部' })
  })

  it('imports 10,000 people in one go, and refuses 10,001 naming the limit with nothing changed', async () => {
    const lines = (n: number) =>
      Array.from({ length: n }, (_, i) => {
        const no = `P${String(i + 1).padStart(5, '0')}`
        const manager = i === 0 ? 'E001' : `P${String(Math.floor(i / 10) + 1).padStart(5, '0')}`
        return `${no},员工${i + 1},客服部,,客服专员,${manager},2025-01-01,,,`
      })
    const before = await counts()
    const tooMany = await upload(admin, csv(...lines(10_001)), 'big.csv')
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.error.message).toContain('10000')
    expect(tooMany.body.error.issues[0]?.path).toBe('row 10002')
    expect(await counts()).toEqual(before)

    const preview = await upload(admin, csv(...lines(10_000)), 'big.csv')
    expect(preview.status).toBe(200)
    expect(preview.body.counts).toMatchObject({ create: 10_000, error: 0 })
    expect(preview.body.rows.length).toBe(preview.body.rowsLimit)
    const applied = await apply(admin, preview.body.uploadId)
    expect(applied.status).toBe(200)
    expect((await counts()).employees).toBe(before.employees + 10_000)
    const people = await listRosterPeople(handle.db, org.companyId)
    expect(people.find((p) => p.employeeNo === 'P10000')?.managerNo).toBe('P01000')
    expect(await verifyAuditChain(handle.db, org.companyId)).toMatchObject({ ok: true })
  })

  it('answers 415 for a JSON preview, 400 naming the field for a form without a file or a bad upload id', async () => {
    expect((await admin.post<ErrorBody>('/api/roster/preview', { file: 'x' })).status).toBe(415)
    const form = new FormData()
    form.set('createMissing', 'true')
    const noFile = await admin.raw<ErrorBody>('/api/roster/preview', {
      method: 'POST',
      headers: { 'x-csrf-token': admin.csrfToken ?? '' },
      body: form,
    })
    expect(noFile.status).toBe(400)
    expect(noFile.body.error.issues[0]?.path).toBe('file')
    const missing = await admin.post<ErrorBody>('/api/roster/apply', { uploadId: 'nope' })
    expect(missing.status).toBe(400)
    expect(missing.body.error.issues[0]?.path).toBe('uploadId')
  })
})
