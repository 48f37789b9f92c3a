import { describe, expect, it } from 'vitest'
import type { DirectoryPerson, DirectorySnapshot } from './directory-snapshot.ts'
import { type CurrentOrganisation, planDirectorySync } from './plan-directory-sync.ts'

const person = (p: Partial<DirectoryPerson> & { userId: string; name: string }): DirectoryPerson => ({
  employeeNo: p.userId,
  departmentId: null,
  managerUserId: null,
  phone: null,
  email: null,
  hireDate: null,
  resigned: false,
  ...p,
})

const snapshot: DirectorySnapshot = {
  departments: [
    { id: '20', name: '客服部', parentId: '10' },
    { id: '10', name: '电商部', parentId: null },
    { id: '30', name: '运营部', parentId: '10' },
    { id: '40', name: '运营部', parentId: '20' },
  ],
  people: [
    person({ userId: 'u1', employeeNo: 'E001', name: '张店长', departmentId: '10', phone: '13800000001' }),
    person({ userId: 'u2', employeeNo: 'E002', name: '李主管', departmentId: '20', managerUserId: 'u1' }),
    person({
      userId: 'u3',
      employeeNo: 'E003',
      name: '小冰',
      departmentId: '40',
      managerUserId: 'u2',
      hireDate: '2025-03-01',
    }),
    person({ userId: 'u9', employeeNo: 'E009', name: '离职者', resigned: true }),
  ],
}

const empty: CurrentOrganisation = { departments: [], employees: [] }

describe('planDirectorySync', () => {
  it('creates nested departments parents first, renaming a second 运营部 after its parent', () => {
    const plan = planDirectorySync(snapshot, empty, '2026-12-06')
    expect(plan.departmentsToCreate).toEqual([
      { name: '电商部', parentName: null },
      { name: '客服部', parentName: '电商部' },
      { name: '运营部', parentName: '电商部' },
      { name: '运营部（客服部）', parentName: '客服部' },
    ])
    expect(plan.created.map((p) => [p.employeeNo, p.departmentName, p.managerNo, p.hireDate])).toEqual([
      ['E001', '电商部', null, '2026-12-06'], // no hire date in the directory: the sync day
      ['E002', '客服部', 'E001', '2026-12-06'],
      ['E003', '运营部（客服部）', 'E002', '2025-03-01'],
    ])
    expect(plan.left).toEqual([]) // a resigned person who was never here is not created
  })

  it('changes what differs, keeps contacts the directory does not give, and marks leavers without deleting', () => {
    const current: CurrentOrganisation = {
      departments: [{ id: 1, name: '电商部', parentId: null }],
      employees: [
        {
          id: 11,
          employeeNo: 'E001',
          name: '张店长',
          departmentId: 1,
          managerId: null,
          phone: '13800000001',
          email: 'z@shop.cn',
          hireDate: '2024-01-01',
          leaveDate: null,
          status: 'active',
        },
        {
          id: 12,
          employeeNo: 'E002',
          name: '李四',
          departmentId: 1,
          managerId: null,
          phone: null,
          email: null,
          hireDate: '2024-01-01',
          leaveDate: null,
          status: 'active',
        },
        {
          id: 19,
          employeeNo: 'E009',
          name: '离职者',
          departmentId: 1,
          managerId: null,
          phone: null,
          email: null,
          hireDate: '2024-01-01',
          leaveDate: null,
          status: 'active',
        },
        {
          id: 20,
          employeeNo: 'E020',
          name: '手工录入',
          departmentId: null,
          managerId: null,
          phone: null,
          email: null,
          hireDate: '2024-01-01',
          leaveDate: null,
          status: 'on_leave',
        },
      ],
    }
    const plan = planDirectorySync(snapshot, current, '2026-12-06')
    expect(plan.unchanged).toBe(1) // E001: email kept although the directory gives none
    expect(plan.changed).toHaveLength(1)
    expect(plan.changed[0]!.changes).toEqual([
      { field: 'name', from: '李四', to: '李主管' },
      { field: 'department', from: '电商部', to: '客服部' },
      { field: 'manager', from: null, to: 'E001 张店长' },
    ])
    expect(plan.left).toEqual([
      { employeeId: 19, employeeNo: 'E009', name: '离职者', leaveDate: '2026-12-06' },
      { employeeId: 20, employeeNo: 'E020', name: '手工录入', leaveDate: '2026-12-06' },
    ])
  })

  it('brings back a person who left and reappears', () => {
    const current: CurrentOrganisation = {
      departments: [],
      employees: [
        {
          id: 11,
          employeeNo: 'E001',
          name: '张店长',
          departmentId: null,
          managerId: null,
          phone: null,
          email: null,
          hireDate: '2024-01-01',
          leaveDate: '2026-01-01',
          status: 'left',
        },
      ],
    }
    const plan = planDirectorySync(
      { departments: [], people: [person({ userId: 'u1', employeeNo: 'E001', name: '张店长' })] },
      current,
      '2026-12-06',
    )
    expect(plan.changed[0]).toMatchObject({
      reactivate: true,
      changes: [{ field: 'status', from: 'left', to: 'active' }],
    })
  })

  it('names duplicate 工号, unknown managers and manager loops, and never marks a refused row as left', () => {
    const current: CurrentOrganisation = {
      departments: [],
      employees: [
        {
          id: 1,
          employeeNo: 'D1',
          name: '甲',
          departmentId: null,
          managerId: null,
          phone: null,
          email: null,
          hireDate: '2024-01-01',
          leaveDate: null,
          status: 'active',
        },
      ],
    }
    const plan = planDirectorySync(
      {
        departments: [],
        people: [
          person({ userId: 'a', employeeNo: 'D1', name: '甲' }),
          person({ userId: 'b', employeeNo: 'D1', name: '乙' }),
          person({ userId: 'c', name: '丙', managerUserId: 'ghost' }),
          person({ userId: 'x', name: '循环一', managerUserId: 'y' }),
          person({ userId: 'y', name: '循环二', managerUserId: 'x' }),
        ],
      },
      current,
      '2026-12-06',
    )
    expect(plan.errors.map((e) => [e.employeeNo, e.message])).toEqual([
      ['D1', '工号 D1 在通讯录中出现多次，均未同步'],
      ['c', '直属上级 ghost 不在通讯录中，上级留空'],
      ['x', '汇报关系成环，上级留空'],
      ['y', '汇报关系成环，上级留空'],
    ])
    expect(plan.left).toEqual([])
    expect(plan.created.map((p) => [p.employeeNo, p.managerNo])).toEqual([
      ['c', null],
      ['x', null],
      ['y', null],
    ])
  })
})
