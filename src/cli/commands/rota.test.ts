import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Command } from 'commander'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DomainError } from '../../core/errors.ts'
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts'
import { drawWeeklySamples } from '../../services/rota/draw-weekly-samples.ts'
import {
  createRotaTestCompany,
  type RotaTestCompany,
} from '../../services/rota/testing/create-rota-test-company.ts'
import { registerRotaCommands } from './rota.ts'

describe('jixiao rota', () => {
  let handle: TestDatabase
  let co: RotaTestCompany
  let closed = 0
  beforeAll(async () => {
    handle = await createTestDatabase('pglite')
    co = await createRotaTestCompany(handle.db)
  })
  afterAll(() => handle.close())

  async function run(...args: string[]): Promise<string> {
    const out: string[] = []
    const program = new Command().exitOverride()
    registerRotaCommands(
      program,
      async () => ({ db: handle.db, companyId: co.companyId, close: async () => void closed++ }),
      (text) => out.push(text),
    )
    await program.parseAsync(['node', 'jixiao', 'rota', ...args])
    return out.join('\n')
  }

  it('prints the seed rota’s uncovered weekend mornings as a table', async () => {
    const text = await run('check', '--from', '2026-11-23', '--to', '2026-11-29')
    expect(text).toContain('uncovered intervals 未覆盖时段: 2')
    expect(text).toMatch(/2026-11-28\s+星期六\s+09:30–16:30\s+0\s+1/)
    expect(text).toMatch(/2026-11-29\s+星期日\s+09:30–16:30\s+0\s+1/)
    expect(closed).toBeGreaterThan(0)
  })

  it('prints limit violations with the agents’ names', async () => {
    const text = await run('check', '--from', '2026-11-23', '--to', '2026-11-29', '--max-weekly-hours', '40')
    expect(text).toMatch(/小冰\s+2026-11-23–2026-11-29\s+43\.5\s+40/)
    expect(text).toMatch(/小焦\s+2026-11-23–2026-11-29\s+44\s+40/)
  })

  it('prints JSON with --json', async () => {
    const report = JSON.parse(await run('check', '--from', '2026-11-28', '--to', '2026-11-28', '--json'))
    expect(report.gaps).toEqual([
      expect.objectContaining({ date: '2026-11-28', from: '09:30', to: '16:30', onDuty: 0, required: 1 }),
    ])
  })

  it('refuses a bad date, naming the flag’s field', async () => {
    const e = await run('check', '--from', '2026-02-30', '--to', '2026-03-01').catch((err: unknown) => err)
    expect(e).toBeInstanceOf(DomainError)
    expect((e as DomainError).issues.map((i) => i.path)).toEqual(['from'])
  })

  it('prints monthly attendance', async () => {
    const text = await run('attendance', '--month', '2026-11')
    // Nobody clocked in: every rostered shift is an absence.
    expect(text).toMatch(/小冰\s+25\s+0\s+0\.00%\s+0\s+0\s+25\s+0/)
  })

  it('verifies a recorded sample draw', async () => {
    const [draw] = await drawWeeklySamples({ db: handle.db }, co.companyId, {
      week: '2026-W48',
      sampleSize: 2,
      seed: 'cli',
      candidates: [{ employeeId: co.xiaoBing, itemIds: ['a', 'b', 'c', 'd'] }],
    })
    const text = await run('verify-draw', String(draw!.id))
    expect(text).toContain('reproducible: the seed gives exactly these items')
    expect(text).toContain(`drawn: ${draw!.drawnIds.join(', ')}`)
  })

  it('exports the month’s rota as a workbook with the grid and the gap sheet', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'jixiao-rota-')), 'rota.xlsx')
    const text = await run('export', '--month', '2026-11', '--out', out)
    expect(text).toBe(`wrote ${out}: 排班表 2026-11, 覆盖缺口 Gaps, 超限 Limits`)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(out)
    const grid = workbook.getWorksheet('排班表 2026-11')!
    // Row 2 is 小冰 (the first agent); 2026-11-07 (column 8) is a Saturday: 晚班; 11-08, a Sunday, is free.
    expect([grid.getCell('A2').value, grid.getCell('H2').value, grid.getCell('I2').value]).toEqual([
      '小冰',
      '晚班',
      null,
    ])
    const gaps = workbook.getWorksheet('覆盖缺口 Gaps')!
    // Every Saturday (4) and Sunday (5) morning of November 2026 is uncovered.
    expect(gaps.rowCount - 1).toBe(9)
  })

  it('refuses an export month that does not exist, naming it', async () => {
    const e = await run('export', '--month', '2026-13', '--out', join(tmpdir(), 'never.xlsx')).catch(
      (err: unknown) => err,
    )
    expect((e as DomainError).issues.map((i) => i.path)).toEqual(['month'])
  })

  it('publishes the month’s attendance as facts', async () => {
    const text = await run('publish-attendance', '--month', '2026-11')
    // 小冰 25 and 小焦 26 rostered days.
    expect(text).toMatch(/^import #\d+: 51 agent-days of 2026-11 stored, 0 earlier rows replaced$/)
  })
})
