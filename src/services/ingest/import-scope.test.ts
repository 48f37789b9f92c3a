import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DomainError } from '../../core/errors.ts'
import type { Db } from '../../db/database.ts'
import { importLockKey } from '../../db/import-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { detectUpload } from './detect-upload.ts'
import { type ImportFileInput, importFile } from './import-file.ts'
import { undoImport } from './undo-import.ts'

// What an import replaces (issue 12, part 1): only rows of the same company, kind, source and shop inside the
// file's period; the preview says what and how many before anything is written; a superseded file imported
// again brings its rows back; parallel imports of one file import it once (part 5).

const scratch = mkdtempSync(path.join(tmpdir(), 'jixiao-scope-'))
let fileNo = 0
const write = (content: string, name = `f${++fileNo}.csv`) => {
  const p = path.join(scratch, `${fileNo}-${name}`)
  writeFileSync(p, content)
  return p
}

const uciHeader = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n'
/** `n` UCI order lines (the fast path) of one shop (the Country column) on 2011-07-01. */
const uciLines = (shop: string, n: number, price = '10.00') =>
  uciHeader +
  Array.from(
    { length: n },
    (_, i) => `${shop}${i + 1},S${i},item,1,2011-07-01 10:00,${price},c${i},${shop}\n`,
  ).join('')
/** `n` generic order lines (the general path: not a bulk preset) with a 店铺 column. */
const genericLines = (shop: string, n: number, price = '10.00') =>
  `订单编号,数量,单价,下单时间,店铺\n${Array.from(
    { length: n },
    (_, i) => `${shop}-${i + 1},1,${price},2011-07-01 09:00:00,${shop}\n`,
  ).join('')}`
/** Generic traffic rows with a 店铺 column: one row per shop and day. */
const trafficRows = (rows: [string, string, number][]) =>
  `日期,店铺,访客数\n${rows.map(([day, shop, uv]) => `${day},${shop},${uv}\n`).join('')}`

describe.each(await testEngines())('what an import replaces, on %s', (engine) => {
  let handle: TestDatabase
  let db: Db
  let companyNo = 0
  const newCompany = async () =>
    (
      await db
        .insertInto('companies')
        .values({ name: `scope-${++companyNo}` })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const run = (input: ImportFileInput) => importFile({ db, handle }, input)
  /** Live rows and their money per shop. */
  const liveByShop = async (table: string, company: number, money = 'amount') =>
    Object.fromEntries(
      (
        await sql<{ shop: string; n: string; total: string }>`
          select shop, count(*)::text as n, coalesce(sum(${sql.ref(money)}), 0)::text as total
            from ${sql.table(table)} where company_id = ${company} and superseded_by is null
           group by shop order by shop`.execute(db)
      ).rows.map((r) => [r.shop, { rows: Number(r.n), total: Number(r.total) }]),
    )

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    db = handle.db
  })
  afterAll(async () => {
    await handle?.close()
  })

  it("keeps shop A's order lines when shop B's file for the same day comes in (bulk fast path)", async () => {
    const company = await newCompany()
    const a = await run({ companyId: company, filePath: write(uciLines('A', 10)) })
    expect(a).toMatchObject({ status: 'imported', rows: 10, replacedRows: 0 })
    const b = await run({ companyId: company, filePath: write(uciLines('B', 3)) })
    // shop B's file replaces nothing of shop A: they share kind, preset, source and day, not the shop
    expect(b).toMatchObject({ status: 'imported', rows: 3, replacedRows: 0, replaced: [] })
    expect(await liveByShop('fact_order_lines', company)).toEqual({
      A: { rows: 10, total: 100 },
      B: { rows: 3, total: 30 },
    })
    expect(await liveByShop('fact_orders', company)).toEqual({
      A: { rows: 10, total: 100 },
      B: { rows: 3, total: 30 },
    })
  })

  it("keeps shop A's order lines when shop B's file comes in (general path)", async () => {
    const company = await newCompany()
    await run({ companyId: company, filePath: write(genericLines('A', 10)) })
    const b = await run({ companyId: company, filePath: write(genericLines('B', 3)) })
    expect(b).toMatchObject({ status: 'imported', rows: 3, replacedRows: 0 })
    expect(await liveByShop('fact_order_lines', company)).toEqual({
      A: { rows: 10, total: 100 },
      B: { rows: 3, total: 30 },
    })
  })

  it("keeps shop A's traffic when shop B's traffic for the same days comes in; a correction replaces only its shop", async () => {
    const company = await newCompany()
    await run({
      companyId: company,
      filePath: write(
        trafficRows([
          ['2011-07-01', 'A', 10],
          ['2011-07-02', 'A', 11],
        ]),
      ),
    })
    const b = await run({ companyId: company, filePath: write(trafficRows([['2011-07-01', 'B', 5]])) })
    expect(b).toMatchObject({ status: 'imported', replacedRows: 0 })
    const corrected = await run({
      companyId: company,
      filePath: write(
        trafficRows([
          ['2011-07-01', 'A', 20],
          ['2011-07-02', 'A', 21],
        ]),
      ),
    })
    expect(corrected).toMatchObject({ status: 'imported', replacedRows: 2 })
    expect(corrected.replaced).toEqual([
      expect.objectContaining({ importId: expect.any(Number), shop: 'A', rows: 2 }),
    ])
    expect(await liveByShop('fact_traffic', company, 'uv')).toEqual({
      A: { rows: 2, total: 41 },
      B: { rows: 1, total: 5 },
    })
  })

  it('replaces only the shops a file carries: a two-shop file corrected for one shop keeps the other', async () => {
    const company = await newCompany()
    const both = `${uciHeader}A1,S,x,1,2011-07-01 10:00,1.00,c,A\nB1,S,x,1,2011-07-01 10:00,2.00,c,B\n`
    await run({ companyId: company, filePath: write(both) })
    const onlyA = await run({
      companyId: company,
      filePath: write(`${uciHeader}A1,S,x,1,2011-07-01 10:00,5.00,c,A\n`),
    })
    expect(onlyA).toMatchObject({ status: 'imported', replacedRows: 1 })
    expect(await liveByShop('fact_order_lines', company)).toEqual({
      A: { rows: 1, total: 5 },
      B: { rows: 1, total: 2 },
    })
  })

  it('brings a superseded file back when it is imported again; the same file a third time changes nothing; undo still works', async () => {
    const company = await newCompany()
    const original = uciLines('A', 10)
    const first = await run({ companyId: company, filePath: write(original) })
    const correction = await run({ companyId: company, filePath: write(uciLines('A', 8, '1.00')) })
    expect(correction).toMatchObject({ status: 'imported', replacedRows: 10 })
    expect(await liveByShop('fact_order_lines', company)).toEqual({ A: { rows: 8, total: 8 } })

    const again = await run({ companyId: company, filePath: write(original) })
    // the first file's rows are no longer live: importing it again is not "unchanged"
    expect(again).toMatchObject({ status: 'imported', rows: 10, replacedRows: 8 })
    expect(again.importId).not.toBe(first.importId)
    expect(again.replaced).toEqual([
      expect.objectContaining({ importId: correction.importId, shop: 'A', rows: 8 }),
    ])
    expect(await liveByShop('fact_order_lines', company)).toEqual({ A: { rows: 10, total: 100 } })
    expect(await liveByShop('fact_orders', company)).toEqual({ A: { rows: 10, total: 100 } })

    const third = await run({ companyId: company, filePath: write(original) })
    expect(third).toMatchObject({ status: 'unchanged', importId: again.importId })

    // undoing the re-import brings the correction back
    await undoImport({ db }, { companyId: company, importId: again.importId })
    expect(await liveByShop('fact_order_lines', company)).toEqual({ A: { rows: 8, total: 8 } })
  })

  it('says in the preview what an import would replace, with counts, before anything is written', async () => {
    const company = await newCompany()
    const a = await run({ companyId: company, filePath: write(uciLines('A', 10)) })
    await run({ companyId: company, filePath: write(uciLines('B', 3)) })
    const correctedA = write(uciLines('A', 4, '2.00'))
    const analysis = await detectUpload(
      { db },
      { companyId: company, filePath: correctedA, fileName: 'corrected-a.csv' },
    )
    expect(analysis.replaces).toMatchObject({
      source: 'uci-online-retail',
      periodStart: '2011-07-01',
      periodEnd: '2011-07-01',
      shops: ['A'],
      rows: 10,
      imports: [{ importId: a.importId, shop: 'A', rows: 10 }],
    })
    // a shop C file replaces nothing
    const shopC = await detectUpload(
      { db },
      { companyId: company, filePath: write(uciLines('C', 2)), fileName: 'c.csv' },
    )
    expect(shopC.replaces).toMatchObject({ shops: ['C'], rows: 0, imports: [] })
    expect(await liveByShop('fact_order_lines', company)).toEqual({
      A: { rows: 10, total: 100 },
      B: { rows: 3, total: 30 },
    })
  })

  it('imports one file once when five imports of it run at the same time', async () => {
    const company = await newCompany()
    // large enough that the five transactions overlap
    const file = write(uciLines('A', 3000))
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => run({ companyId: company, filePath: file })),
    )
    const statuses = results.map((r) => (r.status === 'fulfilled' ? r.value.status : String(r.reason)))
    expect(statuses.filter((s) => s === 'imported')).toHaveLength(1)
    expect(statuses.filter((s) => s === 'unchanged')).toHaveLength(4)
    expect(await liveByShop('fact_order_lines', company)).toEqual({ A: { rows: 3000, total: 30000 } })
    const completed = await db
      .selectFrom('imports')
      .select('id')
      .where('company_id', '=', company)
      .where('status', '=', 'completed')
      .execute()
    expect(completed).toHaveLength(1)
  })

  it.runIf(engine === 'postgres')(
    'tells the user to wait (import_busy) when another import of the source holds it too long, and imports once it is free',
    async () => {
      const company = await newCompany()
      const holder = new pg.Client({ connectionString: handle.url })
      await holder.connect()
      try {
        const key = importLockKey({ companyId: company, kind: 'orders', source: 'uci-online-retail' })
        await holder.query('select pg_advisory_lock(hashtextextended($1, 0))', [key])
        const file = write(uciLines('A', 5))
        const busy = await run({ companyId: company, filePath: file, limits: { maxLockWaitMs: 200 } }).catch(
          (error: unknown) => error,
        )
        expect(busy).toBeInstanceOf(DomainError)
        expect(busy).toMatchObject({ code: 'import_busy' })
        expect((busy as DomainError).message).toMatch(/still running; wait for it to finish/)
        expect(await liveByShop('fact_order_lines', company)).toEqual({})
        await holder.query('select pg_advisory_unlock(hashtextextended($1, 0))', [key])
        const done = await run({ companyId: company, filePath: file, limits: { maxLockWaitMs: 200 } })
        expect(done).toMatchObject({ status: 'imported', rows: 5 })
      } finally {
        await holder.end()
      }
    },
  )
})
