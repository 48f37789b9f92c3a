import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { customerServicePayScheme } from '../../core/pay/pay-scheme.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import type { Actor } from '../../services/auth/actor.ts'
import { approveBonusPool } from '../../services/bonuses/approve-bonus-pool.ts'
import { createBonusPool } from '../../services/bonuses/create-bonus-pool.ts'
import { type FinishedCycles, seedFinishedCycles } from '../../test-support/seed-finished-cycles.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import type { TestOrganisation } from '../testing/seed-test-organisation.ts'

// Export downloads through the API on both engines: streamed XLSX and CSV (BOM), scoped like the screens —
// finance sees final results only, a supervisor their reporting tree and no pay or bonus pools, employees
// nothing — and an employee named like a formula comes back as text.

const hostile = '=HYPERLINK("http://example.com","x")'

describe.each(await testEngines())('export routes on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let hr: ApiClient
  let finance: ApiClient
  let zhuguan: ApiClient
  let employee: ApiClient
  let cycleId = 0
  let finished: FinishedCycles
  const download = async (client: ApiClient, path: string) => {
    const res = await client.raw<string>(path, { method: 'GET' })
    return res
  }
  const bytesOf = async (client: ApiClient, path: string) => {
    const headers = new Headers({ cookie: client.cookie ?? '' })
    const res = await app.request(path, { headers })
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) }
  }
  let app: ReturnType<typeof createApp>

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    finished = await seedFinishedCycles(handle.db)
    org = finished.org
    await handle.db
      .updateTable('employees')
      .set({ name: hostile })
      .where('id', '=', org.employees.E004)
      .execute()
    const e = org.employees
    cycleId = await finished.add({
      name: '2026年10月',
      kind: 'monthly',
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
      sheets: (
        [
          [e.E003, 'final', 82, 1.2],
          [e.E004, 'final', 70, 1],
          [e.E005, 'computed', 77, 1],
        ] as const
      ).map(([employeeId, state, total, coefficient]) => ({
        employeeId,
        positionId: org.positions.service,
        state,
        total,
        grade: 'pass',
        coefficient,
      })),
    })
    await handle.db
      .insertInto('pay_assignments' as never)
      .values({
        company_id: org.companyId,
        position_id: org.positions.service,
        scheme: JSON.stringify(customerServicePayScheme()),
      } as never)
      .execute()
    app = createApp({ db: handle.db, engine, now: () => new Date('2026-11-05T02:00:00Z') })
    const client = () => createApiClient((p, i) => app.request(p, i))
    ;[hr, finance, zhuguan, employee] = [client(), client(), client(), client()]
    await hr.login('hr')
    await finance.login('finance')
    await zhuguan.login('zhuguan')
    await employee.login('xiaobing')
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('streams the results as XLSX: finance gets final sheets only, the formula name as text', async () => {
    const res = await bytesOf(finance, `/api/cycles/${cycleId}/exports/results?format=xlsx`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('考核结果'))
    // Downloads hold pay and scores: never cached by a browser or proxy.
    expect(res.headers.get('cache-control')).toBe('no-store')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(res.bytes as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    const names: unknown[] = []
    sheet.eachRow((row, n) => {
      if (n > 1) names.push(row.getCell(2).value)
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula))
    })
    expect(names).toEqual(['小冰', `'${hostile}`])
    expect(sheet.getCell('F2').value).toBe(82)
  })

  it('streams the pay sheet as CSV with BOM to finance; a supervisor gets results of the tree but no pay', async () => {
    const pay = await bytesOf(finance, `/api/cycles/${cycleId}/exports/pay?format=csv`)
    expect(pay.status).toBe(200)
    expect([...pay.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parse(pay.bytes.subarray(3).toString('utf8')) as string[][]
    const bing = rows.find((r) => r[1] === '小冰')
    // 500 × 1.2 = 600.00; no sales imported → 0; total 600.00; finance's grand total counts final rows only.
    expect(bing?.[rows[0]!.indexOf('应发合计')]).toBe('600.00')
    expect(rows.at(-1)?.[1]).toBe('合计')
    expect((await download(zhuguan, `/api/cycles/${cycleId}/exports/pay`)).status).toBe(403)
    const mine = await bytesOf(zhuguan, `/api/cycles/${cycleId}/exports/results?format=csv`)
    const names = (parse(mine.bytes.subarray(3).toString('utf8')) as string[][]).slice(1).map((r) => r[1])
    // 李主管's tree: 小冰 and the formula-named 小焦 (王运营 reports elsewhere).
    expect(names).toEqual(['小冰', `'${hostile}`])
    expect((await download(zhuguan, `/api/cycles/${cycleId}/exports/sheets`)).status).toBe(403)
    expect((await download(employee, `/api/cycles/${cycleId}/exports/results`)).status).toBe(403)
    const missing = await download(hr, '/api/cycles/999999/exports/results')
    expect(missing.status).toBe(404)
    expect((await download(hr, `/api/cycles/${cycleId}/exports/salaries`)).status).toBe(400)
  })

  it('writes the pay sheet XLSX one row per person with a grand total; column sums equal the grand total', async () => {
    // 小冰 gets a reward so a person has more than one line in a component (奖惩).
    const reward = await hr.post(`/api/cycles/${cycleId}/pay-items`, {
      employeeId: org.employees.E003,
      label: '全勤奖',
      amount: '100.55',
    })
    expect(reward.status).toBe(201)
    const res = await bytesOf(hr, `/api/cycles/${cycleId}/exports/pay?format=xlsx`)
    expect(res.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(res.bytes as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    const rows: unknown[][] = []
    sheet.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)))
    const header = rows[0] as string[]
    const people = rows.slice(1, -1)
    const grand = rows.at(-1)!
    // One row per person (小冰, 小焦 final; 王运营's draft shown to HR), then the grand total row.
    expect(people.map((r) => r[1])).toEqual(['小冰', `'${hostile}`, '王运营'])
    expect(String(grand[1])).toContain('合计')
    const totalColumn = header.indexOf('应发合计')
    expect(totalColumn).toBeGreaterThan(0)
    const fen = (v: unknown) => Math.round(Number(v ?? 0) * 100)
    // Every money column (each pay component and the total) sums to its grand total cell, and no column
    // holds a subtotal: the components of a row add up to its total.
    const money = header
      .map((h, i) => [h, i] as const)
      .filter(([, i]) => i >= header.indexOf('底薪 × 绩效系数') && i <= totalColumn)
    expect(money.map(([h]) => h)).toEqual([
      '底薪 × 绩效系数',
      '销售提成',
      '中评修改',
      '差评修改',
      '奖惩',
      '应发合计',
    ])
    for (const [, i] of money) expect(people.reduce((a, r) => a + fen(r[i]), 0)).toBe(fen(grand[i]))
    for (const r of people)
      expect(money.slice(0, -1).reduce((a, [, i]) => a + fen(r[i]), 0)).toBe(fen(r[totalColumn]))
    // 小冰: 500 × 1.2 + 100.55 reward = 700.55.
    expect(people[0]![totalColumn]).toBe(700.55)
    // The inputs sit before the pay components, named as people say them.
    expect(header).toEqual(expect.arrayContaining(['个人销售额', '中评修改个数', '差评修改个数']))
    // The rule texts are on a second sheet, one row per pay line, without amounts that could be summed twice.
    const rules = workbook.worksheets[1]!
    expect(rules.name).toBe('计算规则')
    const ruleRows: unknown[][] = []
    rules.eachRow((row) => ruleRows.push((row.values as unknown[]).slice(1)))
    expect(ruleRows[0]).toEqual(['工号', '姓名', '工资项', '计算规则'])
    expect(ruleRows.some((r) => r[1] === '小冰' && r[2] === '奖惩：全勤奖')).toBe(true)
  })

  it('prints the pay slips of a cycle as one PDF, a page per person; an employee gets only their own', async () => {
    const pages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0
    // HR: every person of the live sheet (小冰, 小焦, and 王运营's draft).
    const all = await bytesOf(hr, `/api/cycles/${cycleId}/pay-slips/pdf`)
    expect(all.status).toBe(200)
    expect(all.headers.get('content-type')).toBe('application/pdf')
    expect(all.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pages(all.bytes)).toBe(3)
    // Finance: the final ones only.
    expect(pages((await bytesOf(finance, `/api/cycles/${cycleId}/pay-slips/pdf`)).bytes)).toBe(2)
    // Before approval an employee has no slip; after it, their own one only.
    expect((await bytesOf(employee, `/api/cycles/${cycleId}/pay-slips/pdf`)).status).toBe(404)
    const e = org.employees
    const approvedId = await finished.add({
      name: '2026年11月',
      kind: 'monthly',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      sheets: [e.E003, e.E004].map((employeeId) => ({
        employeeId,
        positionId: org.positions.service,
        total: 80,
        grade: 'good',
        coefficient: 1.2,
      })),
    })
    // Every input entered, so nothing holds the approval.
    for (const employeeId of [e.E003, e.E004]) {
      const entered = await hr.raw(`/api/cycles/${approvedId}/pay-inputs`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': hr.csrfToken ?? '' },
        body: JSON.stringify({
          employeeId,
          values: { sales: '1000', neutral_reviews_revised: '0', negative_reviews_revised: '0' },
          reason: '月底核对',
        }),
      })
      expect(entered.status).toBe(200)
    }
    const approved = await finance.post<{ error?: { message: string } }>(
      `/api/cycles/${approvedId}/pay-sheet/approve`,
      {},
    )
    expect(approved.body.error?.message).toBeUndefined()
    expect(approved.status).toBe(200)
    const mine = await bytesOf(employee, `/api/cycles/${approvedId}/pay-slips/pdf`)
    expect(mine.status).toBe(200)
    expect(pages(mine.bytes)).toBe(1)
    expect(pages((await bytesOf(hr, `/api/cycles/${approvedId}/pay-slips/pdf`)).bytes)).toBe(2)
  })

  it('streams every bonus pool of a cycle, one row per line, cell for cell as XLSX and as CSV', async () => {
    const e = org.employees
    const quarterId = await finished.add({
      name: '2026 Q3',
      kind: 'quarterly',
      periodStart: '2026-07-01',
      periodEnd: '2026-09-30',
      sheets: (
        [
          [e.E003, 92.5, 'excellent', 1.5],
          [e.E004, 70, 'pass', 1],
          [e.E005, 55, 'fail', 0],
        ] as const
      ).map(([employeeId, total, grade, coefficient]) => ({
        employeeId,
        positionId: org.positions.service,
        total,
        grade,
        coefficient,
      })),
    })
    const deps = { db: handle.db, now: () => new Date('2026-10-20T02:00:00Z') }
    const as = (role: 'hr' | 'finance'): Actor => ({
      userId: org.users[role],
      companyId: org.companyId,
      role,
      employeeId: null,
    })
    const grades = await createBonusPool(deps, as('hr'), {
      name: '=2026 Q3 季度奖',
      kind: 'quarterly',
      cycleId: quarterId,
      amount: '10000',
      rule: { kind: 'grade_table', table: { excellent: '3', good: '2', pass: '1', fail: '0' } },
    })
    await approveBonusPool(deps, as('finance'), grades.id)
    const scores = await createBonusPool(deps, as('hr'), {
      name: '年度补发',
      kind: 'annual',
      cycleId: quarterId,
      amount: '1000.01',
      rule: { kind: 'score' },
    })

    const xlsx = await bytesOf(finance, `/api/cycles/${quarterId}/exports/bonuses?format=xlsx`)
    expect(xlsx.status).toBe(200)
    expect(xlsx.headers.get('content-disposition')).toContain(encodeURIComponent('奖金池'))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    const rows: unknown[][] = []
    sheet.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1))
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula))
    })
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
    const gradeNames: Record<string, string> = { excellent: '优秀', pass: '合格', fail: '不合格' }
    const expected = [
      ...grades.lines.map((l) => [`'=2026 Q3 季度奖`, '季度', '已审批', l]),
      ...scores.lines.map((l) => ['年度补发', '年度', '草稿', l]),
    ].map(([pool, kind, status, l]) => {
      const line = l as (typeof grades.lines)[number]
      return [
        pool,
        kind,
        status,
        line.employeeNo,
        line.employeeName === hostile ? `'${hostile}` : line.employeeName,
        // An empty cell reads back as undefined.
        line.departmentName ?? undefined,
        line.score,
        gradeNames[line.grade!],
        line.coefficient,
        Number(line.weight),
        Number(line.amount),
        line.explanation['zh-CN'],
      ]
    })
    expect(rows.slice(1)).toEqual(expected)
    // Excellent 3 : pass 1 : fail 0 of ¥10,000 → 7,500 / 2,500 / 0; the score pool sums to its odd fen.
    expect(rows.slice(1, 4).map((r) => r[10])).toEqual([7500, 2500, 0])
    expect(rows.slice(4).reduce((a, r) => a + Math.round((r[10] as number) * 100), 0)).toBe(100001)
    expect(sheet.getColumn(11).numFmt).toBe('#,##0.00')

    const csv = await bytesOf(hr, `/api/cycles/${quarterId}/exports/bonuses?format=csv`)
    expect(csv.status).toBe(200)
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const fields = parse(csv.bytes.subarray(3).toString('utf8')) as string[][]
    expect(fields.slice(1).map((r) => [r[0], r[2], r[4], r[10]])).toEqual(
      [
        ...grades.lines.map((l) => [grades, l] as const),
        ...scores.lines.map((l) => [scores, l] as const),
      ].map(([p, l]) => [
        p.name.startsWith('=') ? `'${p.name}` : p.name,
        p.id === grades.id ? '已审批' : '草稿',
        l.employeeName === hostile ? `'${hostile}` : l.employeeName,
        l.amount,
      ]),
    )

    expect((await download(zhuguan, `/api/cycles/${quarterId}/exports/bonuses`)).status).toBe(403)
    expect((await download(employee, `/api/cycles/${quarterId}/exports/bonuses`)).status).toBe(403)
    // A cycle without pools exports the header row only.
    const empty = await bytesOf(hr, `/api/cycles/${cycleId}/exports/bonuses?format=csv`)
    expect((parse(empty.bytes.subarray(3).toString('utf8')) as string[][]).length).toBe(1)
  })
})
