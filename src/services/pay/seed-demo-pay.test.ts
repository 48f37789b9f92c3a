import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeTestDatabase } from '../../api/testing/close-test-database.ts'
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts'
import { computeConsequences } from '../consequences/list-consequences.ts'
import { demoExtensions } from '../demo/demo-extensions.ts'
import { loadDemoCompany } from '../demo/load-demo-company.ts'
import { readPaySheet } from './get-pay-sheet.ts'

// The demo's finished cycles are what the pay, results and dashboard pages show first: every sheet final and
// scored by the engine, every participant paid without problems, September approved, October ready to approve.

describe('demo pay and results', () => {
  let handle: TestDatabase
  let companyId = 0
  beforeAll(async () => {
    handle = await createTestDatabase('pglite')
    companyId = (await loadDemoCompany(handle.db, demoExtensions)).companyId
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('has two final monthly cycles with computable pay sheets, September approved with a correction line', async () => {
    const cycles = await handle.db
      .selectFrom('cycles' as never)
      .select(['id' as never, 'name' as never])
      .orderBy('period_start' as never)
      .execute()
    expect(cycles).toHaveLength(2)
    const [september, october] = (cycles as { id: number }[]).map((c) => c.id) as [number, number]
    const sep = await readPaySheet(handle.db, companyId, september)
    const oct = await readPaySheet(handle.db, companyId, october)
    expect(sep.status).toBe('approved')
    expect(oct.status).toBe('draft')
    expect(oct.notFinal).toEqual([])
    expect(oct.problemCount).toBe(0)
    expect(oct.employees.length).toBeGreaterThan(20)
    for (const e of oct.employees) expect(e.score).not.toBeNull()
    const bing = sep.employees.find((e) => e.employeeName === '小冰')!
    expect(bing.lines.at(-1)).toMatchObject({ kind: 'adjustment', amount: '20.00' })
    expect(bing.total).toBe(
      new Intl.NumberFormat('en', { minimumFractionDigits: 2, useGrouping: false }).format(
        Number(bing.computedTotal) + 20,
      ),
    )
  })

  it('lists 孙悦 for dismissal review after two months below 65', async () => {
    const lists = await computeConsequences(handle.db, companyId, 2026)
    expect(lists.dismissalReview.map((r) => [r.employeeName, r.periods.map((p) => p.period)])).toEqual([
      ['孙悦', ['2026-09', '2026-10']],
    ])
  })
})
