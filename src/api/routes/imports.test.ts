import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MetricResult } from '../../contracts/ingest.ts'
import type { ImportHistoryItem, ImportJob, Upload } from '../../contracts/ingest-api.ts'
import { listAudit } from '../../db/audit-log-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { zipBomb } from '../../test-support/zip-bomb.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, type ApiResult, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../testing/seed-test-organisation.ts'

// Shop data import through the HTTP API on both engines: upload → detection and preview → validation job →
// import job with progress → history → attribution of the agent nick → metric per employee → undo; and every
// bad input of the issue answered with a clear 4xx and nothing imported.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const fixture = (name: string) => readFileSync(path.join(root, 'test-fixtures/ingest', name))
const qianniuAgents = 'synthetic-自制报表-报表查看-客服绩效_20111101_20111130_全部.xlsx'
const uciHeader = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n'

type ErrorWithUpload = {
  error: { code: string; message: string; issues?: { path: string; message: string }[] }
  upload?: Upload
  job?: ImportJob
}

describe.each(await testEngines())('import routes on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let hr: ApiClient
  let finance: ApiClient
  let employee: ApiClient

  const upload = <T = Upload>(client: ApiClient, fileName: string, body: Uint8Array | string, query = '') =>
    client.raw<T>(`/api/imports/uploads?fileName=${encodeURIComponent(fileName)}${query}`, {
      method: 'POST',
      headers: { 'x-csrf-token': client.csrfToken ?? '', 'content-type': 'application/octet-stream' },
      body: new Uint8Array(typeof body === 'string' ? Buffer.from(body) : body),
    })

  const poll = async (id: string): Promise<ImportJob> => {
    for (;;) {
      const res = await hr.get<ImportJob>(`/api/imports/jobs/${id}`)
      expect(res.status).toBe(200)
      if (res.body.status !== 'running') return res.body
      await new Promise((r) => setTimeout(r, 10))
    }
  }

  const liveRows = async (table: string) => {
    const rows = await handle.db
      .selectFrom(table as 'users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('company_id' as 'id', '=', org.companyId)
      .where('superseded_by' as 'id', 'is', null)
      .executeTakeFirstOrThrow()
    return Number(rows.n)
  }

  /** Uploads and imports (waiting); the failure's status and message, and the proof that nothing was written. */
  const importBad = async (fileName: string, content: Uint8Array | string, options: object = {}) => {
    const before = await liveRows('fact_order_lines')
    const up = await upload<Upload & ErrorWithUpload>(hr, fileName, content)
    let res: ApiResult<ErrorWithUpload> = up
    if (up.status === 201)
      res = await hr.post<ErrorWithUpload>(`/api/imports/uploads/${up.body.id}/import?wait=true`, options)
    expect(await liveRows('fact_order_lines')).toBe(before)
    return res
  }

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    const app = createApp({ db: handle.db, engine })
    const client = (name: string) => {
      const c = createApiClient((p, i) => app.request(p, i))
      return c.login(name).then(() => c)
    }
    hr = await client('hr')
    finance = await client('finance')
    employee = await client('xiaobing')
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('imports a 千牛 客服绩效 export: detection, preview, validation, progress, history, attribution, metric, undo', async () => {
    const up = await upload(hr, qianniuAgents, fixture(qianniuAgents))
    expect(up.status).toBe(201)
    const analysis = up.body.analysis
    expect(analysis).toMatchObject({ format: 'xlsx', encoding: null, headerRow: 1, problem: null })
    expect(analysis.preset).toMatchObject({ name: 'qianniu-cs-agent', kind: 'cs_performance' })
    expect(analysis.columns.find((c) => c.target === 'agent_nick')?.header).toBe('旺旺昵称')
    // this export has no date column: the day comes from the period in the file name
    expect(analysis.columns.find((c) => c.target === 'date')?.source).toBe('period')
    // the summary and peer rows (汇总, 平均值, 同行同层…) are not data
    expect(analysis.preview.map((r) => r.cells.agent_nick?.value)).toEqual([
      '店铺:小美',
      '店铺:阿强',
      '店铺:晓晓',
    ])
    expect(analysis.preview[0]?.cells.final_paid_buyers).toMatchObject({ raw: '189', value: '189' })
    expect(analysis.preview[1]?.cells.first_response_seconds).toMatchObject({ raw: '12秒', value: '12' })

    const validated = await hr.post<ImportJob>(`/api/imports/uploads/${up.body.id}/validate?wait=true`, {})
    expect(validated.status).toBe(200)
    expect(validated.body).toMatchObject({
      status: 'succeeded',
      result: { status: 'valid', rows: 3, preset: 'qianniu-cs-agent' },
    })
    expect(await liveRows('fact_cs_performance')).toBe(0)

    const started = await hr.post<ImportJob>(`/api/imports/uploads/${up.body.id}/import`, {})
    expect(started.status).toBe(202)
    const job = await poll(started.body.id)
    expect(job).toMatchObject({
      status: 'succeeded',
      progress: { phase: 'done', percent: 100, rows: 3 },
      result: { status: 'imported', rows: 3, periodStart: '2011-11-01', periodEnd: '2011-11-01' },
    })
    // the upload is gone once imported
    expect((await hr.get(`/api/imports/uploads/${up.body.id}`)).status).toBe(404)

    const history = await finance.get<{ items: ImportHistoryItem[] }>('/api/imports')
    expect(history.status).toBe(200)
    expect(history.body.items[0]).toMatchObject({
      id: job.result?.importId,
      fileName: qianniuAgents,
      status: 'completed',
      rows: 3,
      preset: 'qianniu-cs-agent',
      createdBy: '人事',
    })
    expect(history.body.items[0]?.sha256).toMatch(/^[0-9a-f]{64}$/)

    const unmapped = await hr.get<{ items: { sourceKind: string; sourceName: string; rows: number }[] }>(
      '/api/attributions/unmapped',
    )
    expect(unmapped.body.items.filter((u) => u.sourceKind === 'agent_nick').map((u) => u.sourceName)).toEqual(
      ['店铺:小美', '店铺:晓晓', '店铺:阿强'],
    )
    const mapped = await hr.raw('/api/attributions', {
      method: 'PUT',
      headers: { 'x-csrf-token': hr.csrfToken ?? '', 'content-type': 'application/json' },
      body: JSON.stringify({
        sourceKind: 'agent_nick',
        sourceName: '店铺:小美',
        employeeId: org.employees.E003,
        departmentId: null,
        shop: null,
      }),
    })
    expect(mapped.status).toBe(200)
    const metric = await finance.get<MetricResult>(
      '/api/metrics/inquiry_conversion_rate?by=employee&period=2011-11',
    )
    expect(metric.status).toBe(200)
    const xiaobing = metric.body.values.find((v) => v.label === '小冰')
    expect(xiaobing).toMatchObject({ value: '0.45', numerator: '189', denominator: '420' })

    const undone = await hr.post<{ removedRows: number }>(`/api/imports/${job.result?.importId}/undo`, {})
    expect(undone).toMatchObject({ status: 200, body: { removedRows: 3 } })
    expect(await liveRows('fact_cs_performance')).toBe(0)
    const after = await hr.get<MetricResult>(
      '/api/metrics/inquiry_conversion_rate?by=employee&period=2011-11',
    )
    expect(after.body.values).toEqual([])
    const again = await hr.post(`/api/imports/${job.result?.importId}/undo`, {})
    expect(again.status).toBe(409)

    const actions = (await listAudit(handle.db, org.companyId)).map((a) => a.action)
    expect(actions).toEqual(
      expect.arrayContaining(['import.completed', 'attribution.created', 'import.undone']),
    )
  })

  it('lets only HR and admin upload and import; finance reads; employees see nothing', async () => {
    expect((await upload(finance, 'a.csv', uciHeader)).status).toBe(403)
    expect((await upload(employee, 'a.csv', uciHeader)).status).toBe(403)
    expect((await employee.get('/api/imports')).status).toBe(403)
    expect((await employee.get('/api/metrics')).status).toBe(403)
    expect((await finance.get('/api/imports/presets')).status).toBe(200)
  })

  it('answers a header no preset knows with the columns expected and found, and keeps the upload for overrides', async () => {
    const res = await upload<ErrorWithUpload>(hr, 'unknown.csv', 'foo,bar\n1,2\n')
    expect(res.status).toBe(400)
    expect(res.body.error.message).toMatch(/no preset matches the file's header; found columns: foo, bar/)
    expect(res.body.error.issues?.find((i) => i.path === 'preset.uci-online-retail')?.message).toMatch(
      /expects columns InvoiceNo/,
    )
    expect(res.body.upload?.analysis.headersFound).toEqual(['foo', 'bar'])
    const retry = await hr.get(`/api/imports/uploads/${res.body.upload?.id}?kind=orders`)
    expect(retry.status).toBe(400)
  })

  it.each([
    [
      'a truncated file',
      `${uciHeader}1,A,a,1,2011-02-03 10:00,1.00,1,UK\n2,A,a,1,2011-02`,
      /row 3: the row has fewer columns than the header/,
    ],
    [
      'a wrong column count',
      `${uciHeader}1,A,a,1,2011-02-03 10:00,1.00,1,UK,extra\n`,
      /row 2: the row has more columns than the header/,
    ],
    [
      'an impossible date',
      `${uciHeader}1,A,a,1,2011-02-30 10:00,1.00,1,UK\n`,
      /row 2, column InvoiceDate, value "2011-02-30 10:00": not a date and time/,
    ],
    [
      'a negative quantity',
      `${uciHeader}1,A,a,-2,2011-02-03 10:00,1.00,1,UK\n`,
      /row 2, column Quantity, value "-2": negative quantity/,
    ],
    [
      'a formula cell',
      `${uciHeader}1,A,=cmd|' /C calc'!A0,1,2011-02-03 10:00,1.00,1,UK\n`,
      /column Description.*formula/,
    ],
  ])('refuses %s with a 400 naming the row and imports nothing', async (_name, content, message) => {
    const res = await importBad('bad.csv', content)
    expect(res.status).toBe(400)
    expect(res.body.error.message).toMatch(message)
    if (res.body.job) expect(res.body.job.error?.errorCount).toBeGreaterThan(0)
  })

  it('refuses duplicate natural keys within a file', async () => {
    const up = await upload(
      hr,
      'dup.csv',
      '日期,店铺,访客数\n2011-11-01,A,10\n2011-11-02,A,12\n2011/11/1,A,11\n',
      '&kind=traffic',
    )
    expect(up.status).toBe(201)
    const res = await hr.post<ErrorWithUpload>(`/api/imports/uploads/${up.body.id}/import?wait=true`, {
      kind: 'traffic',
    })
    expect(res.status).toBe(400)
    expect(res.body.error.message).toMatch(/duplicate key within the file \(rows 2, 4\)/)
    expect(await liveRows('fact_traffic')).toBe(0)
  })

  it('lists row errors as row, column and value: the first 100 and the total', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `${i},A,a,x${i},2011-02-03 10:00,1.00,1,UK`).join('\n')
    const res = await importBad('many.csv', `${uciHeader}${rows}\n`)
    expect(res.status).toBe(400)
    expect(res.body.job?.error?.errorCount).toBe(150)
    expect(res.body.job?.error?.errors).toHaveLength(100)
    expect(res.body.job?.error?.errors[0]).toMatchObject({ row: 2, column: 'Quantity', value: 'x0' })
  })

  it('refuses GBK bytes read as UTF-8, with a hint, and reads them when detected', async () => {
    const gbk = fixture('synthetic-promotion-gbk.csv')
    const forced = await upload<ErrorWithUpload>(hr, 'promo.csv', gbk, '&encoding=utf-8')
    expect(forced.status).toBe(400)
    expect(forced.body.error.message).toMatch(/not valid UTF-8.*gbk/i)
    const detected = await upload(hr, 'promo.csv', gbk)
    expect(detected.status).toBe(201)
    expect(detected.body.analysis).toMatchObject({ encoding: 'gb18030', preset: { name: 'promotion-csv' } })
  })

  it('refuses an XLSX formula cell at upload, naming row and column, and keeps nothing', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Sheet1')
    sheet.addRow(['日期', '店铺', '访客数'])
    sheet.addRow(['2011-11-01', 'A', { formula: "cmd|' /C calc'!A0", result: 1 }])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    const res = await importBad('formula.xlsx', bytes)
    expect(res.status).toBe(400)
    expect(res.body.error.message).toMatch(/row 2, column C: the cell is a formula/)
    expect(res.body.upload).toBeUndefined()
  })

  it('refuses an XLSX zip bomb before expanding it', async () => {
    const res = await importBad('bomb.xlsx', zipBomb())
    expect(res.status).toBe(400)
    expect(res.body.error.message).toMatch(/zip bomb/)
  })

  it('refuses an oversize file by its declared length, and an empty one', async () => {
    const res = await hr.raw<ErrorWithUpload>('/api/imports/uploads?fileName=big.csv', {
      method: 'POST',
      headers: {
        'x-csrf-token': hr.csrfToken ?? '',
        'content-type': 'application/octet-stream',
        'content-length': String(300 * 1024 * 1024),
      },
      body: Buffer.from(uciHeader),
    })
    expect(res.status).toBe(413)
    expect(res.body.error.code).toBe('too_large')
    const empty = await upload<ErrorWithUpload>(hr, 'empty.csv', '')
    expect(empty.status).toBe(400)
    expect(empty.body.error.message).toMatch(/empty/)
  })

  it('cancels a running import and keeps nothing', async () => {
    const lines = Array.from(
      { length: 20000 },
      (_, i) => `${700000 + i},A,a,1,2011-03-03 10:00,1.00,1,UK`,
    ).join('\n')
    const up = await upload(hr, 'cancel.csv', `${uciHeader}${lines}\n`)
    expect(up.status).toBe(201)
    const started = await hr.post<ImportJob>(`/api/imports/uploads/${up.body.id}/import`, {})
    const cancelled = await hr.post<ImportJob>(`/api/imports/jobs/${started.body.id}/cancel`, {})
    expect([200, 409]).toContain(cancelled.status)
    const job = await poll(started.body.id)
    if (cancelled.status === 200) {
      expect(job.status).toBe('cancelled')
      expect(await liveRows('fact_order_lines')).toBe(0)
    } else expect(job.status).toBe('succeeded')
  })

  it('saves a custom column mapping and imports with it', async () => {
    const saved = await hr.raw<{ id: number }>('/api/imports/mappings', {
      method: 'PUT',
      headers: { 'x-csrf-token': hr.csrfToken ?? '', 'content-type': 'application/json' },
      body: JSON.stringify({ name: '我的流量表', kind: 'traffic', mapping: { date: '统计日', uv: '访客' } }),
    })
    expect(saved.status).toBe(200)
    const kinds = await hr.get<{ items: { name: string; columns: { name: string; required: boolean }[] }[] }>(
      '/api/imports/kinds',
    )
    const traffic = kinds.body.items.find((k) => k.name === 'traffic')
    expect(traffic?.columns.filter((c) => c.required).map((c) => c.name)).toEqual(['date'])
    const incomplete = await hr.raw<{ error: { issues: { path: string }[] } }>('/api/imports/mappings', {
      method: 'PUT',
      headers: { 'x-csrf-token': hr.csrfToken ?? '', 'content-type': 'application/json' },
      body: JSON.stringify({ name: '缺日期', kind: 'traffic', mapping: { uv: '访客' } }),
    })
    expect(incomplete.status).toBe(400)
    expect(incomplete.body.error.issues[0]?.path).toBe('mapping.date')
    const list = await hr.get<{ items: { name: string }[] }>('/api/imports/mappings')
    expect(list.body.items.map((m) => m.name)).toContain('我的流量表')
    const up = await upload(
      hr,
      'traffic.csv',
      '统计日,访客\n2011-12-01,10\n2011-12-02,12\n',
      `&savedMapping=${encodeURIComponent('我的流量表')}`,
    )
    expect(up.status).toBe(201)
    expect(up.body.analysis.preset?.kind).toBe('traffic')
    const done = await hr.post<ImportJob>(`/api/imports/uploads/${up.body.id}/import?wait=true`, {
      savedMapping: '我的流量表',
      shop: '旗舰店',
    })
    expect(done.status).toBe(201)
    expect(done.body.result).toMatchObject({ rows: 2, kind: 'traffic' })
  })
})
