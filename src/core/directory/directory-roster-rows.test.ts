import { describe, expect, it } from 'vitest'
import type { RosterOrganisation, RosterPerson } from '../roster/plan-roster-changes.ts'
import { planDirectoryRoster } from './directory-roster-rows.ts'
import type { DirectoryPerson, DirectorySnapshot } from './directory-snapshot.ts'

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

const stored = (
  p: Partial<RosterPerson> & { id: number; employeeNo: string; name: string },
): RosterPerson => ({
  department: null,
  position: null,
  managerNo: null,
  hireDate: '2024-01-01',
  leaveDate: null,
  status: 'active',
  phone: null,
  email: null,
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

const empty: RosterOrganisation = { people: [], departments: [], positions: [] }
const today = '2026-12-06'

describe('planDirectoryRoster (the directory through the roster planner)', () => {
  it('creates the whole department tree parents first, renaming a second 运营部 after its parent', () => {
    const { plan } = planDirectoryRoster(snapshot, empty, today)
    expect(plan.departmentsToCreate).toEqual([
      { name: '电商部', parentName: null },
      { name: '客服部', parentName: '电商部' },
      { name: '运营部', parentName: '电商部' },
      { name: '运营部（客服部）', parentName: '客服部' },
    ])
    const created = plan.rows.filter((r) => r.action === 'create').map((r) => r.values!)
    expect(created.map((v) => [v.employeeNo, v.department, v.managerNo, v.hireDate])).toEqual([
      ['E001', '电商部', null, today], // no hire date in the directory: the sync day
      ['E002', '客服部', 'E001', today],
      ['E003', '运营部（客服部）', 'E002', '2025-03-01'],
    ])
    expect(plan.leavers).toEqual([]) // a resigned person who was never here is not created
  })

  it('changes what differs, keeps contacts the directory does not give, and marks leavers without deleting', () => {
    const org: RosterOrganisation = {
      departments: [{ name: '电商部', retired: false }],
      positions: [],
      people: [
        stored({
          id: 11,
          employeeNo: 'E001',
          name: '张店长',
          department: '电商部',
          phone: '13800000001',
          email: 'z@shop.cn',
        }),
        stored({ id: 12, employeeNo: 'E002', name: '李四', department: '电商部' }),
        stored({ id: 19, employeeNo: 'E009', name: '离职者', department: '电商部' }),
        stored({ id: 20, employeeNo: 'E020', name: '手工录入', status: 'on_leave' }),
      ],
    }
    const { plan } = planDirectoryRoster(snapshot, org, today)
    expect(plan.counts.unchanged).toBe(1) // E001: email kept although the directory gives none
    const changed = plan.rows.filter((r) => r.action === 'change')
    expect(changed.map((r) => [r.employeeNo, r.changes])).toEqual([
      [
        'E002',
        [
          { field: 'name', from: '李四', to: '李主管' },
          { field: 'department', from: '电商部', to: '客服部' },
          { field: 'managerNo', from: null, to: 'E001' },
        ],
      ],
    ])
    expect(plan.leavers.map((l) => [l.id, l.employeeNo, l.values!.status, l.values!.leaveDate])).toEqual([
      [19, 'E009', 'left', today],
      [20, 'E020', 'left', today],
    ])
  })

  it('brings back a person who left and reappears', () => {
    const org: RosterOrganisation = {
      departments: [],
      positions: [],
      people: [
        stored({ id: 11, employeeNo: 'E001', name: '张店长', leaveDate: '2026-01-01', status: 'left' }),
      ],
    }
    const { plan } = planDirectoryRoster(
      { departments: [], people: [person({ userId: 'u1', employeeNo: 'E001', name: '张店长' })] },
      org,
      today,
    )
    expect(plan.rows[0]).toMatchObject({
      action: 'change',
      changes: [
        { field: 'leaveDate', from: '2026-01-01', to: null },
        { field: 'status', from: 'left', to: 'active' },
      ],
    })
  })

  it('names duplicate 工号, unknown managers and manager loops, and never marks a skipped member as left', () => {
    const org: RosterOrganisation = {
      departments: [],
      positions: [],
      people: [stored({ id: 1, employeeNo: 'D1', name: '甲' })],
    }
    const { roster, plan } = planDirectoryRoster(
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
      org,
      today,
    )
    expect(roster.issues.map((e) => [e.employeeNo, e.message])).toEqual([
      ['D1', '工号 D1 在通讯录中出现多次，均未同步'],
      ['c', '直属上级 ghost 不在通讯录中，上级留空'],
    ])
    // A loop is taken without its managers, not refused.
    expect(plan.errors).toEqual([])
    expect(
      plan.warnings.map((w) => [roster.rows.find((r) => r.row === w.row)?.employeeNo, w.message]),
    ).toEqual([
      ['x', '直接上级形成循环：x → y → x，上级留空'],
      ['y', '直接上级形成循环：x → y → x，上级留空'],
    ])
    expect(plan.leavers).toEqual([])
    expect(plan.rows.map((r) => [r.employeeNo, r.action, r.values?.managerNo])).toEqual([
      ['c', 'create', null],
      ['x', 'create', null],
      ['y', 'create', null],
    ])
  })
})
