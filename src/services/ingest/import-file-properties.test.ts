import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DomainError } from '../../core/errors.ts'
import { factKinds } from '../../core/ingest/fact-kinds.ts'
import type { Db } from '../../db/database.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { detectUpload } from './detect-upload.ts'
import { importFile } from './import-file.ts'
import { undoImport } from './undo-import.ts'

// Property tests of the import path (issue 12): random bytes, damaged workbooks and CSV-ish noise are either
// imported (exactly the rows reported, nothing else touched) or refused with a DomainError (a 4xx) and nothing
// written; random valid-but-odd workbooks for the traffic columns import exactly the generated values, or are
// refused naming a row and column that really is bad. Seeded: a failure prints the seed and path to replay
// (PROPERTY_SEED=… to override the fixed one).

const seed = Number(process.env.PROPERTY_SEED ?? 20261206)
const numRuns = Number(process.env.PROPERTY_RUNS ?? 30)
const scratch = mkdtempSync(path.join(tmpdir(), 'jixiao-properties-'))
let fileNo = 0
const write = (name: string, content: Uint8Array) => {
  const p = path.join(scratch, `${++fileNo}-${name}`)
  writeFileSync(p, content)
  return p
}
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const factTables = [...new Set(Object.values(factKinds).map((k) => k.table))]

/** A valid four-row traffic workbook, the seed that the damage properties corrupt. */
async function smallWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Sheet1')
  ws.addRow(['日期', '店铺', '访客数', '支付金额'])
  for (let d = 1; d <= 4; d++) ws.addRow([`2011-11-0${d}`, '旗舰店', d * 10, d * 1.5])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe.each(await testEngines())('import properties on %s', (engine) => {
  let handle: TestDatabase
  let db: Db
  let companyId = 0
  let workbook: Buffer

  /** Every fact table's rows (count and hash of all rows) and the completed imports. */
  const snapshot = async () => {
    const parts: string[] = []
    for (const t of factTables) {
      const [row] = (
        await sql<{ s: string }>`select concat_ws('/', count(*), coalesce(sum(hashtext(f::text)), 0)) as s
            from ${sql.table(t)} f`.execute(db)
      ).rows
      parts.push(`${t}=${row?.s}`)
    }
    const [imports] = (
      await sql<{ s: string }>`select count(*)::text as s from imports where status = 'completed'`.execute(db)
    ).rows
    return `${parts.join(' ')} imports=${imports?.s}`
  }

  /**
   * Runs the upload analysis and the import of `bytes`: either a DomainError and an unchanged database, or an
   * import whose live rows are exactly the rows it reports (then undone). Any other exception fails.
   */
  const importOrRefuse = async (bytes: Uint8Array, fileName: string, kind?: 'traffic') => {
    const filePath = write(fileName, bytes)
    try {
      await detectUpload({ db }, { companyId, filePath, fileName, options: { kind, withReplaces: false } })
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
    }
    const before = await snapshot()
    let result: Awaited<ReturnType<typeof importFile>>
    try {
      result = await importFile({ db, handle }, { companyId, filePath, fileName, kind })
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      expect(error.message.length).toBeGreaterThan(0)
      expect(await snapshot()).toBe(before)
      return
    }
    const table = factKinds[result.kind].table
    const live = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}
        where import_id = ${result.importId} and superseded_by is null`.execute(db)
    expect(Number(live.rows[0]?.n)).toBe(result.rows)
    if (result.status === 'imported') await undoImport({ db }, { companyId, importId: result.importId })
    expect(await snapshot()).toBe(before)
  }

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    db = handle.db
    companyId = (
      await db
        .insertInto('companies')
        .values({ name: 'properties' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    workbook = await smallWorkbook()
  })
  afterAll(async () => {
    await handle?.close()
  })

  const fileName = fc.constantFrom('data.csv', 'data.xlsx', 'data.txt')
  const kind = fc.constantFrom<'traffic' | undefined>('traffic', undefined)

  it('answers random bytes with an import or a DomainError, never another exception or a partial write', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fileName, kind, (bytes, name, k) =>
        importOrRefuse(bytes, name, k),
      ),
      { seed, numRuns },
    )
  })

  it('answers CSV-ish noise after a valid header the same way', async () => {
    const noise = fc
      .array(
        fc.constantFrom(
          ',',
          '"',
          '\n',
          '\r\n',
          '\r',
          '\0',
          '2011-11-01',
          '2011/11/2',
          '旗舰店',
          '合计',
          '=cmd|',
          '-1',
          '1e308',
          '12',
          '3.5',
          '\uFEFF',
          '\u200B',
          '🛍️',
          ' ',
          '\t',
        ),
        { maxLength: 200 },
      )
      .map((parts) => parts.join(''))
    await fc.assert(
      fc.asyncProperty(noise, kind, (text, k) =>
        importOrRefuse(Buffer.from(`日期,店铺,访客数,支付金额\n${text}`), 'noise.csv', k),
      ),
      { seed, numRuns },
    )
  })

  it('answers a damaged workbook (bytes overwritten, cut short, ZIP magic then noise) the same way', async () => {
    const damage = fc.oneof(
      fc
        .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 })
        .map((hits) => {
          const copy = Buffer.from(workbook)
          for (const [at, value] of hits) copy[at % copy.length] = value
          return copy
        }),
      fc.nat().map((n) => workbook.subarray(0, n % workbook.length)),
      fc.uint8Array({ maxLength: 2048 }).map((tail) => Buffer.concat([Buffer.from('PK\x03\x04'), tail])),
    )
    await fc.assert(
      fc.asyncProperty(damage, kind, (bytes, k) => importOrRefuse(bytes, 'damaged.xlsx', k)),
      { seed, numRuns },
    )
  })

  // ------------------------------------------------------------------ valid but odd workbooks
  type Expected = { date: string; shop: string | null; productId: string; uv: number; paid: number }
  type OddRow = { cells: ExcelJS.CellValue[]; expected: Expected; bad: number[] }

  // An error cell (#DIV/0!) in a mapped column is refused naming its row and column (issue 12.3).
  const uvShapes = ['number', 'text', 'thousands', 'rich', 'number', 'formula', 'boolean', 'error']

  const oddText = fc
    .array(
      fc.constantFrom(
        '旗',
        '舰',
        '店',
        '🛍️',
        '👩‍👩‍👧',
        'متجر',
        'חנות',
        '\u200B',
        '\u200F',
        '\u202E',
        'é',
        'e\u0301',
        'Ａ',
        'ß',
        '𠮷',
        ' ',
        '"',
        ',',
        "'",
        '\n',
      ),
      { minLength: 1, maxLength: 12 },
    )
    .map((parts) => `S${parts.join('')}`)

  /** One data row: each cell in one of the shapes ExcelJS can hand back; `bad` lists the columns that must be refused. */
  const oddRow = (index: number) =>
    fc
      .record({
        day: fc.integer({ min: 1, max: 28 }),
        dateShape: fc.constantFrom('date', 'iso', 'slashed', 'chinese', 'rich', 'hyperlink'),
        shop: oddText,
        shopShape: fc.constantFrom('text', 'rich', 'hyperlink'),
        idShape: fc.constantFrom('text', 'number'),
        uv: fc.integer({ min: 0, max: 10_000_000 }),
        uvShape: fc.constantFrom(...uvShapes),
        cents: fc.integer({ min: -100_000_000, max: 100_000_000 }),
        paidShape: fc.constantFrom('number', 'text'),
      })
      .map((r): OddRow => {
        const date = `2011-11-${String(r.day).padStart(2, '0')}`
        const dateCell: ExcelJS.CellValue = {
          date: new Date(`${date}T00:00:00Z`),
          iso: date,
          slashed: `2011/11/${r.day}`,
          chinese: `2011年11月${r.day}日`,
          rich: { richText: [{ text: date.slice(0, 5), font: { bold: true } }, { text: date.slice(5) }] },
          hyperlink: { text: date, hyperlink: 'https://example.com/' },
        }[r.dateShape] as ExcelJS.CellValue
        const shopCell: ExcelJS.CellValue =
          r.shopShape === 'rich'
            ? { richText: [{ text: r.shop.slice(0, 1) }, { text: r.shop.slice(1), font: { italic: true } }] }
            : r.shopShape === 'hyperlink'
              ? { text: r.shop, hyperlink: 'https://shop.example/' }
              : r.shop
        const productId = r.idShape === 'number' ? 1000 + index : `P${index}`
        const uvCell: ExcelJS.CellValue = {
          number: r.uv,
          text: String(r.uv),
          thousands: r.uv.toLocaleString('en-US'),
          rich: { richText: [{ text: String(r.uv) }] },
          formula: { formula: `${r.uv}+0`, result: r.uv },
          boolean: true,
          error: { error: '#DIV/0!' },
        }[r.uvShape] as ExcelJS.CellValue
        const paid = r.cents / 100
        const cleaned = r.shop.replace(/[\u00a0\u3000]/g, ' ').trim()
        return {
          cells: [dateCell, shopCell, productId, uvCell, r.paidShape === 'number' ? paid : paid.toFixed(2)],
          expected: {
            date,
            shop: cleaned === '' ? null : cleaned,
            productId: String(productId),
            uv: r.uv,
            paid,
          },
          bad: ['formula', 'boolean', 'error'].includes(r.uvShape) ? [4] : [],
        }
      })

  const oddWorkbook = fc.integer({ min: 1, max: 12 }).chain((n) =>
    fc.record({
      rows: fc.tuple(...Array.from({ length: n }, (_, i) => oddRow(i))),
      blankAfter: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      mergeNote: fc.boolean(),
    }),
  )

  it('imports a random valid-but-odd workbook exactly, or refuses it naming a bad row and column', async () => {
    const seen = { imported: 0, refused: 0 }
    await fc.assert(
      fc.asyncProperty(oddWorkbook, async ({ rows, blankAfter, mergeNote }) => {
        const wb = new ExcelJS.Workbook()
        const ws = wb.addWorksheet('Sheet1')
        ws.addRow(['日期', '店铺', '商品ID', '访客数', '支付金额', '备注', ''])
        let sheetRow = 1
        const badRows = new Set<number>()
        rows.forEach((r, i) => {
          sheetRow += 1
          ws.getRow(sheetRow).values = r.cells
          if (r.bad.length > 0) badRows.add(sheetRow)
          // a note merged over two columns the import does not read
          if (mergeNote) {
            ws.getCell(sheetRow, 6).value = '备注'
            ws.mergeCells(sheetRow, 6, sheetRow, 7)
          }
          if (blankAfter[i]) sheetRow += 1
        })
        const bytes = Buffer.from(await wb.xlsx.writeBuffer())
        const filePath = write('odd.xlsx', bytes)
        const before = await snapshot()
        let result: Awaited<ReturnType<typeof importFile>>
        try {
          result = await importFile(
            { db, handle },
            { companyId, filePath, fileName: 'odd.xlsx', kind: 'traffic' },
          )
        } catch (error) {
          if (!(error instanceof DomainError)) throw error
          expect(await snapshot()).toBe(before)
          // refused: only for a really bad cell, and the message names its row and column
          const row = Number(/row (\d+)/.exec(error.message)?.[1])
          expect(badRows, error.message).toContain(row)
          expect(error.message).toMatch(/column (D|访客数)/)
          seen.refused++
          return
        }
        expect(badRows.size, 'a workbook with a formula or boolean count was imported').toBe(0)
        expect(result.rows).toBe(rows.length)
        const stored = await sql<{
          date: string
          shop: string | null
          product_id: string
          uv: string
          paid_amount: string
        }>`select to_char(date, 'YYYY-MM-DD') as date, shop, product_id, uv::text as uv,
              paid_amount::text as paid_amount
            from fact_traffic where import_id = ${result.importId} and superseded_by is null`.execute(db)
        const actual = stored.rows
          .map((s) => ({
            date: s.date,
            shop: s.shop,
            productId: s.product_id,
            uv: Number(s.uv),
            paid: Number(s.paid_amount),
          }))
          .sort((a, b) => a.productId.localeCompare(b.productId))
        const expected = rows.map((r) => r.expected).sort((a, b) => a.productId.localeCompare(b.productId))
        expect(actual).toEqual(expected)
        seen.imported++
        await undoImport({ db }, { companyId, importId: result.importId })
        expect(await snapshot()).toBe(before)
      }),
      { seed, numRuns },
    )
    // both branches ran: the property is not vacuous
    expect(seen.imported).toBeGreaterThan(0)
    expect(seen.refused).toBeGreaterThan(0)
  })
})
