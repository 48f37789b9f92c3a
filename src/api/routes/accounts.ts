import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import {
  accountChangeResultSchema,
  accountListQuerySchema,
  accountPageSchema,
  accountPatchSchema,
  activateAccountInputSchema,
  activationCheckSchema,
  activationTokenQuerySchema,
  createAccountsInputSchema,
  createAccountsResultSchema,
  disableAccountInputSchema,
  resetAccountInputSchema,
  resetAccountResultSchema,
  userIdParamSchema,
} from '../../contracts/accounts.ts'
import { sessionResponseSchema } from '../../contracts/auth.ts'
import { activateAccount } from '../../services/accounts/activate-account.ts'
import { changeAccountRole } from '../../services/accounts/change-account-role.ts'
import { checkActivationToken } from '../../services/accounts/check-activation-token.ts'
import { createAccounts } from '../../services/accounts/create-accounts.ts'
import { disableAccount } from '../../services/accounts/disable-account.ts'
import { enableAccount } from '../../services/accounts/enable-account.ts'
import { listAccounts } from '../../services/accounts/list-accounts.ts'
import { resetAccount } from '../../services/accounts/reset-account.ts'
import { logOut } from '../../services/auth/log-out.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole } from '../require-role.ts'
import { errorResponses, jsonBody, jsonResponse, readSecurity, writeSecurity } from '../route-responses.ts'
import { readSessionCookie, writeSessionCookie } from '../session-cookie.ts'

// Accounts for people (账号管理), admin and hr only: who has a login, giving logins, resets, disabling, roles.
// HR never grants the admin role nor changes an admin's login; nobody disables or demotes themselves (403).
// One-time links and initial passwords appear only in the answers of create and reset.

const managers = ['admin', 'hr'] as const

const list = createRoute({
  method: 'get',
  path: '/api/accounts',
  tags: ['accounts'],
  summary: 'Every employee with their login and its state, one page at a time (admin, hr)',
  security: readSecurity,
  middleware: [requireRole(...managers)] as const,
  request: { query: accountListQuerySchema },
  responses: { 200: jsonResponse('A page of accounts', accountPageSchema), ...errorResponses(400, 401, 403) },
})

const create = createRoute({
  method: 'post',
  path: '/api/accounts',
  tags: ['accounts'],
  summary: 'Give up to 2,000 employees a login at once (admin, hr); answers per employee',
  description:
    'The username is the employee number, lowercased. Each login gets a one-time activation link (valid 7 days) ' +
    'or a random initial password, shown only in this answer, and must change its password at first sign-in.',
  security: writeSecurity,
  middleware: [requireRole(...managers)] as const,
  request: { body: jsonBody(createAccountsInputSchema) },
  responses: {
    200: jsonResponse('What happened to each employee', createAccountsResultSchema),
    ...errorResponses(400, 401, 403, 413),
  },
})

const reset = createRoute({
  method: 'post',
  path: '/api/accounts/{userId}/reset',
  tags: ['accounts'],
  summary: 'A new activation link or initial password for a login; ends all its sessions (admin, hr)',
  security: writeSecurity,
  middleware: [requireRole(...managers)] as const,
  request: { params: userIdParamSchema, body: jsonBody(resetAccountInputSchema) },
  responses: {
    200: jsonResponse('The one-time secret, shown once', resetAccountResultSchema),
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const disable = createRoute({
  method: 'post',
  path: '/api/accounts/{userId}/disable',
  tags: ['accounts'],
  summary: 'Disable a login; every session of it ends at once (admin, hr)',
  security: writeSecurity,
  middleware: [requireRole(...managers)] as const,
  request: { params: userIdParamSchema, body: jsonBody(disableAccountInputSchema) },
  responses: {
    200: jsonResponse('Disabled', accountChangeResultSchema),
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const enable = createRoute({
  method: 'post',
  path: '/api/accounts/{userId}/enable',
  tags: ['accounts'],
  summary: 'Enable a disabled login again (admin, hr); a leaver’s stays off (409)',
  security: writeSecurity,
  middleware: [requireRole(...managers)] as const,
  request: { params: userIdParamSchema },
  responses: {
    200: jsonResponse('Enabled', accountChangeResultSchema),
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const patch = createRoute({
  method: 'patch',
  path: '/api/accounts/{userId}',
  tags: ['accounts'],
  summary: 'Change a login’s role (admin, hr; only admin grants admin)',
  security: writeSecurity,
  middleware: [requireRole(...managers)] as const,
  request: { params: userIdParamSchema, body: jsonBody(accountPatchSchema) },
  responses: {
    200: jsonResponse('Changed', accountChangeResultSchema),
    ...errorResponses(400, 401, 403, 404),
  },
})

const checkActivation = createRoute({
  method: 'get',
  path: '/api/auth/activate',
  tags: ['auth'],
  summary: 'Whether an activation link works, with the username and company to show (public)',
  request: { query: activationTokenQuerySchema },
  responses: {
    200: jsonResponse('valid, expired, used or invalid', activationCheckSchema),
    ...errorResponses(400),
  },
})

const activate = createRoute({
  method: 'post',
  path: '/api/auth/activate',
  tags: ['auth'],
  summary: 'Set the first password from an activation link and sign in (public, like login)',
  description:
    'The password must have at least 10 characters and not be the username, the company code or a common ' +
    'password; a broken rule is named in the 400. An expired or used link answers 410.',
  request: { body: jsonBody(activateAccountInputSchema) },
  responses: {
    200: jsonResponse('Activated and signed in', sessionResponseSchema),
    ...errorResponses(400, 410, 413),
  },
})

export function registerAccountRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const deps = (actor: AppEnv['Variables']['actor']) => ({ db: ctx.db, now: ctx.now, actor })

  app.openapi(list, async (c) =>
    c.json(await listAccounts({ db: ctx.db, now: ctx.now }, c.get('actor'), c.req.valid('query')), 200),
  )
  app.openapi(create, async (c) =>
    c.json(await createAccounts(deps(c.get('actor')), c.req.valid('json')), 200),
  )
  app.openapi(reset, async (c) => {
    const { userId } = c.req.valid('param')
    return c.json(await resetAccount(deps(c.get('actor')), userId, c.req.valid('json')), 200)
  })
  app.openapi(disable, async (c) => {
    const { userId } = c.req.valid('param')
    return c.json(await disableAccount(deps(c.get('actor')), userId, c.req.valid('json')), 200)
  })
  app.openapi(enable, async (c) =>
    c.json(await enableAccount(deps(c.get('actor')), c.req.valid('param').userId), 200),
  )
  app.openapi(patch, async (c) => {
    const { userId } = c.req.valid('param')
    return c.json(await changeAccountRole(deps(c.get('actor')), userId, c.req.valid('json').role), 200)
  })

  app.openapi(checkActivation, async (c) =>
    c.json(await checkActivationToken({ db: ctx.db, now: ctx.now }, c.req.valid('query').token), 200),
  )
  app.openapi(activate, async (c) => {
    const result = await activateAccount({ db: ctx.db, now: ctx.now }, c.req.valid('json'))
    // A session the browser already held (e.g. HR's, on a shared computer) is replaced, not left alive.
    const previous = readSessionCookie(c)
    if (previous && c.get('session')) await logOut(ctx.db, previous)
    writeSessionCookie(c, result.token, result.expiresAt)
    return c.json({ user: result.user, csrfToken: result.csrfToken }, 200)
  })
}
