import { timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { DomainError } from '../core/errors.ts'
import { resolveSession } from '../services/auth/resolve-session.ts'
import type { AppContext, AppEnv } from './app-env.ts'
import { readSessionCookie } from './session-cookie.ts'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])
const signInPaths = new Set(['/api/auth/login', '/api/auth/activate'])

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * Loads the session named by the cookie (if any) and, for a cookie-authenticated request that changes
 * something, requires the x-csrf-token header to equal the session's token. Login and activation are exempt:
 * they create a new session and a stale cookie must not block them.
 */
export function loadSession(ctx: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = readSessionCookie(c)
    const session = token ? await resolveSession(ctx.db, token, ctx.now()) : undefined
    c.set('session', session)
    if (session && !safeMethods.has(c.req.method) && !signInPaths.has(c.req.path)) {
      const header = c.req.header('x-csrf-token')
      if (!header || !sameToken(header, session.csrfToken)) {
        throw new DomainError('forbidden', '缺少或错误的 CSRF 令牌（x-csrf-token），请刷新页面后重试')
      }
    }
    await next()
  }
}
