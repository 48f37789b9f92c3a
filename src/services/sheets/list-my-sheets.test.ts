import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addPastCycles,
  type BenchCompany,
  generateBenchCompany,
  openBenchCycle,
} from '../../../bench/workflow-company.ts'
import { closeTestDatabase } from '../../api/testing/close-test-database.ts'
import { listSheetSummaries } from '../../db/sheet-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import type { Actor } from '../auth/actor.ts'
import { listMySheets } from './list-my-sheets.ts'

// "My appraisal" is read as one JSON value for speed; what reaches the browser must be the same text the
// row-by-row listing gives, sheet for sheet and in the same order.

describe.each(await testEngines())('listMySheets on %s', (engine) => {
  let handle: TestDatabase
  let co: BenchCompany
  let me: Actor
  const deps = () => ({ db: handle.db, now: () => new Date('2026-09-03T02:00:00Z') })

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    co = await generateBenchCompany(handle.db, { employees: 12, supervisors: 2, managers: 1 })
    await addPastCycles(handle.db, co, 3)
    await openBenchCycle(deps(), co)
    const user = await handle.db
      .selectFrom('users')
      .select(['id', 'employee_id'])
      .where('username', '=', co.users.employee)
      .executeTakeFirstOrThrow()
    me = { userId: user.id, companyId: co.companyId, role: 'employee', employeeId: user.employee_id }
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('lists my sheets newest period first, byte for byte as the row-by-row listing', async () => {
    const db = handle.db
    const listed = () => listSheetSummaries(db, co.companyId, { employeeId: me.employeeId! })
    const [open, closed, older] = await listed()
    await sql`update appraisal_sheets set updated_at = '2026-09-03 10:11:12.345678+08', total = 91.125,
      owner_confirmed_at = now(), reviewer_confirmed_at = now(), appeal_deadline = '2026-09-20'
      where id = ${open!.id}`.execute(db)
    await sql`update appraisal_sheets set department_id = null, reviewer_employee_id = null, total = null,
      grade = null where id = ${closed!.id}`.execute(db)
    await sql`update cycles set deadlines = '{"targets":"2026-03-05","supervisorReview":"2026-04-03"}'
      where id = ${older!.cycleId}`.execute(db)
    const expected = await listed()
    expect(expected.map((s) => s.periodStart)).toEqual([
      '2026-09-01',
      '2026-03-01',
      '2026-02-01',
      '2026-01-01',
    ])
    expect(expected[0]!.updatedAt.getUTCMilliseconds()).toBe(345)
    expect(expected[1]!.reviewerName).toBeNull()

    const mine = await listMySheets(deps(), me)
    expect(JSON.stringify(mine)).toBe(JSON.stringify(expected))
  })

  it('lists nothing for a user without an employee record', async () => {
    expect(await listMySheets(deps(), { ...me, employeeId: null })).toEqual([])
  })
})
