import { describe, expect, it } from 'vitest'
import {
  parseRosterDate,
  planRosterChanges,
  type RosterOrganisation,
  type RosterPlanOptions,
  type RosterRow,
} from './plan-roster-changes.ts'

// The roster plan keyed by 工号: what is created, changed (old → new) or refused, on a two-person shop.
const org: RosterOrganisation = {
  people: [
    {
      id: 1,
      employeeNo: 'E001',
      name: '张店长',
      department: '电商部',
      position: '店长',
      managerNo: null,
      hireDate: '2024-03-01',
      leaveDate: null,
      status: 'active',
      phone: null,
      email: null,
    },
    {
      id: 2,
      employeeNo: 'E002',
      name: '李主管',
      department: '客服部',
      position: null,
      managerNo: 'E001',
      hireDate: '2024-03-01',
      leaveDate: null,
      status: 'on_leave',
      phone: null,
      email: null,
    },
  ],
  departments: [
    { name: '电商部', retired: false },
    { name: '客服部', retired: false },
    { name: '旧部门', retired: true },
  ],
  positions: [{ name: '店长', retired: false }],
}
const options: RosterPlanOptions = { createMissing: false, missingPeople: 'leave_alone', today: '2026-12-07' }
const row = (r: Partial<RosterRow> & { row: number; employeeNo: string }): RosterRow => ({
  name: '新人',
  hireDate: '2025-01-01',
  ...r,
})

describe('planRosterChanges', () => {
  it.each([
    ['a blank 工号', [row({ row: 2, employeeNo: ' ' })], 'missing_employee_no', 'employeeNo'],
    ['a missing name', [row({ row: 2, employeeNo: 'N1', name: '' })], 'missing_name', 'name'],
    ['a bad date', [row({ row: 2, employeeNo: 'N1', hireDate: '2025-13-01' })], 'bad_date', 'hireDate'],
    [
      'leave before hire',
      [row({ row: 2, employeeNo: 'N1', leaveDate: '2024-12-31' })],
      'leave_before_hire',
      'leaveDate',
    ],
    [
      'a retired department',
      [row({ row: 2, employeeNo: 'N1', department: '旧部门' })],
      'retired_department',
      'department',
    ],
    [
      'an unknown position',
      [row({ row: 2, employeeNo: 'N1', position: '无此岗' })],
      'unknown_position',
      'position',
    ],
    ['self as manager', [row({ row: 2, employeeNo: 'N1', managerNo: 'N1' })], 'self_manager', 'managerNo'],
    ['a bad phone', [row({ row: 2, employeeNo: 'N1', phone: '138abc' })], 'bad_phone', 'phone'],
    ['a bad e-mail', [row({ row: 2, employeeNo: 'N1', email: 'a@b' })], 'bad_email', 'email'],
  ] as const)('refuses %s naming row and column', (_, rows, code, field) => {
    const plan = planRosterChanges(org, rows, options)
    expect(plan.errors[0]).toMatchObject({ row: 2, code, field })
    expect(plan.rows[0]?.action).toBe('error')
  })

  it('finds a loop through a stored manager: E001 under a new N1 who reports to E002', () => {
    const plan = planRosterChanges(
      org,
      [row({ row: 2, employeeNo: 'N1', managerNo: 'E002' }), { row: 3, employeeNo: 'E001', managerNo: 'N1' }],
      options,
    )
    expect(plan.errors.map((e) => e.code)).toEqual(['manager_loop', 'manager_loop'])
    expect(plan.errors[0]?.message).toContain('→')
  })

  it('lists changes old → new, keeps absent columns, and keeps 休假 when no leave date is given', () => {
    const plan = planRosterChanges(org, [{ row: 2, employeeNo: 'E002', phone: '13800138000' }], options)
    expect(plan.rows[0]).toMatchObject({
      action: 'change',
      changes: [{ field: 'phone', from: null, to: '13800138000' }],
    })
    expect(plan.rows[0]?.values).toMatchObject({
      department: '客服部',
      status: 'on_leave',
      managerNo: 'E001',
    })
  })

  it('creates missing departments parents first, and positions in the row’s department, with the tick', () => {
    const plan = planRosterChanges(
      org,
      [
        row({
          row: 2,
          employeeNo: 'N1',
          department: '售后二组',
          parentDepartment: '售后部',
          position: '售后专员',
        }),
      ],
      { ...options, createMissing: true },
    )
    expect(plan.errors).toEqual([])
    expect(plan.departmentsToCreate).toEqual([
      { name: '售后部', parentName: null },
      { name: '售后二组', parentName: '售后部' },
    ])
    expect(plan.positionsToCreate).toEqual([{ name: '售后专员', departmentName: '售后二组' }])
  })

  it('marks absent people as left today for a directory sync (mark_left), never the roster’s default', () => {
    const rows = [{ row: 2, employeeNo: 'E001' }]
    expect(planRosterChanges(org, rows, options).leavers).toEqual([])
    const plan = planRosterChanges(org, rows, { ...options, missingPeople: 'mark_left' })
    expect(plan.leavers).toMatchObject([
      { employeeNo: 'E002', values: { status: 'left', leaveDate: '2026-12-07' } },
    ])
  })

  it('reads dates as Excel writes them', () => {
    expect(parseRosterDate('2024/3/1')).toBe('2024-03-01')
    expect(parseRosterDate('45352')).toBe('2024-03-01')
    expect(parseRosterDate('2025-02-29')).toBeUndefined()
  })
})
