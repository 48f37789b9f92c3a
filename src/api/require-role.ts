import type { MiddlewareHandler } from 'hono'
import { DomainError } from '../core/errors.ts'
import type { Role } from '../db/database.ts'
import type { AppEnv } from './app-env.ts'

export const allRoles: readonly Role[] = ['admin', 'hr', 'finance', 'supervisor', 'employee']

/** Lets the request through only with a live session whose role is listed; sets c.var.actor. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const session = c.get('session')
    if (!session) throw new DomainError('unauthenticated', '请先登录')
    if (!roles.includes(session.user.role)) throw new DomainError('forbidden', '当前角色无权执行此操作')
    c.set('actor', {
      userId: session.user.id,
      companyId: session.user.companyId,
      role: session.user.role,
      employeeId: session.user.employeeId,
    })
    await next()
  }
}

/** Any signed-in user. */
export const requireSignedIn = (): MiddlewareHandler<AppEnv> => requireRole(...allRoles)
