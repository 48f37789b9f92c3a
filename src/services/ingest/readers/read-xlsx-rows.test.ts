import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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

  it('reads the first visible sheet when the first sheet is hidden or very hidden', async () => {
    for (const state of ['hidden', 'veryHidden'] as const) {
      const wb = new ExcelJS.Workbook()
      const old = wb.addWorksheet('旧数据', { state })
      old.addRow(['日期', '店铺'])
      old.addRow(['2011-10-01', '旧店'])
      const ws = wb.addWorksheet('Sheet1')
      ws.addRow(['日期', '店铺'])
      ws.addRow(['2011-11-01', '旗舰店'])
      expect(await rowsOf(write(Buffer.from(await wb.xlsx.writeBuffer()))), state).toEqual([
        ['日期', '店铺'],
        ['2011-11-01', '旗舰店'],
      ])
    }
  })

  it('reads the visible sheet of a workbook LibreOffice saved with its first sheet hidden', async () => {
    // The corpus file must really be hidden in LibreOffice's output, or this proves nothing (it once was not).
    const file = path.join(root, 'test-fixtures/hostile/xlsx/libreoffice/hidden-first-sheet.xlsx')
    const zip = await JSZip.loadAsync(readFileSync(file))
    expect(await zip.file('docProps/app.xml')?.async('string')).toContain('<Application>LibreOffice')
    expect(await zip.file('xl/workbook.xml')?.async('string')).toMatch(
      /<sheet name="旧数据"[^>]*state="hidden"[^>]*\/><sheet name="Sheet1"[^>]*state="visible"/,
    )
    expect(await rowsOf(file)).toEqual([
      ['日期', '店铺', '访客数', '支付金额'],
      ['2011-11-01', '旗舰店', '10', '100.5'],
      ['2011-11-02', '旗舰店', '12', '80'],
    ])
  })

  it('fills every cell a merged range covers with its top-left value (mergeCells come after the rows)', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('s')
    ws.addRow(['日期', '店铺', '访客数', '新客'])
    ws.addRow(['2011-11-01', '旗舰店', 10, 1])
    ws.addRow(['2011-11-02', null, 12, 1])
    ws.addRow(['2011-11-03', null, 7])
    ws.addRow(['2011-11-04', '专卖店', 5, 2])
    ws.mergeCells('B2:B4')
    ws.mergeCells('C5:D5')
    const rows = await rowsOf(write(Buffer.from(await wb.xlsx.writeBuffer())))
    expect(rows).toEqual([
      ['日期', '店铺', '访客数', '新客'],
      ['2011-11-01', '旗舰店', '10', '1'],
      ['2011-11-02', '旗舰店', '12', '1'],
      ['2011-11-03', '旗舰店', '7'],
      ['2011-11-04', '专卖店', '5', '5'],
    ])
  })

  it('reads merged ranges in a hand-assembled sheet whose part is split into many chunks', async () => {
    const filler = '<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>'
    const body = Array.from({ length: 3000 }, (_, i) =>
      filler.replaceAll('"2"', `"${i + 2}"`).replace('A2', `A${i + 2}`),
    ).join('')
    const merges = Array.from({ length: 3000 }, (_, i) => `<mergeCell ref="A${i + 2}:B${i + 2}"/>`).join('')
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}"><sheetData>${body}</sheetData><mergeCells count="3000">${merges}</mergeCells></worksheet>`
    const rows = await rowsOf(
      await zipOf(Object.keys(parts), { ...parts, 'xl/worksheets/sheet1.xml': sheet }),
    )
    expect(rows).toHaveLength(3001)
    expect(rows.slice(1).every((r) => r.length === 2 && r[0] === 'x' && r[1] === 'x')).toBe(true)
  })

  it('marks an error cell (#DIV/0!) in the row, so that the import refuses it only in a mapped column', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('s')
    ws.addRow(['日期', '访客数'])
    ws.addRow(['2011-11-01', { error: '#DIV/0!' }])
    const rows: { cells: string[]; errors?: Map<number, string> }[] = []
    for await (const row of readXlsxRows(write(Buffer.from(await wb.xlsx.writeBuffer())), 't.xlsx'))
      rows.push(row)
    expect(rows[1]?.cells).toEqual(['2011-11-01'])
    expect(rows[1]?.errors).toEqual(new Map([[1, '#DIV/0!']]))
    expect(rows[0]?.errors).toBeUndefined()
  })

  it.each([
    ['a shared string', 't="s"><v>4</v>'],
    ['an inline string', 't="inlineStr"><is><t>旗舰_x0000_店</t></is>'],
    ['a formula-free str cell', 't="str"><v>旗舰_x0001_店</v>'],
  ])('refuses a NUL or other control character in %s, naming row and column', async (_, cell) => {
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="B2" ${cell}</c></row></sheetData></worksheet>`
    const strings = parts['xl/sharedStrings.xml']?.replace('<si><t>日期</t></si>', '<si><t>日期</t></si>')
    const error = await rowsOf(
      await zipOf(Object.keys(parts), {
        ...parts,
        'xl/worksheets/sheet1.xml': sheet,
        'xl/sharedStrings.xml': (strings as string)
          .replace('uniqueCount="4">', 'uniqueCount="5">')
          .replace('</sst>', '<si><t>旗舰_x0000_店</t></si></sst>'),
      }),
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).message).toMatch(/第 2 行 B 列含有(空字符（NUL|控制字符)/)
    expect((error as DomainError).issues[0]?.path).toBe('row 2.B')
  })

  it('keeps tabs, line breaks and an escaped underscore (_x005F_) as text', async () => {
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">a	b
c_x005F_x0000_</t></is></c></row></sheetData></worksheet>`
    expect(
      await rowsOf(await zipOf(Object.keys(parts), { ...parts, 'xl/worksheets/sheet1.xml': sheet })),
    ).toEqual([['a\tb\nc_x0000_']])
  })

  it('refuses a row number past the row bound before filling the gap', async () => {
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}"><sheetData><row r="2000000000"><c r="A2000000000"><v>1</v></c></row></sheetData></worksheet>`
    const error = await rowsOf(
      await zipOf(Object.keys(parts), { ...parts, 'xl/worksheets/sheet1.xml': sheet }),
    ).catch((e: unknown) => e)
    expect((error as DomainError).message).toMatch(/第 2000000000 行超出了每个文件 1048576 行的上限/)
  })
})
