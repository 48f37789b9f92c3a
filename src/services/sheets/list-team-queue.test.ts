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
import { listTeamQueue } from './list-team-queue.ts'

// The team queue reads one page of the read-only and archived lists in one query; the pages must together
// hold exactly the sheets of the reporting tree that the unpaged listing finds, each once, with true totals.

describe.each(await testEngines())('listTeamQueue on %s', (engine) => {
  let handle: TestDatabase
  let co: BenchCompany
  let head: Actor
  let cycleId: number
  const deps = () => ({ db: handle.db, now: () => new Date('2026-09-03T02:00:00Z') })

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    // 1 head over 3 supervisors over 56 employees; two closed months (final sheets) and one open cycle.
    co = await generateBenchCompany(handle.db, { employees: 60, supervisors: 3, managers: 1 })
    await addPastCycles(handle.db, co, 2)
    cycleId = await openBenchCycle(deps(), co)
    const user = await handle.db
      .selectFrom('users')
      .select(['id', 'employee_id'])
      .where('username', '=', co.users.manager)
      .executeTakeFirstOrThrow()
    head = { userId: user.id, companyId: co.companyId, role: 'supervisor', employeeId: user.employee_id }
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('splits the tree into the sheets I review, read-only pages and archived pages with their totals', async () => {
    const all = await listSheetSummaries(handle.db, co.companyId, {
      teamOfEmployeeId: head.employeeId!,
    })
    const first = await listTeamQueue(deps(), head)
    // the head reviews the 3 supervisors' open sheets; the 56 employees' open sheets are read-only
    expect(first.toReview.map((s) => s.id).sort()).toEqual(
      all
        .filter((s) => s.reviewerEmployeeId === head.employeeId && s.state !== 'final')
        .map((s) => s.id)
        .sort(),
    )
    expect(first.toReview).toHaveLength(3)
    expect(first.toReview.every((s) => s.waitingOnMe)).toBe(true)
    expect(first.readOnlyTotal).toBe(56)
    expect(first.archivedTotal).toBe(2 * 59)
    expect(first.readOnly).toHaveLength(20)
    expect(first.archived).toHaveLength(20)
    expect(first.cycles.map((c) => c.name)).toEqual(['2026-09', '2026-02', '2026-01'])

    const pages = async (key: 'readOnly' | 'archived', total: number) => {
      const ids: number[] = []
      for (let offset = 0; offset < total + 20; offset += 20) {
        const page = await listTeamQueue(deps(), head, { [`${key}Offset`]: offset })
        expect(page[`${key}Total`]).toBe(total)
        ids.push(...page[key].map((s) => s.id))
      }
      return ids
    }
    const readOnly = await pages('readOnly', 56)
    const archived = await pages('archived', 118)
    expect(new Set(readOnly).size).toBe(56)
    expect(new Set(archived).size).toBe(118)
    // together with the sheets to review, exactly what the unpaged listing holds, in its order
    expect([...first.toReview.map((s) => s.id), ...readOnly, ...archived].sort()).toEqual(
      all.map((s) => s.id).sort(),
    )
    expect(archived).toEqual(all.filter((s) => s.state === 'final').map((s) => s.id))
  })

  it('returns each sheet exactly as the row-by-row listing does (byte for byte)', async () => {
    // Timestamps with microseconds, decimal totals, confirmations and missing names must survive the JSON
    // the queue is read as: the same text reaches the browser.
    const db = handle.db
    const list = () => listSheetSummaries(db, co.companyId, { teamOfEmployeeId: head.employeeId! })
    const pagesOf = (all: Awaited<ReturnType<typeof list>>) => {
      const open = all.filter((s) => s.state !== 'final')
      return {
        toReview: open.filter((s) => s.reviewerEmployeeId === head.employeeId),
        readOnly: open.filter((s) => s.reviewerEmployeeId !== head.employeeId).slice(20, 30),
        archived: all.filter((s) => s.state === 'final').slice(10, 20),
      }
    }
    const picked = pagesOf(await list())
    // (each change keeps the sheet in its section and page: the later tests count them)
    await sql`update appraisal_sheets set updated_at = '2026-09-03 10:11:12.345678+08', total = 87.255,
      owner_confirmed_at = now(), appeal_deadline = '2026-09-20' where id = ${picked.toReview[0]!.id}`.execute(
      db,
    )
    await sql`update appraisal_sheets set department_id = null, reviewer_confirmed_at = now()
      where id = ${picked.readOnly[0]!.id}`.execute(db)
    await sql`update appraisal_sheets set reviewer_employee_id = null, total = null, grade = null
      where id = ${picked.archived[0]!.id}`.execute(db)
    const expected = pagesOf(await list())
    expect(expected.toReview[0]!.updatedAt.getUTCMilliseconds()).toBe(345)
    expect(expected.readOnly[0]!.departmentName).toBeNull()
    expect(expected.archived[0]!.reviewerName).toBeNull()

    const queue = await listTeamQueue(deps(), head, { limit: 10, readOnlyOffset: 20, archivedOffset: 10 })
    expect(JSON.stringify(queue.toReview.map(({ waitingOnMe: _, ...s }) => s))).toBe(
      JSON.stringify(expected.toReview),
    )
    expect(JSON.stringify(queue.readOnly)).toBe(JSON.stringify(expected.readOnly))
    expect(JSON.stringify(queue.archived)).toBe(JSON.stringify(expected.archived))
  })

  it('still ends when the manager chain runs in a circle', async () => {
    // The head reports to one of their own supervisors: the tree is the same people, the query must stop.
    const before = await listTeamQueue(deps(), head)
    const supervisor = before.toReview[0]!.employeeId
    await handle.db
      .updateTable('employees')
      .set({ manager_id: supervisor })
      .where('id', '=', head.employeeId!)
      .execute()
    try {
      const circular = await listTeamQueue(deps(), head)
      expect(circular.readOnlyTotal).toBe(before.readOnlyTotal)
      expect(circular.archivedTotal).toBe(before.archivedTotal)
      expect(circular.toReview.map((s) => s.id)).toEqual(before.toReview.map((s) => s.id))
    } finally {
      await handle.db
        .updateTable('employees')
        .set({ manager_id: null })
        .where('id', '=', head.employeeId!)
        .execute()
    }
  })

  it('filters by cycle and keeps a page past the end empty but counted', async () => {
    const one = await listTeamQueue(deps(), head, { cycleId, readOnlyOffset: 40, limit: 10 })
    expect(one.archivedTotal).toBe(0)
    expect(one.readOnlyTotal).toBe(56)
    expect(one.readOnly).toHaveLength(10)
    expect(one.cycles.map((c) => c.id)).toEqual([cycleId])
    const past = await listTeamQueue(deps(), head, { cycleId, readOnlyOffset: 100 })
    expect(past.readOnly).toEqual([])
    expect(past.readOnlyTotal).toBe(56)
    expect(past.toReview).toHaveLength(3)
  })
})
