import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findBuiltinTemplate } from '../../core/library/builtin-templates.ts'
import { scoreSheet } from '../../core/scoring/score-sheet.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { undoImport } from '../ingest/undo-import.ts'
import { computeMetric } from '../metrics/compute-metric.ts'
import { createMetricLookup } from '../sheets/create-metric-lookup.ts'
import { addRotaException } from './add-rota-exception.ts'
import { computeMonthlyAttendance } from './compute-monthly-attendance.ts'
import { getRota } from './get-rota.ts'
import { publishMonthlyAttendance } from './publish-monthly-attendance.ts'
import { recordClockEvents } from './record-clock-events.ts'
import { createRotaTestCompany, type RotaTestCompany } from './testing/create-rota-test-company.ts'

// Rota-matched attendance reaches the metric catalogue and the templates: published as attendance facts, the
// month of 小冰 gives 出勤率, 迟到, 早退, 旷工 and 请假 as metrics, and T14's 考勤制度 indicator reads its actual.

const at = (date: string, hhmm: string) =>
  hhmm === '24:00' ? `${date}T23:59:00+08:00` : `${date}T${hhmm}:00+08:00`

describe.each(await testEngines())('publishing rota attendance on %s', (engine) => {
  let handle: TestDatabase
  let co: RotaTestCompany
  const metric = async (key: string) =>
    (
      await computeMetric(
        { db: handle.db },
        { companyId: co.companyId, metric: key, by: 'employee', period: '2026-11' },
      )
    ).values.find((v) => v.group === String(co.xiaoBing))?.value

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    co = await createRotaTestCompany(handle.db)
    // 小冰 works Mon–Sat (25 shifts in November 2026). She punches every shift on time except: 12 minutes late
    // on Mon 11-02, 30 minutes early out on Wed 11-04, no punch on Fri 11-06 (旷工), approved leave on Mon 11-09.
    await addRotaException({ db: handle.db }, co.companyId, {
      date: '2026-11-09',
      employeeId: co.xiaoBing,
      kind: 'leave',
    })
    const rota = await getRota({ db: handle.db }, co.companyId, '2026-11-01', '2026-11-30')
    const events = rota.days
      .filter((d) => d.employeeId === co.xiaoBing && d.date !== '2026-11-06')
      .flatMap((d) => [
        {
          employeeId: co.xiaoBing,
          at: at(d.date, d.date === '2026-11-02' ? '09:42' : d.start),
          kind: 'in' as const,
        },
        {
          employeeId: co.xiaoBing,
          at: at(d.date, d.date === '2026-11-04' ? '16:00' : d.end),
          kind: 'out' as const,
        },
      ])
    await recordClockEvents({ db: handle.db }, co.companyId, { events })
  })
  afterAll(() => handle.close())

  it('gives no attendance metric before publishing', async () => {
    expect(await metric('late_times')).toBeUndefined()
  })

  it('turns the month into attendance facts that the catalogue metrics read', async () => {
    const published = await publishMonthlyAttendance(
      { db: handle.db, actorUserId: null },
      co.companyId,
      '2026-11',
    )
    // One row per agent and rostered day: 小冰 25, 小焦 (Mon, Tue, Wed, Thu, Fri, Sun) 26.
    expect([published.rows, published.replacedRows]).toEqual([51, 0])
    expect(Number(await metric('late_times'))).toBe(1)
    expect(Number(await metric('early_leave_times'))).toBe(1)
    expect(Number(await metric('absent_days'))).toBe(1)
    expect(Number(await metric('leave_days'))).toBe(1)
    expect(Number(await metric('attendance_incidents'))).toBe(3)
    // 出勤率 by minutes: 25 shifts rostered, 23 worked (the absent Friday and the leave Monday, both 早班 of 420 min,
    // are not). Rostered minutes: 13 早班 × 420 + 12 晚班 × 450 = 10 860; worked 10 860 − 840 = 10 020.
    expect(Number(await metric('attendance_rate'))).toBeCloseTo(10_020 / 10_860, 4)
    const summary = (
      await computeMonthlyAttendance({ db: handle.db }, co.companyId, '2026-11')
    ).summaries.find((s) => s.employeeId === co.xiaoBing)!
    expect([summary.lateCount, summary.earlyLeaveCount, summary.absenceCount, summary.leaveDays]).toEqual([
      1, 1, 1, 1,
    ])
  })

  it('feeds T14’s 考勤制度 indicator its actual: 3 incidents × 2 points off 10', async () => {
    const template = findBuiltinTemplate('seed-002-t14-new-media-zhongyi')!
    const actuals = await createMetricLookup(handle.db, co.companyId, '2026-11').actualsFor(template, {
      employee_id: co.xiaoBing,
      department_id: null,
    })
    expect(actuals.attendance).toMatchObject({ metric: 'attendance_incidents', value: 3 })
    const sheet = scoreSheet(template, { indicators: { attendance: { actual: actuals.attendance!.value! } } })
    const indicator = sheet.dimensions.flatMap((d) => d.indicators).find((i) => i.key === 'attendance')!
    expect([indicator.actual, indicator.points]).toEqual([3, 4])
  })

  it('replaces the month when published again, and undoing that brings the earlier rows back', async () => {
    await recordClockEvents({ db: handle.db }, co.companyId, {
      events: [
        { employeeId: co.xiaoBing, at: '2026-11-06T09:30:00+08:00', kind: 'in' },
        { employeeId: co.xiaoBing, at: '2026-11-06T16:30:00+08:00', kind: 'out' },
      ],
    })
    const again = await publishMonthlyAttendance({ db: handle.db }, co.companyId, '2026-11')
    expect(again.replacedRows).toBe(51)
    expect(Number(await metric('absent_days'))).toBe(0)
    expect(Number(await metric('attendance_incidents'))).toBe(2)
    await undoImport({ db: handle.db }, { companyId: co.companyId, importId: again.importId })
    expect(Number(await metric('absent_days'))).toBe(1)
  })
})
