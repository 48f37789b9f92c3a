import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import {
  changePasswordInputSchema,
  changePasswordResultSchema,
  loginInputSchema,
  sessionResponseSchema,
} from '../../contracts/auth.ts'
import { changeOwnPassword } from '../../services/auth/change-own-password.ts'
import { logIn } from '../../services/auth/log-in.ts'
import { logOut, logOutEverywhere } from '../../services/auth/log-out.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { clientAddress } from '../client-address.ts'
import { requireSignedIn } from '../require-role.ts'
import { errorResponses, jsonBody, jsonResponse, readSecurity, writeSecurity } from '../route-responses.ts'
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from '../session-cookie.ts'

const login = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['auth'],
  summary: 'Sign in; sets the jixiao_session cookie and returns the CSRF token',
  request: { body: jsonBody(loginInputSchema) },
  responses: {
    200: jsonResponse('Signed in', sessionResponseSchema),
    ...errorResponses(400, 401, 413, 429),
  },
})

const logout = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['auth'],
  summary: 'Sign out; deletes the session (with everywhere=true, every session of the user on every device)',
  security: writeSecurity,
  request: {
    query: z.object({
      everywhere: z
        .enum(['true', 'false'])
        .optional()
        .meta({ description: 'true: end all your sessions, on every device' }),
    }),
  },
  responses: { 204: { description: 'Signed out' }, ...errorResponses(401, 403) },
})

const me = createRoute({
  method: 'get',
  path: '/api/auth/me',
  tags: ['auth'],
  summary: 'The signed-in user and the session CSRF token',
  security: readSecurity,
  middleware: [requireSignedIn()] as const,
  responses: { 200: jsonResponse('The signed-in user', sessionResponseSchema), ...errorResponses(401) },
})

const changePassword = createRoute({
  method: 'post',
  path: '/api/auth/password',
  tags: ['auth'],
  summary: 'Change your own password; every other session of yours ends, this one stays signed in',
  description:
    'The new password must have at least 10 characters, differ from the username and not be a common ' +
    'password; a broken rule is named in the 400. Wrong current passwords are throttled like logins (429).',
  security: writeSecurity,
  middleware: [requireSignedIn()] as const,
  request: { body: jsonBody(changePasswordInputSchema) },
  responses: {
    200: jsonResponse('Password changed', changePasswordResultSchema),
    ...errorResponses(400, 401, 403, 429),
  },
})

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(login, async (c) => {
    const input = c.req.valid('json')
    const result = await logIn(
      { db: ctx.db, limiter: ctx.limiter, now: ctx.now },
      { ...input, clientAddress: clientAddress(c, ctx.isTrustedProxy) },
    )
    // A session the browser already held is replaced, not left alive beside the new one.
    const previous = readSessionCookie(c)
    if (previous && c.get('session')) await logOut(ctx.db, previous)
    writeSessionCookie(c, result.token, result.expiresAt)
    return c.json({ user: result.user, csrfToken: result.csrfToken }, 200)
  })

  // Signing out without a session still clears the cookie and succeeds: the caller ends up signed out either way.
  app.openapi(logout, async (c) => {
    const token = readSessionCookie(c)
    const session = c.get('session')
    if (session && c.req.valid('query').everywhere === 'true') await logOutEverywhere(ctx.db, session.user)
    else if (token && session) await logOut(ctx.db, token)
    clearSessionCookie(c)
    return c.body(null, 204)
  })

  app.openapi(changePassword, async (c) => {
    const input = c.req.valid('json')
    const result = await changeOwnPassword(
      { db: ctx.db, limiter: ctx.limiter, now: ctx.now },
      c.get('actor'),
      {
        ...input,
        clientAddress: clientAddress(c, ctx.isTrustedProxy),
        sessionIdHash: c.get('session')!.idHash,
      },
    )
    return c.json(result, 200)
  })

  app.openapi(me, (c) => {
    const session = c.get('session')!
    return c.json({ user: session.user, csrfToken: session.csrfToken }, 200)
  })
}
