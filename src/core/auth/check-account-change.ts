// Who may change whose login (issue 13): only admin and hr manage accounts; hr never grants the admin role
// nor touches an admin's login; nobody disables, resets or changes the role of their own login.

export type AccountManagerRole = 'admin' | 'hr' | 'finance' | 'supervisor' | 'employee'

export type AccountChange =
  | { kind: 'create'; role: AccountManagerRole }
  | { kind: 'reset' }
  | { kind: 'disable' }
  | { kind: 'enable' }
  | { kind: 'role'; role: AccountManagerRole }

/** Why the actor may not make this change to the target login (zh-CN), or undefined when allowed. */
export function checkAccountChange(
  actor: { userId: number; role: AccountManagerRole },
  target: { userId: number; role: AccountManagerRole } | undefined,
  change: AccountChange,
): string | undefined {
  if (actor.role !== 'admin' && actor.role !== 'hr') return '只有管理员和人事可以管理账号'
  if (
    (change.kind === 'create' || change.kind === 'role') &&
    change.role === 'admin' &&
    actor.role !== 'admin'
  )
    return '只有管理员可以授予管理员角色'
  if (!target) return undefined
  if (target.userId === actor.userId) {
    if (change.kind === 'disable') return '不能停用自己的账号'
    if (change.kind === 'role') return '不能修改自己的角色'
    if (change.kind === 'reset') return '不能重置自己的密码，请在用户菜单中修改密码'
  }
  if (target.role === 'admin' && actor.role !== 'admin') return '只有管理员可以管理管理员的账号'
  return undefined
}
