import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BonusPool, PaySheet } from '../../contracts/pay.ts'
import { openDatabase } from '../../db/open-database.ts'
import {
  type BonusPoolRow,
  type CycleSheetRow,
  listBonusPoolRows,
  listCycleSheetRows,
} from '../../db/pay-repository.ts'
import { readPaySheet } from '../../services/pay/get-pay-sheet.ts'
import { createDataDir, runJixiao } from '../testing/run-jixiao.ts'

const hostile = '=HYPERLINK("http://example.com","x")'
const gradeNames: Record<string, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' }

// `jixiao export` on the demo company with one employee renamed to a spreadsheet formula: the files reopen
// cell for cell equal to what the services compute, numbers as numbers, and no cell is ever a formula.
// The demo's approved third-quarter bonus pool (over September, cycle 1) exports line for line.
describe('jixiao export', { timeout: 300_000 }, () => {
  let dataDir: string
  let results: CycleSheetRow[]
  let pay: PaySheet
  let pools: BonusPoolRow[]
  const jixiao = (args: string[]) => runJixiao(dataDir, args)
  beforeAll(async () => {
    dataDir = await createDataDir('export')
    expect((await jixiao(['demo', '--json'])).code).toBe(0)
    const handle = await openDatabase({ dataDir })
    await handle.db
      .updateTable('employees')
      .set({ name: hostile })
      .where('employee_no', '=', 'JX004')
      .execute()
    const company = await handle.db.selectFrom('companies').select('id').executeTakeFirstOrThrow()
    results = await listCycleSheetRows(handle.db, company.id, 2)
    pay = await readPaySheet(handle.db, company.id, 2)
    pools = await listBonusPoolRows(handle.db, company.id, { cycleId: 1 })
    await handle.close()
  })
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  const openXlsx = async (path: string) => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(path)
    const sheet = workbook.worksheets[0]!
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)))
    return sheet
  }
  const cells = (sheet: ExcelJS.Worksheet) => {
    const out: unknown[][] = []
    sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)))
    return out
  }
  const text = (s: string | null) => (s === null ? undefined : s.startsWith('=') ? `'${s}` : s)

  it('exports the results as XLSX equal to the results cell for cell, with the formula name as text', async () => {
    const out = join(dataDir, 'results.xlsx')
    const res = await jixiao(['export', 'results', '--cycle', '2', '--format', 'xlsx', '--out', out])
    expect(res.code).toBe(0)
    const sheet = await openXlsx(out)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.getColumn(6).numFmt).toBe('#,##0.00')
    const rows = cells(sheet)
    expect(rows[0]).toEqual(['工号', '姓名', '部门', '岗位', '状态', '得分', '等级', '绩效系数'])
    expect(rows.slice(1)).toEqual(
      results.map((r) => [
        r.employeeNo,
        text(r.employeeName),
        text(r.departmentName),
        text(r.positionName),
        '已定稿',
        r.total ?? undefined,
        r.grade ? gradeNames[r.grade] : undefined,
        r.coefficient ?? undefined,
      ]),
    )
    expect(rows.some((r) => r[1] === `'${hostile}`)).toBe(true)
  })

  it('exports the pay sheet as XLSX and CSV with one row per person and a grand total row', async () => {
    const xlsx = join(dataDir, 'pay.xlsx')
    const csv = join(dataDir, 'pay.csv')
    expect((await jixiao(['export', 'pay', '--cycle', '2', '--out', xlsx])).code).toBe(0)
    expect((await jixiao(['export', 'pay', '--cycle', '2', '--format', 'csv', '--out', csv])).code).toBe(0)
    const expected = pay.employees.map((e) => [e.employeeNo, text(e.employeeName), e.total])
    const all = cells(await openXlsx(xlsx))
    const total = (all[0] as string[]).indexOf('应发合计')
    const rows = all.slice(1)
    expect(rows.slice(0, -1).map((r) => [r[0], r[1], (r[total] as number).toFixed(2)])).toEqual(expected)
    // The grand total row closes the sheet: the sum of every person's total, to the fen.
    const fen = pay.employees.reduce((a, e) => a + Math.round(Number(e.total) * 100), 0)
    expect(Math.round((rows.at(-1)![total] as number) * 100)).toBe(fen)
    const bytes = await readFile(csv)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const parsed = parse(bytes.subarray(3).toString('utf8')) as string[][]
    expect(parsed.slice(1, -1).map((r) => [r[0], r[1], Number(r[total]).toFixed(2)])).toEqual(expected)
    expect(parsed.some((r) => r[1] === `'${hostile}`)).toBe(true)
  })

  it('exports sheets and consequence lists, and refuses an unknown table or format', async () => {
    const sheets = join(dataDir, 'sheets.csv')
    expect(
      (await jixiao(['export', 'sheets', '--cycle', '2', '--format', 'csv', '--out', sheets])).code,
    ).toBe(0)
    const sheetRows = parse((await readFile(sheets)).subarray(3).toString('utf8')) as string[][]
    expect(sheetRows).toHaveLength(results.length + 1)
    const lists = join(dataDir, 'consequences.xlsx')
    expect((await jixiao(['export', 'consequences', '--cycle', '2', '--out', lists])).code).toBe(0)
    const listRows = cells(await openXlsx(lists))
    expect(listRows.find((r) => r[0] === '辞退评审')?.[2]).toBe('孙悦')
    expect((await jixiao(['export', 'salaries', '--cycle', '2', '--out', lists])).code).toBe(2)
    expect((await jixiao(['export', 'pay', '--cycle', '2', '--format', 'pdf', '--out', lists])).code).toBe(2)
  })

  it('exports the bonus pools of a cycle as XLSX and CSV, one row per line, amounts as 0.00 numbers', async () => {
    expect(pools.map((p) => [p.name, p.status])).toEqual([['2026年三季度奖金', 'approved']])
    const lines = pools[0]!.lines as BonusPool['lines']
    const xlsx = join(dataDir, 'bonuses.xlsx')
    const csv = join(dataDir, 'bonuses.csv')
    const res = await jixiao(['export', 'bonuses', '--cycle', '1', '--out', xlsx])
    expect(res.code).toBe(0)
    expect(res.stdout).toContain(`${lines.length} 行`)
    expect((await jixiao(['export', 'bonuses', '--cycle', '1', '--format', 'csv', '--out', csv])).code).toBe(
      0,
    )
    const sheet = await openXlsx(xlsx)
    expect(sheet.getColumn(11).numFmt).toBe('#,##0.00')
    const rows = cells(sheet)
    expect(rows[0]).toEqual([
      '奖金池',
      '类型',
      '状态',
      '工号',
      '姓名',
      '部门',
      '得分',
      '等级',
      '绩效系数',
      '权重',
      '分得金额',
      '计算说明',
    ])
    expect(rows.slice(1)).toEqual(
      lines.map((l) => [
        '2026年三季度奖金',
        '季度',
        '已审批',
        l.employeeNo,
        text(l.employeeName),
        text(l.departmentName),
        l.score ?? undefined,
        l.grade ? gradeNames[l.grade] : undefined,
        l.coefficient ?? undefined,
        Number(l.weight),
        Number(l.amount),
        l.explanation['zh-CN'],
      ]),
    )
    // The lines sum exactly to the pool, in the file as in the database.
    const fen = rows.slice(1).reduce((a, r) => a + Math.round((r[10] as number) * 100), 0)
    expect(fen).toBe(Math.round(Number(pools[0]!.amount) * 100))
    const parsed = parse((await readFile(csv)).subarray(3).toString('utf8')) as string[][]
    expect(parsed.slice(1).map((r) => [r[3], r[10]])).toEqual(lines.map((l) => [l.employeeNo, l.amount]))
  })
})
