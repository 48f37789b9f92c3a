import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ExportTable } from '../../core/exports/export-table.ts'
import { writeCsvExport, writeXlsxExport } from './write-table-export.ts'

const injected = '=HYPERLINK("http://example.com","x")'
const table = (): ExportTable => ({
  title: '工资表',
  columns: [
    { key: 'name', header: '姓名', type: 'text' },
    { key: 'no', header: '工号', type: 'text' },
    { key: 'pay', header: '应发工资', type: 'decimal2' },
    { key: 'rate', header: '完成率', type: 'percent' },
    { key: 'date', header: '入职日期', type: 'date' },
  ],
  rows: [
    { name: '小冰', no: '0042', pay: '1234.50', rate: 0.955, date: '2022-07-01' },
    { name: injected, no: '+86', pay: '0.10', rate: null, date: '2023-03-13' },
    { name: '@SUM(A1)', no: '-1', pay: '-12.34', rate: 1, date: null },
  ],
})

describe('table exports', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jixiao-export-'))
  })

  it('writes XLSX that reopens cell for cell, with numbers as numbers and no formula anywhere', async () => {
    const path = join(dir, 'pay.xlsx')
    expect((await writeXlsxExport(table(), path)).rows).toBe(3)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(path)
    const sheet = workbook.getWorksheet('工资表')!
    expect(sheet.getRow(1).values).toEqual([undefined, '姓名', '工号', '应发工资', '完成率', '入职日期'])
    expect(sheet.getCell('A2').value).toBe('小冰')
    expect(sheet.getCell('B2').value).toBe('0042')
    expect(sheet.getCell('C2').value).toBe(1234.5)
    expect(sheet.getCell('C2').numFmt).toBe('#,##0.00')
    expect(sheet.getCell('D2').value).toBe(0.955)
    expect((sheet.getCell('E2').value as Date).toISOString().slice(0, 10)).toBe('2022-07-01')
    // The injected cells come back as plain text, quoted; none is a formula.
    expect(sheet.getCell('A3').value).toBe(`'${injected}`)
    expect(sheet.getCell('B3').value).toBe("'+86")
    expect(sheet.getCell('A4').value).toBe("'@SUM(A1)")
    expect(sheet.getCell('C4').value).toBe(-12.34)
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)))
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
  })

  it('writes CSV in UTF-8 with BOM that reopens field for field, neutralising formulas in text', async () => {
    const path = join(dir, 'pay.csv')
    await writeCsvExport(table(), path)
    const bytes = await readFile(path)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parse(bytes.subarray(3).toString('utf8')) as string[][]
    expect(rows[0]).toEqual(['姓名', '工号', '应发工资', '完成率', '入职日期'])
    expect(rows[1]).toEqual(['小冰', '0042', '1234.50', '0.955', '2022-07-01'])
    expect(rows[2]).toEqual([`'${injected}`, "'+86", '0.10', '', '2023-03-13'])
    expect(rows[3]?.[0]).toBe("'@SUM(A1)")
  })
})
