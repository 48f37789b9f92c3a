import type { Rota, RotaPatternEntry } from './rota.ts'

// The seed's rota (000_7e0bba9429147a53.txt): 早班 9:30–16:30, 晚班 16:30–24:00, service 9:30–24:00 every day.
export const xiaoBing = 1 // 小冰
export const xiaoJiao = 2 // 小焦
export const operationsManager = 3 // 运营经理
export const earlyShift = 1
export const lateShift = 2

const week = (employeeId: number, early: number[], late: number[]): RotaPatternEntry[] => [
  ...early.map((weekday) => ({ employeeId, weekday, shiftId: earlyShift })),
  ...late.map((weekday) => ({ employeeId, weekday, shiftId: lateShift })),
]

export function seedRota(): Rota {
  return {
    shifts: [
      { id: earlyShift, name: '早班', start: '09:30', end: '16:30', crossesMidnight: false },
      { id: lateShift, name: '晚班', start: '16:30', end: '24:00', crossesMidnight: false },
    ],
    serviceHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      start: '09:30',
      end: '24:00',
      crossesMidnight: false,
      requiredAgents: 1,
    })),
    // 小冰: early Mon/Wed/Fri, late Tue/Thu/Sat; 小焦: late Mon/Wed/Fri/Sun, early Tue/Thu.
    patterns: [...week(xiaoBing, [1, 3, 5], [2, 4, 6]), ...week(xiaoJiao, [2, 4], [1, 3, 5, 7])],
    exceptions: [],
  }
}

export const seedEmployees = new Set([xiaoBing, xiaoJiao, operationsManager])
