import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { sessionResponseSchema } from '../../contracts/auth.ts'
import { setupInputSchema, setupStatusSchema } from '../../contracts/companies.ts'
import { isSetupNeeded, setUpFirstCompany } from '../../services/companies/set-up-first-company.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { clientAddress } from '../client-address.ts'
import { errorResponses, jsonBody, jsonResponse } from '../route-responses.ts'
import { writeSessionCookie } from '../session-cookie.ts'

// First run: on an empty database the web app shows a setup page that creates the company and its admin.
// Both routes are public (nobody can sign in yet); POST answers 409 once any company exists.

const status = createRoute({
  method: 'get',
  path: '/api/setup',
  tags: ['setup'],
  summary: 'Whether the first-run setup is needed (true only while the database holds no company)',
  responses: { 200: jsonResponse('Setup status', setupStatusSchema) },
})

const setUp = createRoute({
  method: 'post',
  path: '/api/setup',
  tags: ['setup'],
  summary: 'Create the first company and its admin, and sign the admin in (sets the jixiao_session cookie)',
  description:
    'Only on an empty database; once any company exists this answers 409 (add further companies with ' +
    '`jixiao company create`). The company also gets the built-in template library and pay schemes. ' +
    'The password must have at least 10 characters, differ from the admin username and the company code, ' +
    'and not be a common password; a broken rule is named in the 400.',
  request: { body: jsonBody(setupInputSchema) },
  responses: {
    201: jsonResponse('Company created and the admin signed in', sessionResponseSchema),
    ...errorResponses(400, 409, 413, 429),
  },
})

export function registerSetupRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(status, async (c) => c.json({ needed: await isSetupNeeded(ctx.db) }, 200))

  app.openapi(setUp, async (c) => {
    const input = c.req.valid('json')
    const result = await setUpFirstCompany(
      { db: ctx.db, limiter: ctx.limiter, now: ctx.now },
      { ...input, clientAddress: clientAddress(c, ctx.isTrustedProxy) },
    )
    writeSessionCookie(c, result.token, result.expiresAt)
    return c.json({ user: result.user, csrfToken: result.csrfToken }, 201)
  })
}
