import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { deflateRawSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DomainError } from '../../core/errors.ts'
import { factKinds } from '../../core/ingest/fact-kinds.ts'
import type { Db } from '../../db/database.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { type ImportFileInput, importFile } from './import-file.ts'

// Hostile and broken files: each is refused with a message naming the problem (row, column, value
// or limit) and leaves every fact table exactly as it was. A failed import is only logged in
// `imports` with status 'failed'; files refused before reading (size, zip bomb) are not even logged.

const scratch = mkdtempSync(path.join(tmpdir(), 'jixiao-hostile-'))
let fileNo = 0
const write = (name: string, content: string | Buffer) => {
  const p = path.join(scratch, `${++fileNo}-${name}`)
  writeFileSync(p, content)
  return p
}

const uciHeader = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n'
const uciLine = (n: number, day = '2011-11-03') =>
  `${900000 + n},85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,${day} 08:26:00,2.55,17850.0,United Kingdom\n`
/** A valid UCI file of `rows` lines (big enough that the bad row is far past the sniffed head). */
const uciBody = (rows: number) => Array.from({ length: rows }, (_, i) => uciLine(i)).join('')

const tables = [...Object.values(factKinds).map((k) => k.table), 'fact_orders']

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof DomainError) return error
    throw error
  }
  throw new Error('expected the import to be refused')
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe.each(await testEngines())('hostile files on %s', (engine) => {
  let handle: TestDatabase
  let db: Db
  let companyId = 0

  /** Every fact table's rows (count, superseded, highest id, hash of the whole rows) and the completed imports. */
  const snapshot = async () => {
    const parts: string[] = []
    for (const table of tables) {
      const [row] = (
        await sql<{ s: string }>`select concat_ws('/', count(*), count(superseded_by), coalesce(max(id), 0),
                 coalesce(sum(hashtext(f::text)), 0)) as s from ${sql.table(table)} f`.execute(db)
      ).rows
      parts.push(`${table}=${row?.s}`)
    }
    const [imports] = (
      await sql<{ s: string }>`select concat_ws('/', count(*), coalesce(max(id), 0)) as s from imports
          where status = 'completed'`.execute(db)
    ).rows
    parts.push(`imports=${imports?.s}`)
    return parts.join(' ')
  }

  /** Runs the import, expects a refusal and an unchanged database; returns the error. */
  const refused = async (input: Omit<ImportFileInput, 'companyId'>) => {
    const before = await snapshot()
    const error = await rejection(importFile({ db, handle }, { companyId, ...input }))
    expect(error.code).toBe('invalid_input')
    expect(await snapshot()).toBe(before)
    return error
  }

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    db = handle.db
    companyId = (
      await db.insertInto('companies').values({ name: 'hostile' }).returning('id').executeTakeFirstOrThrow()
    ).id
    // Live rows of the same source and period, which a bad re-import must neither replace nor touch.
    const seeded = await importFile(
      { db, handle },
      { companyId, filePath: write('seed.csv', `${uciHeader}${uciBody(5)}`) },
    )
    expect(seeded.rows).toBe(5)
    await importFile(
      { db, handle },
      {
        companyId,
        filePath: write('seed-traffic.csv', '日期,店铺,访客数\n2011-11-01,A,10\n'),
        kind: 'traffic',
      },
    )
  })
  afterAll(async () => {
    await handle?.close()
  })

  describe('truncated files', () => {
    it('refuses a CSV cut in the middle of its last row', async () => {
      const error = await refused({
        filePath: write('cut.csv', `${uciHeader}${uciBody(3000)}900999,85123A,WHITE HANG`),
      })
      expect(error.message).toMatch(
        /row 3002: the row has fewer columns than the header \(is the file truncated\?\)/,
      )
      expect(error.issues[0]?.path).toBe('row 3002')
    })

    it('refuses a CSV cut inside a quoted field', async () => {
      const error = await refused({
        filePath: write('cut-quote.csv', `${uciHeader}${uciBody(10)}900999,85123A,"WHITE HANGING, HEART`),
      })
      expect(error.message).toMatch(/quoted field is never closed \(is the file truncated\?\)/)
    })

    it('refuses a truncated generic CSV (parsed path) naming the row', async () => {
      const error = await refused({
        filePath: write('cut-traffic.csv', '日期,店铺,访客数\n2011-11-02,A,10\n2011-11-03,A'),
        kind: 'traffic',
      })
      expect(error.message).toMatch(/row 3, column \(row\), value "2 columns": .*is the file truncated/)
    })

    it('refuses an XLSX whose ZIP directory is cut off', async () => {
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet('s')
      ws.addRow(['日期', '店铺', '访客数'])
      for (let i = 1; i <= 28; i++) ws.addRow([`2011-11-${String(i).padStart(2, '0')}`, 'A', i])
      const whole = Buffer.from(await wb.xlsx.writeBuffer())
      const error = await refused({
        filePath: write('cut.xlsx', whole.subarray(0, Math.floor(whole.length * 0.7))),
        kind: 'traffic',
      })
      expect(error.message).toMatch(/not a complete XLSX \(ZIP\) archive: it may be truncated/)
    })
  })

  describe('wrong encoding', () => {
    it('refuses GBK bytes far into a file that starts as UTF-8 (bulk COPY path), naming the row', async () => {
      const bad = Buffer.concat([
        Buffer.from(`${uciHeader}${uciBody(4000)}`),
        iconv.encode('900999,85123A,白色心形挂灯,6,2011-11-03 08:26:00,2.55,17850.0,United Kingdom\n', 'gbk'),
      ])
      const error = await refused({ filePath: write('gbk-late.csv', bad) })
      expect(error.message).toMatch(
        /row 4002: the bytes are not valid UTF-8; if the file is GBK, import it with encoding gbk/,
      )
    })

    it('refuses GBK bytes far into a UTF-8 generic CSV (parsed path), naming the offset', async () => {
      const head = `日期,店铺,访客数\n${Array.from({ length: 20000 }, (_, i) => `2011-11-01,店${i},1\n`).join('')}`
      const bad = Buffer.concat([Buffer.from(head), iconv.encode('2011-11-02,旗舰店,2\n', 'gbk')])
      const error = await refused({ filePath: write('gbk-late-traffic.csv', bad), kind: 'traffic' })
      expect(error.message).toMatch(/bytes near offset \d+ are not valid UTF-8; .*encoding gbk/)
    })

    it('refuses a GBK file forced to UTF-8', async () => {
      const error = await refused({
        filePath: write('gbk.csv', iconv.encode('日期,店铺,访客数\n2011-11-05,旗舰店,10\n', 'gbk')),
        encoding: 'utf-8',
        kind: 'traffic',
      })
      expect(error.message).toMatch(/not valid UTF-8/)
    })
  })

  describe('wrong column count', () => {
    it.each([
      ['more', `${uciLine(7).trimEnd()},extra\n`, /row 3002: the row has more columns than the header/],
      [
        'fewer',
        '900999,85123A,WHITE,6,2011-11-03 08:26:00\n',
        /row 3002: the row has fewer columns than the header/,
      ],
    ])('refuses a UCI row with %s columns than the header', async (_n, row, message) => {
      const error = await refused({
        filePath: write('width.csv', `${uciHeader}${uciBody(3000)}${row}${uciLine(9)}`),
      })
      expect(error.message).toMatch(message)
    })

    it('refuses a parsed-path row with too many cells', async () => {
      const error = await refused({
        filePath: write('width-traffic.csv', '日期,店铺,访客数\n2011-11-02,A,10\n2011-11-03,A,11,99\n'),
        kind: 'traffic',
      })
      expect(error.message).toMatch(
        /row 3, column \(row\), value "4 columns": the row has 4 columns, the header 3/,
      )
    })
  })

  describe('impossible dates', () => {
    it.each([
      [
        '2011-02-30 10:00:00',
        /row 3002, column InvoiceDate, value "2011-02-30 10:00:00": not a date and time/,
      ],
      [
        '2011-13-01 10:00:00',
        /row 3002, column InvoiceDate, value "2011-13-01 10:00:00": not a date and time/,
      ],
      [
        '2011-11-03 25:00:00',
        /row 3002, column InvoiceDate, value "2011-11-03 25:00:00": not a date and time/,
      ],
    ])('refuses %s', async (when, message) => {
      const row = `900999,85123A,WHITE,6,${when},2.55,17850.0,United Kingdom\n`
      const error = await refused({ filePath: write('date.csv', `${uciHeader}${uciBody(3000)}${row}`) })
      expect(error.message).toMatch(message)
    })

    it('refuses 2月30日 in a parsed file', async () => {
      const error = await refused({
        filePath: write('date-traffic.csv', '日期,店铺,访客数\n2011-11-02,A,10\n2011年2月30日,A,11\n'),
        kind: 'traffic',
      })
      expect(error.message).toMatch(/row 3, column 日期, value "2011年2月30日"/)
    })
  })

  describe('negative quantities', () => {
    it('refuses a negative quantity on an order that is not a cancellation, and counts every such row', async () => {
      const bad = (n: number) =>
        `${910000 + n},22752,BOXES,-2,2011-11-04 10:00:00,7.65,13047.0,United Kingdom\n`
      const error = await refused({
        filePath: write('negative.csv', `${uciHeader}${uciBody(3000)}${bad(1)}${bad(2)}${bad(3)}`),
      })
      expect(error.message).toMatch(
        /3 problems, nothing imported; first: row 3002, column Quantity, value "-2": negative quantity on an order that is not a cancellation/,
      )
      expect(error.details?.errorCount).toBe(3)
    })

    it('accepts the same negative quantity on a cancellation (C…) and a stock adjustment at price 0', async () => {
      const company = (
        await db.insertInto('companies').values({ name: 'ok' }).returning('id').executeTakeFirstOrThrow()
      ).id
      const content = `${uciHeader}C910001,22752,BOXES,-2,2011-11-04 10:00:00,7.65,13047.0,United Kingdom\n910002,22752,lost,-5,2011-11-04 10:00:00,0,,United Kingdom\n`
      const result = await importFile(
        { db, handle },
        { companyId: company, filePath: write('cancel.csv', content) },
      )
      expect(result.rows).toBe(2)
    })
  })

  describe('duplicate natural keys within a file', () => {
    it('refuses the same shop, date and product twice, naming both rows', async () => {
      const error = await refused({
        filePath: write(
          'dup-traffic.csv',
          '日期,店铺,商品ID,访客数\n2011-11-02,A,1,10\n2011-11-03,A,1,10\n2011/11/2,A,1,11\n',
        ),
        kind: 'traffic',
      })
      expect(error.message).toMatch(
        /row 2, column 店铺 \+ 日期 \+ 商品ID, value "A \/ 2011-11-02 \/ 1": duplicate key within the file \(rows 2, 4\)/,
      )
    })

    it('refuses a refund number that appears twice', async () => {
      const error = await refused({
        filePath: write(
          'dup-refunds.csv',
          'refund_no,order_no,applied_at,amount\nR1,O1,2011-11-02 10:00:00,5\nR2,O2,2011-11-02 11:00:00,6\nR1,O3,2011-11-03 10:00:00,7\n',
        ),
        kind: 'refunds',
      })
      expect(error.message).toMatch(/duplicate key within the file \(rows 2, 4\)/)
    })
  })

  describe('size limits', () => {
    it('refuses a 1 GB file (sparse, nothing written) by the default limit before reading a byte', async () => {
      const file = path.join(scratch, 'huge.csv')
      const fd = openSync(file, 'w')
      writeSync(fd, uciHeader)
      closeSync(fd)
      truncateSync(file, 1024 * 1024 * 1024)
      const error = await refused({ filePath: file })
      expect(error.message).toMatch(/the file is 1073741824 bytes, over the import limit of 209715200 bytes/)
    })

    it('applies a configured smaller limit', async () => {
      const error = await refused({
        filePath: write('small.csv', `${uciHeader}${uciBody(50)}`),
        limits: { maxBytes: 1000 },
      })
      expect(error.message).toMatch(/over the import limit of 1000 bytes; split it by period/)
    })
  })

  describe('XLSX zip bombs', () => {
    it('refuses an entry that expands past the ratio limit, from the ZIP directory', async () => {
      const error = await refused({
        filePath: write('bomb.xlsx', zipOf([['xl/worksheets/sheet1.xml', 20_000_000]])),
      })
      expect(error.message).toMatch(
        /entry xl\/worksheets\/sheet1\.xml expands \d+× \(limit 200×\): refused as a zip bomb/,
      )
    })

    it('refuses a workbook whose entries add up past the uncompressed limit', async () => {
      const error = await refused({
        filePath: write(
          'wide-bomb.xlsx',
          zipOf([
            ['xl/worksheets/sheet1.xml', 3_000_000],
            ['xl/worksheets/sheet2.xml', 3_000_000],
          ]),
        ),
        limits: { maxUncompressedBytes: 5_000_000, maxZipRatio: 10_000 },
      })
      expect(error.message).toMatch(
        /expands to more than 5000000 bytes \(a zip bomb\?\): refused before expanding/,
      )
    })

    it('refuses a bomb whose ZIP directory understates the sizes, while inflating, before parsing', async () => {
      const error = await refused({
        filePath: write(
          'lying-bomb.xlsx',
          zipOf([['xl/worksheets/sheet1.xml', 20_000_000]], { declare: 1000 }),
        ),
      })
      expect(error.message).toMatch(
        /entry xl\/worksheets\/sheet1\.xml expands past the \d+ bytes its ZIP directory declares/,
      )
    })
  })

  describe('formula cells', () => {
    it("refuses an XLSX formula cell (=cmd|' /C calc'!A0) naming row and column", async () => {
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet('s')
      ws.addRow(['日期', '店铺', '访客数'])
      ws.addRow(['2011-11-03', 'A', 5])
      ws.addRow(['2011-11-04', { formula: "cmd|' /C calc'!A0", result: 'A' }, 6])
      const file = path.join(scratch, 'formula.xlsx')
      await wb.xlsx.writeFile(file)
      const error = await refused({ filePath: file, kind: 'traffic' })
      expect(error.message).toMatch(/row 3, column B: the cell is a formula \(=cmd\|' \/C calc'!A0\)/)
    })

    it.each([
      [
        'bulk UCI',
        `${uciHeader}${uciBody(3000)}900999,85123A,=cmd|' /C calc'!A0,6,2011-11-03 08:26:00,2.55,17850.0,United Kingdom\n`,
        undefined,
        /row 3002, column Description, value "=cmd\|' \/C calc'!A0": looks like a spreadsheet formula/,
      ],
      [
        'parsed',
        "日期,店铺,访客数\n2011-11-02,@SUM(1+1)*cmd|' /C calc'!A0,10\n",
        'traffic' as const,
        /row 2, column 店铺, value "@SUM\(1\+1\)\*cmd\|' \/C calc'!A0": looks like a spreadsheet formula/,
      ],
    ])('refuses formula-looking text in a %s CSV', async (_n, content, kind, message) => {
      const error = await refused({ filePath: write('formula.csv', content), kind })
      expect(error.message).toMatch(message)
    })
  })
})

/** A ZIP with `[Content_Types].xml` and the given entries of `size` spaces; `declare` understates sizes in the directory. */
function zipOf(entries: [string, number][], options: { declare?: number } = {}): Buffer {
  const all = [
    ['[Content_Types].xml', Buffer.from('<Types/>')] as const,
    ...entries.map(([n, s]) => [n, Buffer.alloc(s, 0x20)] as const),
  ]
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const [entryName, data] of all) {
    const compressed = deflateRawSync(data)
    const declared = data.length > 100 && options.declare !== undefined ? options.declare : data.length
    const name = Buffer.from(entryName)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(compressed.length, 18)
    local.writeUInt32LE(declared, 22)
    local.writeUInt16LE(name.length, 26)
    const cd = Buffer.alloc(46)
    cd.writeUInt32LE(0x02014b50, 0)
    cd.writeUInt16LE(20, 4)
    cd.writeUInt16LE(20, 6)
    cd.writeUInt16LE(8, 10)
    cd.writeUInt32LE(compressed.length, 20)
    cd.writeUInt32LE(declared, 24)
    cd.writeUInt16LE(name.length, 28)
    cd.writeUInt32LE(offset, 42)
    locals.push(local, name, compressed)
    central.push(cd, name)
    offset += local.length + name.length + compressed.length
  }
  const cdBuf = Buffer.concat(central)
  const eocd = Buffer.alloc(22)
  eocd.writeUInt32LE(0x06054b50, 0)
  eocd.writeUInt16LE(all.length, 8)
  eocd.writeUInt16LE(all.length, 10)
  eocd.writeUInt32LE(cdBuf.length, 12)
  eocd.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cdBuf, eocd])
}
