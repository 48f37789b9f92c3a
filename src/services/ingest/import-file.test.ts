import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DomainError } from '../../core/errors.ts'
import type { Db } from '../../db/database.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { zipBomb } from '../../test-support/zip-bomb.ts'
import { type ImportFileInput, importFile } from './import-file.ts'
import { listImports } from './list-imports.ts'
import { saveImportMapping } from './save-import-mapping.ts'
import { undoImport } from './undo-import.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const fixture = (name: string) => path.join(root, 'test-fixtures/ingest', name)
const scratch = mkdtempSync(path.join(tmpdir(), 'jixiao-ingest-'))
const write = (name: string, content: string | Buffer) => {
  const p = path.join(scratch, name)
  writeFileSync(p, content)
  return p
}

const uciHeader = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n'

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof DomainError) return error
    throw error
  }
  throw new Error('expected the import to fail')
}

describe.each(await testEngines())('importFile on %s', (engine) => {
  let handle: TestDatabase
  let db: Db
  let companyId = 0
  const newCompany = async () =>
    (
      await db
        .insertInto('companies')
        .values({ name: `c${++companyId}` })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const run = (input: Omit<ImportFileInput, 'companyId'> & { companyId: number }) =>
    importFile({ db, handle }, input)
  const count = async (table: string, company: number) =>
    Number(
      (
        await sql<{
          n: string
        }>`select count(*) as n from ${sql.table(table)} where company_id = ${company} and superseded_by is null`.execute(
          db,
        )
      ).rows[0]?.n,
    )

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    db = handle.db
  })
  afterAll(async () => {
    await handle?.close()
  })

  it.each([
    ['synthetic-uci-online-retail.csv', 'uci-online-retail', 'fact_order_lines', 6],
    ['synthetic-sycm-goods.xlsx', 'sycm-goods', 'fact_traffic', 3],
    ['synthetic-sycm-business-daily.xlsx', 'sycm-business-daily', 'fact_traffic', 2],
    ['synthetic-sycm-goods-overview_20111101_20111130.xlsx', 'sycm-goods-overview', 'fact_traffic', 2],
    [
      'synthetic-自制报表-报表查看-客服绩效_20111101_20111130_全部.xlsx',
      'qianniu-cs-agent',
      'fact_cs_performance',
      3,
    ],
    ['synthetic-qianniu-shop-inquiry.csv', 'qianniu-shop-inquiry', 'fact_cs_performance', 1],
    ['synthetic-qianniu-shop-reception.csv', 'qianniu-shop-reception', 'fact_cs_performance', 1],
    ['synthetic-qianniu-shop-aov.csv', 'qianniu-shop-aov', 'fact_cs_performance', 1],
    ['synthetic-qianniu-shop-rating.xlsx', 'qianniu-shop-rating', 'fact_cs_performance', 1],
    ['synthetic-promotion-gbk.csv', 'promotion-csv', 'fact_ad_spend', 3],
    ['synthetic-qianniu-refunds.xlsx', 'qianniu-refunds', 'fact_refunds', 3],
    ['synthetic-店铺DSR数据_2011-11-30.xlsx', 'sycm-dsr', 'fact_dsr', 2],
    ['synthetic-compass-live-sessions.csv', 'compass-live-sessions', 'fact_live_sessions', 2],
    ['synthetic-generic-traffic-en.csv', 'generic-traffic', 'fact_traffic', 3],
    ['synthetic-generic-reviews.csv', 'generic-reviews', 'fact_reviews', 4],
    ['synthetic-generic-shipments.csv', 'generic-shipments', 'fact_shipments', 3],
    ['synthetic-generic-media-accounts.xlsx', 'generic-media-accounts', 'fact_media_accounts', 3],
    ['synthetic-generic-short-videos.csv', 'generic-short-videos', 'fact_short_videos', 2],
    ['synthetic-generic-attendance.csv', 'generic-attendance', 'fact_attendance', 3],
  ])('detects and imports %s as %s', async (file, preset, table, rows) => {
    const company = await newCompany()
    const result = await run({ companyId: company, filePath: fixture(file), shop: '测试店' })
    expect(result).toMatchObject({ status: 'imported', preset, rows })
    expect(await count(table, company)).toBe(rows)
  })

  it('reads 生意参谋 quirks: banner rows, 1,204, 3.32%, 延迟统计, summary rows dropped', async () => {
    const company = await newCompany()
    await run({ companyId: company, filePath: fixture('synthetic-sycm-goods.xlsx'), shop: 'S' })
    const rows = await sql<{
      uv: string
      conversion_rate: string
      refund_amount: string | null
      row_no: number
    }>`
      select uv::text, conversion_rate::text, refund_amount::text, row_no from fact_traffic where company_id = ${company} order by row_no`.execute(
      db,
    )
    expect(rows.rows).toEqual([
      { uv: '1204', conversion_rate: '0.0332', refund_amount: '59.00', row_no: 6 },
      { uv: '356', conversion_rate: '0.0281', refund_amount: null, row_no: 7 },
      { uv: '1100', conversion_rate: '0.0291', refund_amount: '0', row_no: 8 },
    ])
  })

  it('reads durations with units and the period from the 千牛 file name', async () => {
    const company = await newCompany()
    await run({
      companyId: company,
      filePath: fixture('synthetic-自制报表-报表查看-客服绩效_20111101_20111130_全部.xlsx'),
    })
    const rows = await sql<{ agent_nick: string; date: string; avg_response_seconds: string | null }>`
      select agent_nick, date::text, avg_response_seconds::text from fact_cs_performance where company_id = ${company} order by row_no`.execute(
      db,
    )
    expect(rows.rows[1]).toEqual({ agent_nick: '店铺:阿强', date: '2011-11-01', avg_response_seconds: '65' })
    expect(rows.rows[2]?.avg_response_seconds).toBeNull()
  })

  it('takes a group row above the field row (接待评价) as group|field headers', async () => {
    const company = await newCompany()
    await run({ companyId: company, filePath: fixture('synthetic-qianniu-shop-rating.xlsx') })
    const [row] = (
      await sql<{ satisfaction_rate: string; reviews_received: number }>`
      select satisfaction_rate::text, reviews_received from fact_cs_performance where company_id = ${company}`.execute(
        db,
      )
    ).rows
    expect(row).toEqual({ satisfaction_rate: '0.9375', reviews_received: 80 })
  })

  it('is idempotent by file hash: the same file twice changes nothing', async () => {
    const company = await newCompany()
    const first = await run({ companyId: company, filePath: fixture('synthetic-uci-online-retail.csv') })
    const copy = write('copy-of-uci.csv', readFileSync(fixture('synthetic-uci-online-retail.csv')))
    const second = await run({ companyId: company, filePath: copy })
    expect(second).toMatchObject({ status: 'unchanged', importId: first.importId })
    expect(await count('fact_order_lines', company)).toBe(6)
  })

  it('replaces exactly the same period and source on re-import, and undo brings the old rows back', async () => {
    const company = await newCompany()
    const day1 = `${uciHeader}1,A,a,1,2011-11-01 10:00,1.00,1,UK\n2,A,a,1,2011-11-02 10:00,2.00,2,UK\n`
    const first = await run({ companyId: company, filePath: write('p1.csv', day1), source: 'uk' })
    const other = await run({
      companyId: company,
      filePath: write('p-other.csv', `${uciHeader}9,A,a,1,2011-11-01 11:00,5.00,1,FR\n`),
      source: 'fr',
    })
    const corrected = `${uciHeader}1,A,a,3,2011-11-01 10:00,1.00,1,UK\n`
    const second = await run({ companyId: company, filePath: write('p2.csv', corrected), source: 'uk' })
    expect(second).toMatchObject({
      status: 'imported',
      replacedRows: 1,
      periodStart: '2011-11-01',
      periodEnd: '2011-11-01',
    })
    const live = await sql<{ order_no: string; amount: string }>`
      select order_no, amount::text from fact_orders where company_id = ${company} and superseded_by is null order by order_no`.execute(
      db,
    )
    expect(live.rows).toEqual([
      { order_no: '1', amount: '3.00' },
      { order_no: '2', amount: '2.00' },
      { order_no: '9', amount: '5.00' },
    ])
    await undoImport({ db }, { companyId: company, importId: second.importId })
    const restored = await sql<{ amount: string }>`
      select amount::text from fact_orders where company_id = ${company} and superseded_by is null and order_no = '1'`.execute(
      db,
    )
    expect(restored.rows).toEqual([{ amount: '1.00' }])
    await undoImport({ db }, { companyId: company, importId: first.importId })
    await undoImport({ db }, { companyId: company, importId: other.importId })
    expect(await count('fact_order_lines', company)).toBe(0)
    const log = await listImports({ db }, { companyId: company })
    expect(log.map((i) => i.status)).toEqual(['undone', 'undone', 'undone'])
  })

  it('refuses a key already imported under another source', async () => {
    const company = await newCompany()
    const file = `${uciHeader}1,A,a,1,2011-11-01 10:00,1.00,1,UK\n`
    await run({ companyId: company, filePath: write('k1.csv', file), source: 'a' })
    const error = await rejection(
      run({
        companyId: company,
        filePath: write('k2.csv', `${file}2,A,a,1,2011-11-01 10:00,1.00,1,UK\n`),
        source: 'b',
      }),
    )
    expect(error.message).toMatch(/already imported by import #\d+/)
  })

  it.each([
    [
      'an impossible date',
      `${uciHeader}1,A,a,1,2011-02-30 10:00,1.00,1,UK\n`,
      /row 2, column InvoiceDate, value "2011-02-30 10:00": not a date and time/,
    ],
    [
      'a negative quantity that is not a cancellation',
      `${uciHeader}1,A,a,-2,2011-02-03 10:00,1.00,1,UK\n`,
      /row 2, column Quantity, value "-2": negative quantity/,
    ],
    [
      'a number that is text',
      `${uciHeader}1,A,a,six,2011-02-03 10:00,1.00,1,UK\n`,
      /column Quantity, value "six": not a whole number/,
    ],
    [
      'a row with too many columns',
      `${uciHeader}1,A,a,1,2011-02-03 10:00,1.00,1,UK,extra\n`,
      /row 2: the row has more columns than the header/,
    ],
    [
      'a truncated last row',
      `${uciHeader}1,A,a,1,2011-02-03 10:00,1.00,1,UK\n2,A,a,1,2011-02`,
      /row 3: the row has fewer columns than the header/,
    ],
    [
      'a truncated quoted field',
      `${uciHeader}1,A,"a,1,2011-02-03 10:00,1.00,1,UK\n`,
      /quoted field is never closed/,
    ],
    [
      'a formula cell',
      `${uciHeader}1,A,=cmd|' /C calc'!A0,1,2011-02-03 10:00,1.00,1,UK\n`,
      /column Description.*formula/,
    ],
  ])('refuses %s and imports nothing', async (_name, content, message) => {
    const company = await newCompany()
    const error = await rejection(
      run({ companyId: company, filePath: write(`bad-${companyId}.csv`, content) }),
    )
    expect(error.message).toMatch(message)
    expect(await count('fact_order_lines', company)).toBe(0)
    const [log] = await listImports({ db }, { companyId: company })
    expect(log?.status).toBe('failed')
  })

  it('reports every bad row: the first 100 and the total', async () => {
    const company = await newCompany()
    const rows = Array.from({ length: 150 }, (_, i) => `${i},A,a,x${i},2011-02-03 10:00,1.00,1,UK`).join('\n')
    const error = await rejection(
      run({ companyId: company, filePath: write('many-bad.csv', `${uciHeader}${rows}\n`) }),
    )
    expect(error.issues).toHaveLength(100)
    expect(error.details?.errorCount).toBe(150)
    expect(error.issues[0]?.path).toBe('row 2.Quantity')
  })

  it('refuses numbers past ±1e12 and minus-formulas on the bulk (SQL-validated) path, naming row and column', async () => {
    const company = await newCompany()
    const rows = [
      '1,A,a,99999999999999999999,2011-02-03 10:00,1.00,1,UK',
      '2,A,a,1,2011-02-03 10:00,1e308,1,UK',
      "3,A,-2+3+cmd|' /C calc'!A0,1,2011-02-03 10:00,1.00,1,UK",
      '4,A,-5,-1,2011-02-03 10:00,0,1,UK',
    ].join('\n')
    const error = await rejection(
      run({ companyId: company, filePath: write('bounds-bulk.csv', `${uciHeader}${rows}\n`) }),
    )
    expect(error.issues.map((i) => i.path)).toEqual([
      'row 2.Quantity',
      'row 3.UnitPrice',
      'row 4.Description',
    ])
    expect(error.issues[0]?.message).toContain('±1,000,000,000,000')
    expect(error.issues[2]?.message).toContain('formula')
  })

  it('refuses duplicate natural keys within a file', async () => {
    const company = await newCompany()
    const content = '日期,店铺,访客数\n2011-11-01,A,10\n2011-11-02,A,12\n2011/11/1,A,11\n'
    const error = await rejection(
      run({ companyId: company, filePath: write('dup.csv', content), kind: 'traffic' }),
    )
    expect(error.message).toMatch(/duplicate key within the file \(rows 2, 4\)/)
  })

  it('refuses GBK bytes forced to UTF-8 with a hint, and reads them when detected', async () => {
    const company = await newCompany()
    const error = await rejection(
      run({ companyId: company, filePath: fixture('synthetic-promotion-gbk.csv'), encoding: 'utf-8' }),
    )
    expect(error.message).toMatch(/not valid UTF-8.*gbk/)
    const ok = await run({
      companyId: company,
      filePath: fixture('synthetic-promotion-gbk.csv'),
      encoding: 'gbk',
    })
    expect(ok.rows).toBe(3)
  })

  it('lists expected and found columns when no preset matches', async () => {
    const company = await newCompany()
    const error = await rejection(
      run({ companyId: company, filePath: write('unknown.csv', 'foo,bar\n1,2\n') }),
    )
    expect(error.message).toMatch(/no preset matches the file's header; found columns: foo, bar/)
    expect(error.issues.find((i) => i.path === 'preset.uci-online-retail')?.message).toMatch(
      /expects columns InvoiceNo/,
    )
  })

  it('imports with a saved per-company column mapping when no preset fits', async () => {
    const company = await newCompany()
    const file = write('own-format.csv', '单号,日子,件数,单价,店\nX1,2011-11-02 09:00,2,9.90,自营\n')
    await expect(
      saveImportMapping(
        { db },
        { companyId: company, name: '自营订单', kind: 'orders', mapping: { order_no: '单号' } },
      ),
    ).rejects.toThrow(/incomplete/)
    await saveImportMapping(
      { db },
      {
        companyId: company,
        name: '自营订单',
        kind: 'orders',
        mapping: { order_no: '单号', ordered_at: '日子', quantity: '件数', unit_price: '单价', shop: '店' },
      },
    )
    const result = await run({ companyId: company, filePath: file, savedMapping: '自营订单' })
    expect(result).toMatchObject({ preset: 'mapping:自营订单', rows: 1 })
    const [order] = (
      await sql<{
        amount: string
      }>`select amount::text from fact_orders where company_id = ${company}`.execute(db)
    ).rows
    expect(order?.amount).toBe('19.80')
  })

  it('refuses an oversized file before reading it', async () => {
    const company = await newCompany()
    const error = await rejection(
      run({
        companyId: company,
        filePath: fixture('synthetic-uci-online-retail.csv'),
        limits: { maxBytes: 100 },
      }),
    )
    expect(error.message).toMatch(/over the import limit of 100 bytes/)
  })

  it('refuses an old .xls workbook with a save-as-XLSX message', async () => {
    const company = await newCompany()
    const xls = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ])
    const error = await rejection(run({ companyId: company, filePath: write('old.xls', xls) }))
    expect(error.message).toMatch(/save as \.xlsx/)
  })

  it('refuses an XLSX zip bomb before expanding it', async () => {
    const company = await newCompany()
    const error = await rejection(run({ companyId: company, filePath: write('bomb.xlsx', zipBomb()) }))
    expect(error.message).toMatch(/zip bomb/)
  })

  it('refuses an XLSX formula cell', async () => {
    const company = await newCompany()
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('s')
    ws.addRow(['日期', '店铺', '访客数'])
    ws.addRow(['2011-11-01', 'A', { formula: "cmd|' /C calc'!A0", result: 1 }])
    const file = path.join(scratch, 'formula.xlsx')
    await wb.xlsx.writeFile(file)
    const error = await rejection(run({ companyId: company, filePath: file, kind: 'traffic' }))
    expect(error.message).toMatch(/row 2, column C: the cell is a formula/)
  })

  it('refuses an XLSX error cell (#DIV/0!) in a mapped column naming row and column, and ignores one elsewhere', async () => {
    const company = await newCompany()
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('s')
    ws.addRow(['日期', '店铺', '访客数', '备注'])
    ws.addRow(['2011-11-01', 'A', { error: '#DIV/0!' }, 'x'])
    const file = path.join(scratch, 'error-mapped.xlsx')
    await wb.xlsx.writeFile(file)
    const error = await rejection(run({ companyId: company, filePath: file, kind: 'traffic' }))
    expect(error.message).toMatch(/单元格为错误值 #DIV\/0!/)
    expect(error.message).toMatch(/row 2/)
    expect(error.message).toMatch(/访客数/)
    expect(await count('fact_traffic', company)).toBe(0)

    const ok = new ExcelJS.Workbook()
    const sheet = ok.addWorksheet('s')
    sheet.addRow(['日期', '店铺', '访客数', '备注'])
    sheet.addRow(['2011-11-01', 'A', 10, { error: '#N/A' }])
    const okFile = path.join(scratch, 'error-unmapped.xlsx')
    await ok.xlsx.writeFile(okFile)
    await run({ companyId: company, filePath: okFile, kind: 'traffic' })
    expect(await count('fact_traffic', company)).toBe(1)
  })

  it('reports progress and rolls back when cancelled', async () => {
    const company = await newCompany()
    const phases: string[] = []
    const controller = new AbortController()
    const promise = run({
      companyId: company,
      filePath: fixture('synthetic-uci-online-retail.csv'),
      signal: controller.signal,
      onProgress: (p) => {
        phases.push(p.phase)
        if (p.phase === 'reading') controller.abort()
      },
    })
    await expect(promise).rejects.toThrow()
    expect(await count('fact_order_lines', company)).toBe(0)
    expect(await listImports({ db }, { companyId: company })).toEqual([])
    const done: string[] = []
    await run({
      companyId: company,
      filePath: fixture('synthetic-uci-online-retail.csv'),
      onProgress: (p) => done.push(p.phase),
    })
    expect(done.at(-1)).toBe('done')
    expect(done).toContain('validating')
  })
})
