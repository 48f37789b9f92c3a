import type { Role } from '../../contracts/auth.ts'

type Routed = { path: string; roles?: readonly Role[] }

export function isNavItemVisible(item: Routed, role: Role): boolean {
  return !item.roles || item.roles.includes(role)
}

// The entry a location belongs to: the longest path that is the location itself or one of its parents.
export function findActiveNavItem<T extends Routed>(items: readonly T[], pathname: string): T | undefined {
  let best: T | undefined
  for (const item of items) {
    const matches =
      item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`)
    if (matches && (!best || item.path.length > best.path.length)) best = item
  }
  return best
}
