import Decimal from 'decimal.js'
import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BenchCompany, generateBenchCompany } from '../../../bench/workflow-company.ts'
import { closeTestDatabase } from '../../api/testing/close-test-database.ts'
import type { Simulation } from '../../contracts/simulations.ts'
import { customerServicePayScheme } from '../../core/pay/pay-scheme.ts'
import type { Template } from '../../core/templates/template.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { getFinishedSimulation, getSimulation } from './get-simulation.ts'
import { simulateCycle } from './simulate-cycle.ts'
import { finishedBenchCycle } from './testing/finished-bench-cycle.ts'
import { writeSimulationXlsx } from './write-simulation-xlsx.ts'

// What-if on a finished 2,000-person cycle: the unchanged template moves nobody, a weight moved from complaint
// handling to customer reviews moves exactly the people below target on complaints (odd sheet ids, see
// finished-bench-cycle.ts), a pay scheme change moves pay by its line, and nothing stored changes.

const people = 2000

describe.each(await testEngines())('simulateCycle on %s', (engine) => {
  let handle: TestDatabase
  let company: BenchCompany
  let cycleId: number
  let pinned: Template
  const deps = () => ({ db: handle.db, now: () => new Date('2026-10-09T02:00:00Z') })

  /** Row counts and a hash of every stored score and pay table row. */
  const storedState = async () => {
    const db = handle.db
    const tables = [
      'appraisal_sheets',
      'sheet_events',
      'pay_sheets',
      'pay_items',
      'pay_input_values',
      'pay_assignments',
    ]
    const out: Record<string, string> = {}
    for (const table of tables) {
      const row = await sql<{ n: number; h: string | null }>`select count(*)::int as n,
          md5(string_agg(t::text, '|' order by t::text)) as h from ${sql.table(table)} t`.execute(db)
      out[table] = `${row.rows[0]!.n}:${row.rows[0]!.h}`
    }
    return out
  }

  const run = async (request: Parameters<typeof simulateCycle>[3]): Promise<Simulation> => {
    const started = await simulateCycle(deps(), company.actor, cycleId, request)
    await started.completion
    return getFinishedSimulation(deps(), company.actor, cycleId, started.simulationId)
  }

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    company = await generateBenchCompany(handle.db, { employees: people, supervisors: 10, managers: 2 })
    await sql`update employees set name = '=HYPERLINK("http://x")' where employee_no = 'E1' and company_id = ${company.companyId}`.execute(
      handle.db,
    )
    cycleId = await finishedBenchCycle(deps(), company)
    const version = await sql<{ definition: Template }>`select tv.definition from template_versions tv
        where tv.id = (select template_version_id from appraisal_sheets where cycle_id = ${cycleId} limit 1)`.execute(
      handle.db,
    )
    pinned = version.rows[0]!.definition
  }, 120_000)
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('finds no difference for the unchanged template and stores nothing', async () => {
    const before = await storedState()
    const simulation = await run({ template: structuredClone(pinned) })
    expect(simulation.rows).toHaveLength(people)
    expect(simulation.rows.filter((r) => r.changed)).toEqual([])
    expect(simulation.all.changed).toBe(0)
    expect(simulation.all.delta.pay).toBe('0.00')
    expect(simulation.rows.every((r) => r.today.total !== null && r.today.pay !== null)).toBe(true)
    expect(simulation.departments.map((d) => d.departmentName).sort()).toEqual(['售后部', '客服部'])
    expect(await storedState()).toEqual(before)
  })

  it('moves exactly the people a changed weight reaches, naming the indicators', async () => {
    const draft = structuredClone(pinned)
    for (const indicator of draft.dimensions[0]!.indicators) {
      if (indicator.key === 'customer_reviews') indicator.maxPoints = 35
      if (indicator.key === 'complaint_handling_rate') indicator.maxPoints = 15
    }
    const before = await storedState()
    const simulation = await run({ template: draft })
    expect(await storedState()).toEqual(before)
    const moved = simulation.rows.filter((r) => r.changed)
    expect(moved.map((r) => r.sheetId)).toEqual(
      simulation.rows.filter((r) => r.sheetId % 2 === 1).map((r) => r.sheetId),
    )
    for (const row of moved) {
      // Customer reviews at target gain 10 points; complaints at half of target lose 5 of their 12.5.
      expect(row.delta.total).toBe('5.00')
      expect(row.changes.slice(0, 2).map((c) => [c.key, c.before, c.after])).toEqual([
        ['customer_reviews', '25', '35'],
        ['complaint_handling_rate', '12.5', '7.5'],
      ])
    }
    const changedTotal = simulation.departments.reduce((n, d) => n + d.changed, 0)
    expect(changedTotal).toBe(moved.length)
    const payDelta = simulation.rows.reduce((s, r) => s.plus(r.delta.pay ?? 0), new Decimal(0))
    expect(simulation.all.delta.pay).toBe(payDelta.toFixed(2))
  })

  it('tries a pay scheme change on the people it applies to', async () => {
    const simulation = await run({ payScheme: customerServicePayScheme({ base: '600' }) })
    for (const row of simulation.rows) {
      expect(row.delta.total).toBe('0.00')
      // 底薪 × 绩效系数: 100 more base pays 100 × the coefficient more.
      expect(row.delta.pay).toBe(new Decimal(100).times(row.today.coefficient!).toFixed(2))
      expect(row.changes.map((c) => c.key)).toEqual(['base'])
    }
    expect(simulation.subject.payScheme?.code).toBe('seed-000-customer-service-pay')
  })

  it('refuses an invalid draft naming its field, and employees', async () => {
    const draft = structuredClone(pinned) as unknown as { dimensions: { maxPoints: unknown }[] }
    draft.dimensions[0]!.maxPoints = 'many'
    await expect(simulateCycle(deps(), company.actor, cycleId, { template: draft })).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [
        expect.objectContaining({ path: expect.stringMatching(/^template\.dimensions\.0\.maxPoints/) }),
      ],
    })
    const employee = { ...company.actor, role: 'employee' as const }
    await expect(simulateCycle(deps(), employee, cycleId, { template: pinned })).rejects.toMatchObject({
      code: 'forbidden',
    })
    await expect(getSimulation(deps(), company.actor, cycleId + 1000, 1)).rejects.toMatchObject({
      code: 'not_found',
    })
  })

  it('exports the comparison as XLSX with text that cannot run as a formula', async () => {
    const draft = structuredClone(pinned)
    draft.dimensions[0]!.indicators.find((i) => i.key === 'customer_reviews')!.maxPoints = 35
    draft.dimensions[0]!.indicators.find((i) => i.key === 'complaint_handling_rate')!.maxPoints = 15
    const simulation = await run({ template: draft })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await writeSimulationXlsx(simulation, 'zh-CN')) as unknown as ExcelJS.Buffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.rowCount).toBe(people + 1)
    const names = sheet.getColumn(2).values.slice(2) as unknown[]
    expect(names).toContain('\'=HYPERLINK("http://x")')
    const totals = workbook.worksheets[1]!
    const last = totals.getRow(totals.rowCount).values as unknown[]
    expect(last[1]).toBe('全部')
    expect(last[2]).toBe(people)
  })
})
