import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTestDatabase,
  type EngineName,
  isPostgresReachable,
  type TestDatabase,
} from '../../db/test-database.ts'
import { verifyPassword } from '../auth/password.ts'
import { demoEmployees } from './demo-company-data.ts'
import { loadDemoCompany, removeDemoCompanies } from './load-demo-company.ts'
import { loadDemoIfEmpty } from './load-demo-if-empty.ts'

describe.each<EngineName>(['pglite', 'postgres'])('demo company on %s', (engine) => {
  let handle: TestDatabase | undefined
  beforeAll(async () => {
    if (engine === 'postgres' && !(await isPostgresReachable())) return
    handle = await createTestDatabase(engine)
  })
  afterAll(async () => {
    await handle?.close()
  })

  it('loads about 25 people with a reporting tree rooted at the general manager', async (ctx) => {
    if (!handle) return ctx.skip()
    const result = await loadDemoCompany(handle.db)
    const employees = await handle.db
      .selectFrom('employees')
      .select(['name', 'manager_id'])
      .where('company_id', '=', result.companyId)
      .execute()
    expect(employees).toHaveLength(demoEmployees.length)
    expect(employees.map((e) => e.name)).toEqual(expect.arrayContaining(['小冰', '小焦']))
    // Exactly one root (总经理); everyone else reaches it through their managers.
    expect(employees.filter((e) => e.manager_id === null)).toHaveLength(1)
    const user = await handle.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'xiaobing')
      .executeTakeFirstOrThrow()
    expect(await verifyPassword('jixiao123', user.password_hash)).toBe(true)
    expect(user.employee_id).toBe(result.employeeIds.get('小冰'))
  })

  it('never loads over existing data, and --reset recreates only the demo', async (ctx) => {
    if (!handle) return ctx.skip()
    await expect(loadDemoCompany(handle.db)).rejects.toThrow(/empty database/)
    expect(await loadDemoIfEmpty(handle.db)).toBeUndefined()
    expect(await removeDemoCompanies(handle.db)).toBe(1)
    const again = await loadDemoCompany(handle.db)
    expect(again.accounts.map((a) => a.username)).toContain('admin')
  })
})
