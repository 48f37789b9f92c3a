import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Simulation } from '../../contracts/simulations.ts'
import { customerServicePayScheme } from '../../core/pay/pay-scheme.ts'
import { createDataDir, runJixiao } from '../testing/run-jixiao.ts'

// `jixiao simulate` as a user runs it: a real process on a PGlite folder holding the demo company, whose
// October cycle (2) is final. A raised base pay moves each customer-service agent's pay by 100 × their
// coefficient and no score; a broken file is a usage error naming the field.
describe('jixiao simulate', { timeout: 240_000 }, () => {
  let dataDir: string
  const jixiao = (args: string[]) => runJixiao(dataDir, args)
  beforeAll(async () => {
    dataDir = await createDataDir('simulate')
    expect((await jixiao(['demo', '--json'])).code).toBe(0)
    await writeFile(join(dataDir, 'scheme.json'), JSON.stringify(customerServicePayScheme({ base: '600' })))
    await writeFile(join(dataDir, 'bad-template.json'), JSON.stringify({ code: 'x', dimensions: 'none' }))
  })
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  it('prints the comparison as JSON and writes the XLSX', async () => {
    const xlsx = join(dataDir, 'simulation.xlsx')
    const res = await jixiao([
      'simulate',
      '--cycle',
      '2',
      '--pay-scheme',
      join(dataDir, 'scheme.json'),
      '--xlsx',
      xlsx,
      '--json',
    ])
    expect(res.code).toBe(0)
    const simulation = JSON.parse(res.stdout) as Simulation
    const bing = simulation.rows.find((r) => r.employeeName === '小冰')!
    expect(bing.delta.total).toBe('0.00')
    expect(bing.delta.pay).toBe('120.00')
    expect(bing.changes.map((c) => c.key)).toEqual(['base'])
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(xlsx)
    expect(workbook.worksheets[0]!.rowCount).toBe(simulation.rows.length + 1)
  })

  it('prints a table, and refuses a bad template or cycle', async () => {
    const res = await jixiao(['simulate', '--cycle', '2', '--pay-scheme', join(dataDir, 'scheme.json')])
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('小冰')
    expect(res.stdout).toContain('底薪 × 绩效系数 600.00 → 720.00')
    expect(res.stdout).toContain('全部 all')
    const bad = await jixiao(['simulate', '--cycle', '2', '--template', join(dataDir, 'bad-template.json')])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('template.dimensions')
    expect((await jixiao(['simulate', '--cycle', 'x', '--template', 'y.json'])).code).toBe(2)
    expect((await jixiao(['simulate', '--cycle', '2'])).code).toBe(2)
  })
})
