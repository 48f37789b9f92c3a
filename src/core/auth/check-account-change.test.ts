import { describe, expect, it } from 'vitest'
import { checkAccountChange } from './check-account-change.ts'

describe('who may change whose login', () => {
  const admin = { userId: 1, role: 'admin' as const }
  const hr = { userId: 2, role: 'hr' as const }
  const employee = { userId: 3, role: 'employee' as const }
  const otherAdmin = { userId: 4, role: 'admin' as const }

  it.each([
    ['an admin gives an employee a login', admin, undefined, { kind: 'create', role: 'employee' }, undefined],
    ['hr gives an employee a login', hr, undefined, { kind: 'create', role: 'supervisor' }, undefined],
    [
      'hr cannot create an admin',
      hr,
      undefined,
      { kind: 'create', role: 'admin' },
      '只有管理员可以授予管理员角色',
    ],
    [
      'hr cannot promote to admin',
      hr,
      employee,
      { kind: 'role', role: 'admin' },
      '只有管理员可以授予管理员角色',
    ],
    ['an admin promotes to admin', admin, employee, { kind: 'role', role: 'admin' }, undefined],
    ['hr cannot reset an admin', hr, otherAdmin, { kind: 'reset' }, '只有管理员可以管理管理员的账号'],
    ['hr cannot disable an admin', hr, otherAdmin, { kind: 'disable' }, '只有管理员可以管理管理员的账号'],
    [
      'hr cannot demote an admin',
      hr,
      otherAdmin,
      { kind: 'role', role: 'hr' },
      '只有管理员可以管理管理员的账号',
    ],
    ['an admin disables another admin', admin, otherAdmin, { kind: 'disable' }, undefined],
    ['nobody disables themselves', admin, admin, { kind: 'disable' }, '不能停用自己的账号'],
    ['nobody demotes themselves', admin, admin, { kind: 'role', role: 'hr' }, '不能修改自己的角色'],
    ['an employee manages nothing', employee, hr, { kind: 'reset' }, '只有管理员和人事可以管理账号'],
  ] as const)('%s', (_name, actor, target, change, expected) => {
    expect(checkAccountChange(actor, target, change)).toBe(expected)
  })
})
