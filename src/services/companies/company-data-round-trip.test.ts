import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../api/create-app.ts'
import { createApiClient } from '../../api/testing/api-client.ts'
import { countCompanyRows } from '../../db/company-archive-repository.ts'
import { listHostLog } from '../../db/host-log-repository.ts'
import { tenantTables } from '../../db/tenant-tables.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { differingAnswers, readApiAnswers } from '../../test-support/read-api-answers.ts'
import { demoExtensions } from '../demo/demo-extensions.ts'
import { loadDemoCompany } from '../demo/load-demo-company.ts'
import { createCompany } from './create-company.ts'
import { deleteCompany } from './delete-company.ts'
import { exportCompany } from './export-company.ts'
import { importCompany } from './import-company.ts'

const now = new Date('2026-12-07T09:00:00Z')
const demoAdmin = { username: 'admin', password: 'jixiao123', companyCode: 'demo' }
const otherAdmin = { username: 'admin', password: '乙店管理员-口令-2026', companyCode: 'yi' }

// A departing customer's data leaves as one archive and can come back whole; deleting it leaves nothing of it in
// any tenant table and touches no other company. Reads through the API are the measure of "whole".
describe.each(await testEngines())(
  'company export, delete and import on %s',
  { timeout: 300_000 },
  (engine) => {
    let database: TestDatabase
    let folder: string
    let archive: string
    let demoId: number
    let otherId: number
    const deps = () => ({ db: database.db, now: () => now, actor: 'test@host (command line)' })
    const app = () => createApp({ db: database.db, engine, now: () => now })
    const rowsOf = async (companyId: number) => {
      const rows: Record<string, number> = {}
      for (const table of tenantTables) rows[table] = await countCompanyRows(database.db, table, companyId)
      return rows
    }
    let demoBefore: Record<string, string>
    let otherBefore: Record<string, string>
    let otherRows: Record<string, number>

    beforeAll(async () => {
      folder = await mkdtemp(path.join(tmpdir(), 'jixiao-company-archive-'))
      archive = path.join(folder, 'demo.jsonl.gz')
      database = await createTestDatabase(engine)
      demoId = (await loadDemoCompany(database.db, demoExtensions)).companyId
      await addBytesAndFigures(database, demoId)
      otherId = (
        await createCompany(
          { db: database.db, now: () => now },
          { name: '乙店', code: 'yi', adminUsername: 'admin', password: otherAdmin.password },
        )
      ).companyId
      demoBefore = await readApiAnswers(app(), demoAdmin)
      otherBefore = await readApiAnswers(app(), otherAdmin)
      otherRows = await rowsOf(otherId)
    })
    afterAll(async () => {
      await database.close()
      await rm(folder, { recursive: true, force: true })
    })

    it('exports every row of the company, counted per table', async () => {
      const summary = await exportCompany(deps(), { code: 'demo', outFile: archive })
      expect(summary.rows).toEqual({ companies: 1, ...(await rowsOf(demoId)) })
      expect(summary.rows.appraisal_sheets).toBeGreaterThan(0)
    })

    it('deletes nothing when the confirmation is not the company code', async () => {
      await expect(deleteCompany(deps(), { code: 'demo', confirmCode: 'yi' })).rejects.toMatchObject({
        code: 'invalid_input',
      })
      expect((await rowsOf(demoId)).employees).toBeGreaterThan(0)
    })

    it('deletes every row of the company in every tenant table, logs it, and leaves the other company as it was', async () => {
      const summary = await deleteCompany(deps(), { code: 'demo', confirmCode: 'DEMO', reason: '客户解约' })
      expect(summary.totalRows).toBeGreaterThan(100)
      const left = Object.entries(await rowsOf(demoId)).filter(([, n]) => n > 0)
      expect(left).toEqual([])
      const [logged] = await listHostLog(database.db, { companyCode: 'demo' })
      expect(logged).toMatchObject({
        action: 'company_deleted',
        former_company_id: demoId,
        actor: 'test@host (command line)',
      })
      expect(logged!.details).toMatchObject({
        reason: '客户解约',
        rows: { employees: summary.rows.employees },
      })
      expect(await rowsOf(otherId)).toEqual(otherRows)
      expect(differingAnswers(await readApiAnswers(app(), otherAdmin), otherBefore)).toEqual([])
      const signIn = await createApiClient((p, i) => app().request(p, i)).login('admin', 'jixiao123', 'demo')
      expect(signIn.status).toBe(401)
    })

    it('imports the archive back: every read answers as before, and new rows get fresh ids', async () => {
      const summary = await importCompany(deps(), { file: archive })
      expect(summary.companyId).toBe(demoId)
      // Byte strings, decimals, timestamps and JSON come back exactly: the company exports to the same rows.
      const again = path.join(folder, 'again.jsonl.gz')
      await exportCompany(deps(), { code: 'demo', outFile: again })
      const rowsIn = async (file: string) =>
        gunzipSync(await readFile(file))
          .toString('utf8')
          .split('\n')
          .slice(1)
      expect(await rowsIn(again)).toEqual(await rowsIn(archive))
      expect(differingAnswers(await readApiAnswers(app(), demoAdmin), demoBefore)).toEqual([])
      expect(differingAnswers(await readApiAnswers(app(), otherAdmin), otherBefore)).toEqual([])
      const admin = createApiClient((p, i) => app().request(p, i))
      await admin.login('admin', 'jixiao123', 'demo')
      expect((await admin.post('/api/departments', { name: '新开的直播部' })).status).toBe(201)
      const logged = await listHostLog(database.db, { companyCode: 'demo' })
      expect(logged.map((entry) => entry.action)).toContain('company_imported')
    })

    it('refuses the archive of a company already here, a cut-off archive (keeping nothing of it), and a file that is no archive', async () => {
      await expect(importCompany(deps(), { file: archive })).rejects.toMatchObject({ code: 'conflict' })
      await deleteCompany(deps(), { code: 'demo', confirmCode: 'demo' })
      const lines = gunzipSync(await readFile(archive))
        .toString('utf8')
        .trimEnd()
        .split('\n')
      const cut = path.join(folder, 'cut.jsonl.gz')
      await writeFile(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')))
      await expect(importCompany(deps(), { file: cut })).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(/incomplete/),
      })
      expect(Object.entries(await rowsOf(demoId)).filter(([, n]) => n > 0)).toEqual([])
      const plain = path.join(folder, 'plain.txt')
      await writeFile(plain, 'hello')
      await expect(importCompany(deps(), { file: plain })).rejects.toMatchObject({ code: 'invalid_input' })
      await expect(importCompany(deps(), { file: path.join(folder, 'missing.gz') })).rejects.toMatchObject({
        code: 'not_found',
      })
    })
  },
)

/** A stored sheet file with every byte value, and an order line with decimals and a microsecond timestamp. */
async function addBytesAndFigures(database: TestDatabase, companyId: number): Promise<void> {
  const db = database.db
  const sheet = await db
    .selectFrom('appraisal_sheets')
    .select('id')
    .where('company_id', '=', companyId)
    .executeTakeFirstOrThrow()
  await db
    .insertInto('sheet_files')
    .values({
      company_id: companyId,
      sheet_id: sheet.id,
      name: '证据.bin',
      content_type: 'application/octet-stream',
      size: 256,
      sha256: 'test',
      data: Uint8Array.from({ length: 256 }, (_, i) => i),
      uploaded_by_user_id: null,
    })
    .execute()
  const imported = await db
    .insertInto('imports')
    .values({
      company_id: companyId,
      kind: 'orders',
      preset: 'test',
      source: 'test',
      file_name: '订单.csv',
      sha256: 'test',
      size_bytes: 1,
      status: 'completed',
      period_start: null,
      period_end: null,
      created_by_user_id: null,
      errors: null,
      undone_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await sql`insert into fact_order_lines (company_id, import_id, row_no, day, order_no, line_no, sku, quantity,
              unit_price, amount, ordered_at, shop, is_cancellation)
            values (${companyId}, ${imported.id}, 1, '2026-11-03', 'O-1', 1, 'SKU-1', 2, 1.10, 2.20,
              '2026-11-03T10:00:00.123456+08', '旗舰店', false)`.execute(db)
}
