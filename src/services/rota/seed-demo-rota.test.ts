import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts'
import { loadDemoCompany } from '../demo/load-demo-company.ts'
import { checkCoverage } from './check-coverage.ts'
import { computeMonthlyAttendance } from './compute-monthly-attendance.ts'
import { getRota } from './get-rota.ts'
import { seedDemoClockRecords } from './seed-demo-clock-records.ts'
import { seedDemoRota } from './seed-demo-rota.ts'

describe('seedDemoRota as a demo extension', () => {
  let handle: TestDatabase
  beforeAll(async () => {
    handle = await createTestDatabase('pglite')
  })
  afterAll(() => handle.close())

  it('gives the demo company the seed rota, whose weekend mornings are uncovered', async () => {
    const { companyId } = await loadDemoCompany(handle.db, [seedDemoRota, seedDemoClockRecords])
    const week = await getRota({ db: handle.db }, companyId, '2026-11-23', '2026-11-29')
    // The seed's own words: 小冰 early Mon/Wed/Fri, late Tue/Thu/Sat; 小焦 late Mon/Wed/Fri/Sun, early Tue/Thu.
    expect(week.days.map((d) => `${d.date.slice(8)} ${d.shiftName} ${d.employeeName}`)).toEqual([
      '23 早班 小冰',
      '23 晚班 小焦',
      '24 早班 小焦',
      '24 晚班 小冰',
      '25 早班 小冰',
      '25 晚班 小焦',
      '26 早班 小焦',
      '26 晚班 小冰',
      '27 早班 小冰',
      '27 晚班 小焦',
      '28 晚班 小冰',
      '29 晚班 小焦',
    ])
    const report = await checkCoverage({ db: handle.db }, companyId, '2026-11-23', '2026-11-29')
    expect(report.gaps.map((g) => `${g.weekdayName} ${g.from}–${g.to}`)).toEqual([
      '星期六 09:30–16:30',
      '星期日 09:30–16:30',
    ])
    // The demo punches: November up to the 28th on time but for 小冰 late once, 小焦 early out once and absent once.
    const month = await computeMonthlyAttendance({ db: handle.db }, companyId, '2026-11', {
      until: new Date('2026-11-29T00:00:00+08:00'),
    })
    expect(
      month.summaries.map((s) => [
        month.employeeNames[s.employeeId],
        s.scheduledShifts,
        s.attendedShifts,
        s.lateCount,
        s.earlyLeaveCount,
        s.absenceCount,
      ]),
    ).toEqual([
      ['小冰', 24, 24, 1, 0, 0],
      ['小焦', 24, 23, 0, 1, 1],
    ])
  })

  it('names a missing demo employee', async () => {
    const company = await handle.db
      .insertInto('companies')
      .values({ name: '空' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await expect(seedDemoRota(handle.db, company.id, new Map())).rejects.toThrow('小冰')
  })
})
