import type { MiddlewareHandler } from 'hono'
import { DomainError } from '../core/errors.ts'
import type { AppEnv } from './app-env.ts'

// Paths a login that must change its initial password may still use: signing in and out, /me, changing the
// password, activation; and the public health check and API document.
const open = /^\/api\/(auth\/|health$|openapi\.json$)/

/** While the session's user must change their password, every other API route answers 403 password_change_required. */
export function refuseUntilPasswordChanged(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('session')?.user.mustChangePassword && !open.test(c.req.path)) {
      throw new DomainError('password_change_required', '请先修改初始密码，然后才能继续使用')
    }
    await next()
  }
}
