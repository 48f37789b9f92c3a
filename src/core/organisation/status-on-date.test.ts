import { describe, expect, it } from 'vitest'
import { type EmployeeStatus, statusOnDate } from './status-on-date.ts'

describe('statusOnDate', () => {
  // 办理离职 sets a leave date; the status follows the calendar, not a separate switch.
  it.each<[EmployeeStatus, string | null, EmployeeStatus]>([
    ['active', null, 'active'],
    ['on_leave', null, 'on_leave'],
    ['left', null, 'left'],
    ['active', '2026-12-06', 'left'],
    ['on_leave', '2026-11-30', 'left'],
    ['active', '2026-12-07', 'active'],
    ['on_leave', '2026-12-31', 'on_leave'],
    ['left', '2026-12-07', 'active'],
  ])('%s with leave date %s on 2026-12-06 is %s', (status, leaveDate, expected) => {
    expect(statusOnDate(status, leaveDate, '2026-12-06')).toBe(expected)
  })
})
