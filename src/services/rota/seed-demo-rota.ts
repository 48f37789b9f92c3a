import { DomainError } from '../../core/errors.ts'
import type { Db } from '../../db/database.ts'
import { createRotaRepository, defaultStoredAttendanceRules } from '../../db/rota-repository.ts'

// The seed's customer-service rota (000_7e0bba9429147a53.txt) for the demo company.

/** 早班 9:30–16:30 and 晚班 16:30–24:00, service 9:30–24:00 daily, the seed's weekly pattern of 小冰 and 小焦,
 * and attendance rules (5 minutes' grace, at most 44 hours a week and 6 days in a row). */
export async function seedDemoRota(
  db: Db,
  companyId: number,
  employeesByName: Map<string, number>,
): Promise<void> {
  const employee = (name: string) => {
    const id = employeesByName.get(name)
    if (id === undefined)
      throw new DomainError('not_found', `演示数据缺少员工「${name}」/ demo employee ${name} is missing`, [
        { path: 'employeesByName', message: name },
      ])
    return id
  }
  const xiaoBing = employee('小冰')
  const xiaoJiao = employee('小焦')
  const repo = createRotaRepository(db)
  const early = await repo.insertShift(companyId, {
    name: '早班',
    start: '09:30',
    end: '16:30',
    crossesMidnight: false,
  })
  const late = await repo.insertShift(companyId, {
    name: '晚班',
    start: '16:30',
    end: '24:00',
    crossesMidnight: false,
  })
  await repo.replaceServiceHours(
    companyId,
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      start: '09:30',
      end: '24:00',
      crossesMidnight: false,
      requiredAgents: 1,
    })),
  )
  const pattern = (employeeId: number, earlyDays: number[], lateDays: number[]) =>
    repo.replacePattern(companyId, employeeId, [
      ...earlyDays.map((weekday) => ({ employeeId, weekday, shiftId: early.id })),
      ...lateDays.map((weekday) => ({ employeeId, weekday, shiftId: late.id })),
    ])
  // 小冰 early Mon/Wed/Fri, late Tue/Thu/Sat; 小焦 late Mon/Wed/Fri/Sun, early Tue/Thu.
  await pattern(xiaoBing, [1, 3, 5], [2, 4, 6])
  await pattern(xiaoJiao, [2, 4], [1, 3, 5, 7])
  // 5 minutes' grace; 44 hours a week (劳动法 第三十六条) and a rest day every week (第三十八条) as limits.
  await repo.saveAttendanceRules(companyId, {
    ...defaultStoredAttendanceRules,
    maxWeeklyHours: 44,
    maxConsecutiveDays: 6,
  })
}
