import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DomainError } from '../../core/errors.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { addRotaException } from './add-rota-exception.ts'
import { computeMonthlyAttendance } from './compute-monthly-attendance.ts'
import { recordClockEvents } from './record-clock-events.ts'
import { setAttendanceRules } from './set-attendance-rules.ts'
import { createRotaTestCompany, type RotaTestCompany } from './testing/create-rota-test-company.ts'

type Punch = { employeeId: number; at: string; kind: 'in' | 'out' }

/** 小冰's November 2026 punches in Shanghai time, with the month's irregularities marked. */
function xiaoBingNovember(employeeId: number): Punch[] {
  const punches: Punch[] = []
  for (let day = 1; day <= 30; day++) {
    const date = `2026-11-${String(day).padStart(2, '0')}`
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() // 0 = Sunday
    if (weekday === 0) continue // 小冰 rests on Sunday
    if (date === '2026-11-18' || date === '2026-11-11') continue // absent (旷工); on leave (请假)
    const early = weekday % 2 === 1 // Mon/Wed/Fri early, Tue/Thu/Sat late
    let clockIn = early ? '09:28' : '16:25'
    let clockOut = early ? '16:31' : '24:01'
    if (date === '2026-11-03') clockIn = '16:36' // 6 minutes late: late
    if (date === '2026-11-04') clockIn = '09:35' // 5 minutes late: within the grace
    if (date === '2026-11-06') clockOut = '16:20' // 10 minutes early: early leave
    const next = `2026-11-${String(day + 1).padStart(2, '0')}`
    const outAt =
      clockOut === '24:01'
        ? `${day === 30 ? '2026-12-01' : next}T00:01:00+08:00`
        : `${date}T${clockOut}:00+08:00`
    punches.push(
      { employeeId, kind: 'in', at: `${date}T${clockIn}:00+08:00` },
      { employeeId, kind: 'out', at: outAt },
    )
  }
  return punches
}

describe.each(await testEngines())('computeMonthlyAttendance on %s', (engine) => {
  let handle: TestDatabase
  let co: RotaTestCompany
  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    co = await createRotaTestCompany(handle.db)
  })
  afterAll(() => handle.close())

  it('stores punches once, however often they are sent', async () => {
    const punches = xiaoBingNovember(co.xiaoBing)
    // Saturday 31 October's late shift ends after midnight on 1 November: it belongs to October.
    punches.push({ employeeId: co.xiaoBing, kind: 'out', at: '2026-11-01T00:02:00+08:00' })
    const first = await recordClockEvents({ db: handle.db }, co.companyId, {
      source: 'test',
      events: punches,
    })
    expect(first).toEqual({ received: 47, stored: 47 })
    const again = await recordClockEvents({ db: handle.db }, co.companyId, { events: punches.slice(0, 4) })
    expect(again).toEqual({ received: 4, stored: 0 })
  })

  it('refuses punches of an employee from another company, naming the row', async () => {
    const e = await recordClockEvents({ db: handle.db }, co.companyId, {
      events: [{ employeeId: co.outsider, kind: 'in', at: '2026-11-02T09:30:00+08:00' }],
    }).catch((err: unknown) => err)
    expect(e).toBeInstanceOf(DomainError)
    expect((e as DomainError).issues.map((i) => i.path)).toEqual(['events.0.employeeId'])
  })

  it('gives 出勤率 and the counts for November, with 5 minutes late still on time', async () => {
    await addRotaException({ db: handle.db }, co.companyId, {
      date: '2026-11-11',
      employeeId: co.xiaoBing,
      kind: 'leave',
      coverEmployeeId: co.manager,
    })
    const result = await computeMonthlyAttendance({ db: handle.db }, co.companyId, '2026-11')
    const bing = result.summaries.find((s) => s.employeeId === co.xiaoBing)
    // 25 rostered shifts (Monday–Saturday), one on leave, one absent: 23 / 25 = 0.92.
    expect(bing).toEqual({
      employeeId: co.xiaoBing,
      scheduledShifts: 25,
      attendedShifts: 23,
      attendanceRate: 0.92,
      lateCount: 1,
      earlyLeaveCount: 1,
      absenceCount: 1,
      leaveDays: 1,
      missingPunchCount: 0,
    })
    const on4th = result.shifts.find((s) => s.employeeId === co.xiaoBing && s.date === '2026-11-04')
    expect([on4th?.isLate, on4th?.lateMinutes]).toEqual([false, 5])
    // 小焦 never clocked: all 26 shifts are absences; the 运营经理 covered one shift and did not clock either.
    expect(result.summaries.find((s) => s.employeeId === co.xiaoJiao)).toMatchObject({
      scheduledShifts: 26,
      attendanceRate: 0,
      absenceCount: 26,
    })
    expect(result.summaries.find((s) => s.employeeId === co.manager)).toMatchObject({
      scheduledShifts: 1,
      absenceCount: 1,
    })
    expect(result.unmatchedEvents).toEqual([])
    expect(result.metrics.filter((m) => m.employeeId === co.xiaoBing)).toEqual([
      { employeeId: co.xiaoBing, code: 'attendance_rate', value: 0.92 },
      { employeeId: co.xiaoBing, code: 'late_count', value: 1 },
      { employeeId: co.xiaoBing, code: 'early_leave_count', value: 1 },
      { employeeId: co.xiaoBing, code: 'absence_count', value: 1 },
      { employeeId: co.xiaoBing, code: 'leave_days', value: 1 },
    ])
  })

  // Issue 16: a month without imported clock data says so (无考勤数据); nobody is 旷工 and no rate is 0 %.
  it('without clock data for the month, judges nobody absent: the figures are missing, not 0', async () => {
    const result = await computeMonthlyAttendance({ db: handle.db }, co.companyId, '2026-10')
    expect(result.clockData).toBe(false)
    expect(result.summaries.length).toBeGreaterThan(0)
    const metrics = result.metrics.filter((m) => m.code !== 'leave_days')
    expect(metrics.length).toBeGreaterThan(0)
    expect(metrics.every((m) => m.value === null)).toBe(true)
    expect((await computeMonthlyAttendance({ db: handle.db }, co.companyId, '2026-11')).clockData).toBe(true)
  })

  it('uses the stored grace minutes and can be limited to some agents', async () => {
    await setAttendanceRules({ db: handle.db }, co.companyId, { lateGraceMinutes: 4 })
    const result = await computeMonthlyAttendance({ db: handle.db }, co.companyId, '2026-11', {
      employeeIds: [co.xiaoBing],
    })
    expect(result.summaries.map((s) => [s.employeeId, s.lateCount])).toEqual([[co.xiaoBing, 2]])
    await setAttendanceRules({ db: handle.db }, co.companyId, {})
  })

  it('leaves out shifts not yet over when asked for the month so far', async () => {
    // At 17:00 on Friday 2026-11-06 (Shanghai) 小冰's early shift that day is over (her 5th: Mon–Fri), 小焦's
    // late one is not (she has Sun–Thu: 5).
    const result = await computeMonthlyAttendance({ db: handle.db }, co.companyId, '2026-11', {
      until: new Date('2026-11-06T17:00:00+08:00'),
    })
    expect(result.shifts.filter((s) => s.date === '2026-11-06').map((s) => s.employeeId)).toEqual([
      co.xiaoBing,
    ])
    expect(result.summaries.map((s) => [s.employeeId, s.scheduledShifts])).toEqual([
      [co.xiaoBing, 5],
      [co.xiaoJiao, 5],
    ])
  })

  it('reads punches in the company zone (America/New_York)', async () => {
    const ny = await createRotaTestCompany(handle.db, { timeZone: 'America/New_York' })
    // Monday 2026-11-23 09:36 in New York is 14:36Z: six minutes late for the 09:30 early shift.
    await recordClockEvents({ db: handle.db }, ny.companyId, {
      events: [
        { employeeId: ny.xiaoBing, kind: 'in', at: '2026-11-23T14:36:00Z' },
        { employeeId: ny.xiaoBing, kind: 'out', at: '2026-11-23T21:30:00Z' },
      ],
    })
    const result = await computeMonthlyAttendance({ db: handle.db }, ny.companyId, '2026-11', {
      employeeIds: [ny.xiaoBing],
    })
    const shift = result.shifts.find((s) => s.date === '2026-11-23')!
    expect([result.timeZone, shift.status, shift.isLate, shift.lateMinutes, shift.isEarlyLeave]).toEqual([
      'America/New_York',
      'attended',
      true,
      6,
      false,
    ])
  })

  it('refuses a month that is not YYYY-MM', async () => {
    const e = await computeMonthlyAttendance({ db: handle.db }, co.companyId, '2026-13').catch(
      (err: unknown) => err,
    )
    expect((e as DomainError).issues.map((i) => i.path)).toEqual(['month'])
  })
})
