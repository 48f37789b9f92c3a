import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  insertCompany,
  insertEmployee,
  isEmployeeInScope,
  isSelfOrAncestor,
  listEmployees,
} from './organisation-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from './test-database.ts'

const employee = (no: string, managerId: number | null) => ({
  employeeNo: no,
  name: `员工${no}`,
  departmentId: null,
  positionId: null,
  managerId,
  hireDate: '2025-01-01',
  leaveDate: null,
  status: 'active' as const,
})

describe.each(await testEngines())('organisation repository on %s', (engine) => {
  let handle: TestDatabase
  beforeAll(async () => {
    handle = await createTestDatabase(engine)
  })
  afterAll(async () => {
    await handle?.close()
  })

  it('finds exactly the reporting tree for random org charts (recursive CTE vs. a walk in JS)', async () => {
    // Each employee i > 0 reports to some earlier employee or to nobody: every forest shape is reachable.
    const charts = fc.array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 14 })
    await fc.assert(
      fc.asyncProperty(charts, fc.nat(), async (parents, rootPick) => {
        const { db } = handle
        const companyId = await insertCompany(db, 'chart')
        const ids: number[] = []
        const managerIndex: (number | null)[] = []
        for (const [i, p] of parents.entries()) {
          const m = i === 0 || p === null ? null : p % i
          managerIndex.push(m)
          ids.push(await insertEmployee(db, companyId, employee(`N${i}`, m === null ? null : ids[m]!)))
        }
        const root = rootPick % ids.length
        const expected = new Set([root])
        for (let changed = true; changed; ) {
          changed = false
          managerIndex.forEach((m, i) => {
            if (m !== null && expected.has(m) && !expected.has(i)) {
              expected.add(i)
              changed = true
            }
          })
        }
        const { items, total } = await listEmployees(
          db,
          companyId,
          { page: 1, pageSize: 200 },
          { kind: 'tree', rootEmployeeId: ids[root]! },
        )
        expect(new Set(items.map((e) => e.id))).toEqual(new Set([...expected].map((i) => ids[i])))
        expect(total).toBe(expected.size)
      }),
      { numRuns: engine === 'pglite' ? 25 : 10 },
    )
  })

  it('terminates on a manager cycle already in the data (written around the API)', async () => {
    const { db } = handle
    const companyId = await insertCompany(db, 'cycle')
    const a = await insertEmployee(db, companyId, employee('A', null))
    const b = await insertEmployee(db, companyId, employee('B', a))
    const c = await insertEmployee(db, companyId, employee('C', b))
    await db.updateTable('employees').set({ manager_id: c }).where('id', '=', a).execute()
    expect(await isSelfOrAncestor(db, 'employees', companyId, a, c)).toBe(true)
    const tree = await listEmployees(
      db,
      companyId,
      { page: 1, pageSize: 50 },
      { kind: 'tree', rootEmployeeId: b },
    )
    expect(tree.items.map((e) => e.employeeNo).sort()).toEqual(['A', 'B', 'C'])
  })

  it('never crosses companies, even when asked about another company’s ids', async () => {
    const { db } = handle
    const one = await insertCompany(db, 'one')
    const two = await insertCompany(db, 'two')
    const boss = await insertEmployee(db, one, employee('BOSS', null))
    const other = await insertEmployee(db, two, employee('X', null))
    expect(await isEmployeeInScope(db, one, other, { kind: 'all' })).toBe(false)
    expect(await isEmployeeInScope(db, two, boss, { kind: 'tree', rootEmployeeId: boss })).toBe(false)
    expect(await isSelfOrAncestor(db, 'employees', two, boss, boss)).toBe(false)
    expect(await isEmployeeInScope(db, one, boss, { kind: 'none' })).toBe(false)
    expect(await isEmployeeInScope(db, one, boss, { kind: 'self', employeeId: boss })).toBe(true)
  })
})
