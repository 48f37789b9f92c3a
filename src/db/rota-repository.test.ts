import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRotaRepository, defaultStoredAttendanceRules } from './rota-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from './test-database.ts'

describe.each(await testEngines())('rota repository on %s', (engine) => {
  let handle: TestDatabase
  let companyId: number
  let otherId: number
  let agent: number
  let outsider: number
  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    const insertCompany = async (name: string) =>
      (await handle.db.insertInto('companies').values({ name }).returning('id').executeTakeFirstOrThrow()).id
    companyId = await insertCompany('甲')
    otherId = await insertCompany('乙')
    const insertEmployee = async (company: number, no: string) =>
      (
        await handle.db
          .insertInto('employees')
          .values({
            company_id: company,
            employee_no: no,
            name: no,
            hire_date: '2024-01-01',
            status: 'active',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    agent = await insertEmployee(companyId, 'A1')
    outsider = await insertEmployee(otherId, 'B1')
  })
  afterAll(() => handle.close())

  it('stores shifts that end at 24:00 or cross midnight, per company', async () => {
    const repo = createRotaRepository(handle.db)
    await repo.insertShift(companyId, { name: '晚班', start: '16:30', end: '24:00', crossesMidnight: false })
    await repo.insertShift(companyId, { name: '夜班', start: '22:00', end: '02:00', crossesMidnight: true })
    expect(
      (await repo.listShifts(companyId)).map((s) => [s.name, s.start, s.end, s.crossesMidnight]),
    ).toEqual([
      ['晚班', '16:30', '24:00', false],
      ['夜班', '22:00', '02:00', true],
    ])
    expect(await repo.listShifts(otherId)).toEqual([])
    expect(await repo.companyTimeZone(companyId)).toBe('Asia/Shanghai')
  })

  it('lets the database refuse a time that is not HH:MM', async () => {
    const repo = createRotaRepository(handle.db)
    await expect(
      repo.insertShift(companyId, { name: '坏班', start: '25:00', end: '26:00', crossesMidnight: false }),
    ).rejects.toThrow()
  })

  it('replaces service hours and patterns', async () => {
    const repo = createRotaRepository(handle.db)
    const [late] = await repo.listShifts(companyId)
    await repo.replaceServiceHours(companyId, [
      { weekday: 1, start: '09:30', end: '24:00', crossesMidnight: false, requiredAgents: 1 },
    ])
    await repo.replaceServiceHours(companyId, [
      { weekday: 2, start: '09:30', end: '24:00', crossesMidnight: false, requiredAgents: 2 },
    ])
    expect(await repo.listServiceHours(companyId)).toEqual([
      { weekday: 2, start: '09:30', end: '24:00', crossesMidnight: false, requiredAgents: 2 },
    ])
    await repo.replacePattern(companyId, agent, [
      { employeeId: agent, weekday: 1, shiftId: late!.id, validFrom: '2026-11-01' },
    ])
    expect(await repo.listPatterns(companyId)).toEqual([
      { employeeId: agent, weekday: 1, shiftId: late!.id, validFrom: '2026-11-01', validTo: null },
    ])
  })

  it('lists exceptions within a date range', async () => {
    const repo = createRotaRepository(handle.db)
    await repo.insertException(companyId, {
      date: '2026-11-23',
      employeeId: agent,
      kind: 'leave',
      shiftId: null,
      coverEmployeeId: null,
      note: '年假',
    })
    expect(
      (await repo.listExceptions(companyId, '2026-11-23', '2026-11-23')).map((e) => [e.kind, e.note]),
    ).toEqual([['leave', '年假']])
    expect(await repo.listExceptions(companyId, '2026-11-24', '2026-11-30')).toEqual([])
    const rota = await repo.loadRota(companyId, '2026-11-01', '2026-11-30')
    expect([
      rota.shifts.length,
      rota.serviceHours.length,
      rota.patterns.length,
      rota.exceptions.length,
    ]).toEqual([2, 1, 1, 1])
  })

  it('stores clock punches as exact instants and skips repeats', async () => {
    const repo = createRotaRepository(handle.db)
    const at = Date.parse('2026-11-23T01:35:00Z')
    const events = [
      { employeeId: agent, at, kind: 'in' as const },
      { employeeId: agent, at: at + 7 * 3_600_000, kind: 'out' as const },
    ]
    expect(await repo.insertClockEvents(companyId, events, 'test')).toBe(2)
    expect(await repo.insertClockEvents(companyId, events, 'test')).toBe(0)
    expect(await repo.listClockEvents(companyId, at, at + 7 * 3_600_000)).toEqual([events[0]])
    expect(await repo.listClockEvents(otherId, 0, at * 2)).toEqual([])
  })

  it('defaults the attendance rules and saves them', async () => {
    const repo = createRotaRepository(handle.db)
    expect(await repo.getAttendanceRules(companyId)).toEqual(defaultStoredAttendanceRules)
    const rules = {
      ...defaultStoredAttendanceRules,
      lateGraceMinutes: 3,
      maxWeeklyHours: 43.5,
      maxConsecutiveDays: 6,
    }
    await repo.saveAttendanceRules(companyId, rules)
    await repo.saveAttendanceRules(companyId, { ...rules, lateGraceMinutes: 4 })
    expect(await repo.getAttendanceRules(companyId)).toEqual({ ...rules, lateGraceMinutes: 4 })
    expect(await repo.getAttendanceRules(otherId)).toEqual(defaultStoredAttendanceRules)
  })

  it('round-trips sample draws and scores, and keeps one score per drawn item', async () => {
    const repo = createRotaRepository(handle.db)
    const draw = await repo.insertSampleDraw(companyId, {
      employeeId: agent,
      week: '2026-W48',
      seed: 's',
      algorithm: 'sha256-fisher-yates-v1',
      sampleSize: 2,
      candidateIds: ['a', 'b', 'c'],
      drawnIds: ['c', 'a'],
      drawnByUserId: null,
    })
    expect(await repo.findSampleDraw(companyId, draw.id)).toMatchObject({
      candidateIds: ['a', 'b', 'c'],
      drawnIds: ['c', 'a'],
    })
    expect(await repo.findSampleDraw(otherId, draw.id)).toBeUndefined()
    await expect(repo.insertSampleDraw(companyId, { ...draw, drawnByUserId: null })).rejects.toThrow()
    const criteria = [{ key: 'k', label: 'K', maxPoints: 10, points: 8 }]
    await repo.upsertSampleScore(companyId, {
      drawId: draw.id,
      itemId: 'c',
      criteria,
      score: 80,
      comment: null,
      scoredByUserId: null,
    })
    await repo.upsertSampleScore(companyId, {
      drawId: draw.id,
      itemId: 'c',
      criteria,
      score: 85.5,
      comment: '好',
      scoredByUserId: null,
    })
    expect(await repo.listSampleScores(companyId, agent, ['2026-W48'])).toEqual([
      expect.objectContaining({ itemId: 'c', score: 85.5, comment: '好', criteria, week: '2026-W48' }),
    ])
    expect(await repo.listSampleScores(companyId, agent, ['2026-W47'])).toEqual([])
  })

  it('knows which employees belong to the company', async () => {
    const repo = createRotaRepository(handle.db)
    expect([...(await repo.existingEmployeeIds(companyId, [agent, outsider, 99_999]))]).toEqual([agent])
    expect(Object.fromEntries(await repo.employeeNames(companyId, [agent, outsider]))).toEqual({
      [agent]: 'A1',
    })
  })
})
