import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DomainError } from '../../core/errors.ts'
import { createRotaRepository } from '../../db/rota-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { addRotaException } from './add-rota-exception.ts'
import { checkCoverage } from './check-coverage.ts'
import { createShift } from './create-shift.ts'
import { setAttendanceRules } from './set-attendance-rules.ts'
import { setRotaPattern } from './set-rota-pattern.ts'
import { setServiceHours } from './set-service-hours.ts'
import { createRotaTestCompany, type RotaTestCompany } from './testing/create-rota-test-company.ts'

const mon = '2026-11-23'
const sun = '2026-11-29'

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(DomainError)
  return e as DomainError
}

describe.each(await testEngines())('rota services on %s', (engine) => {
  let handle: TestDatabase
  let co: RotaTestCompany
  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    co = await createRotaTestCompany(handle.db)
  })
  afterAll(() => handle.close())

  it('seeds the demo rota and finds exactly its uncovered Saturday and Sunday early shifts', async () => {
    const report = await checkCoverage({ db: handle.db }, co.companyId, mon, sun)
    expect(report.timeZone).toBe('Asia/Shanghai')
    expect(report.gaps.map((g) => [g.date, g.weekdayName, g.from, g.to, g.onDuty, g.required])).toEqual([
      ['2026-11-28', '星期六', '09:30', '16:30', 0, 1],
      ['2026-11-29', '星期日', '09:30', '16:30', 0, 1],
    ])
    // The demo limits (44 h a week, 6 days in a row) are met: 小冰 works 43.5 h, 小焦 44 h, both 6 days running.
    expect([report.weeklyHoursViolations, report.consecutiveDaysViolations]).toEqual([[], []])
  })

  it('applies the stored limits', async () => {
    await setAttendanceRules({ db: handle.db }, co.companyId, { maxWeeklyHours: 40, maxConsecutiveDays: 5 })
    const report = await checkCoverage({ db: handle.db }, co.companyId, mon, sun)
    expect(report.weeklyHoursViolations.map((v) => [v.employeeId, v.hours])).toEqual([
      [co.xiaoBing, 43.5],
      [co.xiaoJiao, 44],
    ])
    expect(report.consecutiveDaysViolations.map((v) => [v.employeeId, v.from, v.days])).toEqual([
      [co.xiaoJiao, '2026-11-22', 6],
      [co.xiaoBing, '2026-11-23', 6],
      [co.xiaoJiao, '2026-11-29', 6],
    ])
    await setAttendanceRules({ db: handle.db }, co.companyId, {})
  })

  it('refuses a range that ends before it starts, naming the field', async () => {
    const e = await refusal(checkCoverage({ db: handle.db }, co.companyId, sun, mon))
    expect(e.issues.map((i) => i.path)).toEqual(['to'])
  })

  it('closes the Monday hole of a leave when the 运营经理 covers it', async () => {
    const leaveDay = '2026-11-30' // a Monday
    await addRotaException({ db: handle.db }, co.companyId, {
      date: leaveDay,
      employeeId: co.xiaoBing,
      kind: 'leave',
      shiftId: null,
      note: '病假',
    })
    const open = await checkCoverage({ db: handle.db }, co.companyId, leaveDay, leaveDay)
    expect(open.gaps.map((g) => [g.from, g.to])).toEqual([['09:30', '16:30']])

    const [early] = await createRotaRepository(handle.db).listShifts(co.companyId)
    const nextMonday = '2026-12-07'
    await addRotaException({ db: handle.db }, co.companyId, {
      date: nextMonday,
      employeeId: co.xiaoBing,
      kind: 'leave',
      shiftId: early!.id,
      coverEmployeeId: co.manager,
    })
    expect((await checkCoverage({ db: handle.db }, co.companyId, nextMonday, nextMonday)).gaps).toEqual([])
  })

  it('refuses leave for a shift the agent is not rostered on', async () => {
    const e = await refusal(
      addRotaException({ db: handle.db }, co.companyId, {
        date: '2026-11-29',
        employeeId: co.xiaoBing,
        kind: 'leave',
      }),
    )
    expect(e.issues[0]?.path).toBe('date')
  })

  it('refuses a cover by someone from another company', async () => {
    const e = await refusal(
      addRotaException({ db: handle.db }, co.companyId, {
        date: '2026-11-24',
        employeeId: co.xiaoBing,
        kind: 'leave',
        coverEmployeeId: co.outsider,
      }),
    )
    expect(e.issues.map((i) => i.path)).toEqual(['coverEmployeeId'])
  })

  it('refuses a cover that double-books the cover person', async () => {
    // The 运营经理 works 09:00–18:00 on Wednesdays; covering 小冰's early shift on Wednesday 2026-11-25 overlaps it.
    const early = (await createRotaRepository(handle.db).listShifts(co.companyId)).find(
      (s) => s.name === '早班',
    )!
    const office = await createShift({ db: handle.db }, co.companyId, {
      name: '全天班',
      start: '09:00',
      end: '18:00',
    })
    await setRotaPattern({ db: handle.db }, co.companyId, {
      employeeId: co.manager,
      entries: [{ weekday: 3, shiftId: office.id }],
    })
    const e = await refusal(
      addRotaException({ db: handle.db }, co.companyId, {
        date: '2026-11-25',
        employeeId: co.xiaoBing,
        kind: 'cover',
        shiftId: early.id,
        coverEmployeeId: co.manager,
      }),
    )
    expect(e.code).toBe('invalid_input')
    expect(e.message).toContain('overlap')
    expect(
      await createRotaRepository(handle.db).listExceptions(co.companyId, '2026-11-25', '2026-11-25'),
    ).toEqual([])
    await setRotaPattern({ db: handle.db }, co.companyId, { employeeId: co.manager, entries: [] })
  })

  it('refuses a shift whose end is before its start unless it crosses midnight', async () => {
    const e = await refusal(
      createShift({ db: handle.db }, co.companyId, { name: '夜班', start: '22:00', end: '02:00' }),
    )
    expect(e.issues[0]).toMatchObject({
      path: 'end',
      message: expect.stringContaining('crossesMidnight: true'),
    })
    const night = await createShift({ db: handle.db }, co.companyId, {
      name: '夜班',
      start: '22:00',
      end: '02:00',
      crossesMidnight: true,
    })
    expect(night).toMatchObject({ name: '夜班', crossesMidnight: true })
    const dup = await refusal(
      createShift({ db: handle.db }, co.companyId, { name: '夜班', start: '21:00', end: '23:00' }),
    )
    expect(dup.code).toBe('conflict')
  })

  it('refuses a pattern for an agent outside the company and overlapping shifts on one day', async () => {
    const shifts = await createRotaRepository(handle.db).listShifts(co.companyId)
    const early = shifts.find((s) => s.name === '早班')!
    const unknown = await refusal(
      setRotaPattern({ db: handle.db }, co.companyId, {
        employeeId: co.outsider,
        entries: [{ weekday: 1, shiftId: early.id }],
      }),
    )
    expect(unknown.issues.map((i) => i.path)).toEqual(['employeeId'])
    const middle = await createShift({ db: handle.db }, co.companyId, {
      name: '中班',
      start: '12:00',
      end: '18:00',
    })
    const overlap = await refusal(
      setRotaPattern({ db: handle.db }, co.companyId, {
        employeeId: co.manager,
        entries: [
          { weekday: 6, shiftId: early.id },
          { weekday: 6, shiftId: middle.id },
        ],
      }),
    )
    expect(overlap.issues.map((i) => i.path)).toEqual(['entries.1'])
    expect(overlap.issues[0]?.message).toContain('overlapping shift assignments')
  })

  it('lets the 运营经理 take the weekend early shifts and then reports no gaps', async () => {
    const early = (await createRotaRepository(handle.db).listShifts(co.companyId)).find(
      (s) => s.name === '早班',
    )!
    await setRotaPattern({ db: handle.db }, co.companyId, {
      employeeId: co.manager,
      entries: [
        { weekday: 6, shiftId: early.id },
        { weekday: 7, shiftId: early.id },
      ],
    })
    expect((await checkCoverage({ db: handle.db }, co.companyId, mon, sun)).gaps).toEqual([])
    await setRotaPattern({ db: handle.db }, co.companyId, { employeeId: co.manager, entries: [] })
  })

  it('refuses overlapping service hours', async () => {
    const e = await refusal(
      setServiceHours({ db: handle.db }, co.companyId, {
        windows: [
          { weekday: 1, start: '09:00', end: '12:00' },
          { weekday: 1, start: '11:00', end: '13:00' },
        ],
      }),
    )
    expect(e.issues.map((i) => i.path)).toEqual(['serviceHours.1'])
  })

  it('checks in the company zone: the same rota in America/New_York has the same wall-clock gaps', async () => {
    const ny = await createRotaTestCompany(handle.db, { timeZone: 'America/New_York' })
    const report = await checkCoverage({ db: handle.db }, ny.companyId, mon, sun)
    expect(report.timeZone).toBe('America/New_York')
    expect(report.gaps.map((g) => [g.date, g.from, g.to])).toEqual([
      ['2026-11-28', '09:30', '16:30'],
      ['2026-11-29', '09:30', '16:30'],
    ])
  })

  it('keeps companies apart: the other company has no rota and so no gaps', async () => {
    const report = await checkCoverage({ db: handle.db }, co.otherCompanyId, mon, sun)
    expect(report.gaps).toEqual([])
  })
})
