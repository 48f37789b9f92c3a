import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addPastCycles, type BenchCompany, generateBenchCompany } from '../../../bench/workflow-company.ts'
import { closeTestDatabase } from '../../api/testing/close-test-database.ts'
import { listSheetSummaries } from '../../db/sheet-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { asWorkflowDb } from '../../db/workflow-tables.ts'
import type { Actor } from '../auth/actor.ts'
import { openCycle } from '../cycles/open-cycle.ts'
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
    const opened = await openCycle(deps(), co.actor, {
      name: '2026-09',
      kind: 'monthly',
      periodStart: '2026-09-01',
      periodEnd: '2026-09-30',
      participants: { positionIds: [co.positionId] },
      settings: {},
    })
    await opened.completion
    cycleId = opened.cycle.id
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
    const all = await listSheetSummaries(asWorkflowDb(handle.db), co.companyId, {
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
