import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { afterAll, describe, expect, it } from 'vitest'
import { DomainError } from '../../../core/errors.ts'
import { readXlsxRows } from './read-xlsx-rows.ts'

// Issue 12.3: text cells must come out as text whatever wrote the workbook and in whatever order its ZIP holds
// the parts; a LibreOffice file stores the shared strings after the sheet, which ExcelJS's streaming reader lost.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..')
const scratch = mkdtempSync(path.join(tmpdir(), 'jixiao-xlsx-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
let fileNo = 0
const write = (content: Buffer) => {
  const p = path.join(scratch, `${++fileNo}.xlsx`)
  writeFileSync(p, content)
  return p
}

const rowsOf = async (filePath: string) => {
  const rows: string[][] = []
  for await (const row of readXlsxRows(filePath, 'test.xlsx')) rows.push(row.cells)
  return rows
}

const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const parts: Record<string, string> = {
  '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="流量" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><r><t>访客</t></r><r><t>数</t></r></is></c></row><row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" t="s"><v>3</v></c><c r="C3"><v>10</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#DIV/0!</v></c></row></sheetData></worksheet>`,
  'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${main}" count="4" uniqueCount="4"><si><t>日期</t></si><si><t>店铺</t></si><si><t>2011-11-01</t></si><si><r><t>旗舰</t></r><r><rPr><b/></rPr><t>店</t></r><rPh sb="0" eb="1"><t>qijian</t></rPh></si></sst>`,
}
const expected = [['日期', '店铺', '访客数'], [], ['2011-11-01', '旗舰店', '10', 'true']]

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items]
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [item, ...p]),
  )
}

const zipOf = async (order: string[], content = parts) => {
  const zip = new JSZip()
  for (const name of order) zip.file(name, content[name] as string)
  return write(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))
}

describe('readXlsxRows', () => {
  it('reads a hand-assembled workbook without styles in every order of its six parts (720 ZIPs)', async () => {
    const orders = permutations(Object.keys(parts))
    expect(orders).toHaveLength(720)
    for (const order of orders) {
      const rows = await rowsOf(await zipOf(order))
      expect(rows, order.join(' ')).toEqual(expected)
    }
  })

  it('reads a workbook whose parts use a namespace prefix (x:c) and whose relationships are absent', async () => {
    const prefixed = Object.fromEntries(
      Object.entries(parts).map(([name, xml]) => [
        name,
        name.endsWith('sheet1.xml')
          ? xml
              .replace(/<(\/?)(worksheet|sheetData|row|c|v|is|r|t)\b/g, '<$1x:$2')
              .replace(`xmlns="${main}"`, `xmlns:x="${main}"`)
          : xml,
      ]),
    )
    const order = [
      'xl/worksheets/sheet1.xml',
      'xl/workbook.xml',
      'xl/sharedStrings.xml',
      '[Content_Types].xml',
    ]
    expect(await rowsOf(await zipOf(order, prefixed))).toEqual(expected)
  })

  it('refuses a cell that refers to a shared string the workbook lacks, naming row and column', async () => {
    const order = Object.keys(parts).filter((n) => n !== 'xl/sharedStrings.xml')
    const error = await rowsOf(await zipOf(order)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).message).toMatch(/第 1 行 A 列引用了不存在的共享字符串 0/)
    expect((error as DomainError).issues[0]?.path).toBe('row 1.A')
  })

  it('reads every value type ExcelJS writes: shared and rich text, numbers, dates, booleans, hyperlinks, errors', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('s')
    ws.addRow(['日期', '店铺', '访客数', '新客', '链接', '错误'])
    const row = ws.addRow([
      new Date(Date.UTC(2011, 10, 1)),
      { richText: [{ text: '旗舰' }, { font: { bold: true }, text: '店' }] },
      10.5,
      true,
      { text: '专卖店', hyperlink: 'https://shop.example.com/' },
      { error: '#N/A' },
    ])
    row.getCell(1).numFmt = 'yyyy-mm-dd'
    ws.addRow([new Date(Date.UTC(2011, 10, 2, 8, 26)), '普通文本'])
    const rows = await rowsOf(write(Buffer.from(await wb.xlsx.writeBuffer())))
    expect(rows).toEqual([
      ['日期', '店铺', '访客数', '新客', '链接', '错误'],
      ['2011-11-01', '旗舰店', '10.5', 'true', '专卖店'],
      ['2011-11-02 08:26:00', '普通文本'],
    ])
  })

  it('refuses a formula cell, even one with a cached result, naming row and column', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('s')
    ws.addRow(['日期', '访客数'])
    ws.addRow(['2011-11-01', { formula: 'SUM(1,2)', result: 3 }])
    const error = await rowsOf(write(Buffer.from(await wb.xlsx.writeBuffer()))).catch((e: unknown) => e)
    expect((error as DomainError).message).toMatch(/row 2, column B: the cell is a formula \(=SUM\(1,2\)\)/)
  })

  it.each([
    [
      'libreoffice-traffic-from-csv.xlsx',
      [
        ['日期', '店铺', '访客数', '支付金额', '备注'],
        ['2011-11-01', '旗舰店', '10', '100.5', '普通文本'],
        ['2011-11-02', '旗舰店', '12', '80', '含,逗号'],
        ['2011-11-03', '专卖店', '7', '0.5'],
      ],
    ],
    [
      'libreoffice-traffic-rich-text-dates.xlsx',
      [
        ['日期', '店铺', '访客数', '支付金额'],
        ['2011-11-01', '旗舰店', '10', '100.5'],
        ['2011-11-02', '专卖店', '7', '0.5'],
      ],
    ],
  ])(
    'reads %s as LibreOffice wrote it (shared strings after the sheet, dates by format)',
    async (name, rows) => {
      expect(await rowsOf(path.join(root, 'test-fixtures/ingest/libreoffice', name))).toEqual(rows)
    },
  )

  it('refuses a row number past the row bound before filling the gap', async () => {
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}"><sheetData><row r="2000000000"><c r="A2000000000"><v>1</v></c></row></sheetData></worksheet>`
    const error = await rowsOf(
      await zipOf(Object.keys(parts), { ...parts, 'xl/worksheets/sheet1.xml': sheet }),
    ).catch((e: unknown) => e)
    expect((error as DomainError).message).toMatch(/第 2000000000 行超出了每个文件 1048576 行的上限/)
  })
})
