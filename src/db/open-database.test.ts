import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTestDatabase,
  type EngineName,
  isPostgresReachable,
  type TestDatabase,
} from './test-database.ts'

const engines: EngineName[] = ['pglite', 'postgres']

describe.each(engines)('data layer on %s', (engine) => {
  let handle: TestDatabase | undefined
  beforeAll(async () => {
    if (engine === 'postgres' && !(await isPostgresReachable())) return
    handle = await createTestDatabase(engine)
  })
  afterAll(async () => {
    await handle?.close()
  })

  it('runs the migrations and round-trips an organisation with dates as plain strings', async (ctx) => {
    if (!handle) return ctx.skip()
    const { db } = handle
    const company = await db
      .insertInto('companies')
      .values({ name: '测试公司' })
      .returningAll()
      .executeTakeFirstOrThrow()
    expect(company.time_zone).toBe('Asia/Shanghai')
    const dept = await db
      .insertInto('departments')
      .values({ company_id: company.id, name: '电商部', parent_id: null })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('employees')
      .values({
        company_id: company.id,
        employee_no: 'E001',
        name: '小冰',
        department_id: dept.id,
        position_id: null,
        manager_id: null,
        hire_date: '2024-02-29',
        leave_date: null,
        status: 'active',
      })
      .execute()
    const row = await db
      .selectFrom('employees')
      .selectAll()
      .where('company_id', '=', company.id)
      .executeTakeFirstOrThrow()
    expect(row.hire_date).toBe('2024-02-29')
    const count = await db
      .selectFrom('employees')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow()
    expect(count.n).toBe(1)
    const money = await sql<{ v: string }>`select 0.1::numeric + 0.2::numeric as v`.execute(db)
    expect(money.rows[0]?.v).toBe('0.3')
  })

  it('refuses a second employee with the same number in one company', async (ctx) => {
    if (!handle) return ctx.skip()
    const { db } = handle
    const company = await db
      .insertInto('companies')
      .values({ name: 'B' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const values = {
      company_id: company.id,
      employee_no: 'X1',
      name: '甲',
      department_id: null,
      position_id: null,
      manager_id: null,
      hire_date: '2025-01-01',
      leave_date: null,
      status: 'active' as const,
    }
    await db.insertInto('employees').values(values).execute()
    await expect(db.insertInto('employees').values(values).execute()).rejects.toThrow(/unique|duplicate/i)
  })
})
