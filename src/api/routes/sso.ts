import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { z } from 'zod'
import {
  companyCodeQuerySchema,
  identityProviderKindParamSchema,
  type SsoErrorCode,
  ssoProviderListSchema,
  ssoStartQuerySchema,
} from '../../contracts/identity-providers.ts'
import { logOut } from '../../services/auth/log-out.ts'
import { finishSsoSignIn } from '../../services/identity/finish-sso-sign-in.ts'
import { listSignInProviders } from '../../services/identity/list-sign-in-providers.ts'
import { createPendingSignIns, pendingSignInLifetimeMs } from '../../services/identity/pending-sign-ins.ts'
import type { ProviderEndpoints } from '../../services/identity/provider-endpoints.ts'
import { SsoSignInError } from '../../services/identity/sso-sign-in-error.ts'
import { type SsoDeps, startSsoSignIn } from '../../services/identity/start-sso-sign-in.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requestOrigin } from '../request-origin.ts'
import { errorResponses, jsonResponse } from '../route-responses.ts'
import { readSessionCookie, writeSessionCookie } from '../session-cookie.ts'

// Sign-in with the company's directory (public routes). The browser goes start → provider → callback; every
// failure ends on the login page (/login?sso_error=CODE), never on an error body.

/** The cookie binding a started sign-in to the browser that started it (its state). */
const stateCookieName = 'jixiao_sso_state'
const stateCookiePath = '/api/auth/sso'

const redirectResponse = (description: string) => ({
  description,
  headers: z.object({ Location: z.string().meta({ description: 'Where the browser goes next' }) }),
})

const providers = createRoute({
  method: 'get',
  path: '/api/auth/sso/providers',
  tags: ['auth'],
  summary: 'The directory sign-ins a company offers, for its login page (public; unknown companies get none)',
  request: { query: companyCodeQuerySchema },
  responses: { 200: jsonResponse('Enabled providers', ssoProviderListSchema), ...errorResponses(400) },
})

const start = createRoute({
  method: 'get',
  path: '/api/auth/sso/{kind}/start',
  tags: ['auth'],
  summary:
    'Start signing in with the company’s DingTalk, Feishu, WeCom or OpenID Connect (302 to the provider)',
  description:
    'Keeps a fresh state, nonce and PKCE verifier for ten minutes and sets the jixiao_sso_state cookie. An unknown ' +
    'company or a provider that is not enabled redirects to /login?sso_error=….',
  request: { params: identityProviderKindParamSchema, query: ssoStartQuerySchema },
  responses: {
    302: redirectResponse('To the provider’s sign-in page, or back to the login page with sso_error'),
    ...errorResponses(400),
  },
})

const callback = createRoute({
  method: 'get',
  path: '/api/auth/sso/{kind}/callback',
  tags: ['auth'],
  summary: 'Where the provider sends the browser back; signs in the matched employee and redirects to /',
  description:
    'Register https://<host>/api/auth/sso/<kind>/callback in the provider’s console. Failures redirect to ' +
    '/login?sso_error=<code>: state_mismatch, expired, denied, provider_error, no_identity, no_match, ' +
    'several_matches, no_account, account_disabled, not_configured.',
  request: { params: identityProviderKindParamSchema },
  responses: { 302: redirectResponse('To / signed in, or to the login page with sso_error') },
})

function loginPage(code: SsoErrorCode, companyCode?: string): string {
  const query = new URLSearchParams({ ...(companyCode ? { company: companyCode } : {}), sso_error: code })
  return `/login?${query.toString()}`
}

function failure(c: Context, error: unknown, companyCode?: string): Response {
  if (!(error instanceof SsoSignInError)) throw error
  // The person sees a short message; what the provider said is for the server's log.
  if (error.code === 'provider_error')
    (c as Context<AppEnv>).get('log').warn({ provider: error.message }, 'directory sign-in failed')
  return c.redirect(loginPage(error.code, companyCode), 302)
}

export function registerSsoRoutes(
  app: OpenAPIHono<AppEnv>,
  ctx: AppContext,
  endpoints: ProviderEndpoints,
): void {
  const deps: SsoDeps = { db: ctx.db, endpoints, pending: createPendingSignIns(), now: ctx.now }

  app.openapi(providers, async (c) => {
    const items = await listSignInProviders(ctx.db, c.req.valid('query').company)
    return c.json({ items }, 200)
  })

  app.openapi(start, async (c) => {
    const { kind } = c.req.valid('param')
    const company = c.req.valid('query').company?.trim() ?? ''
    if (!company) return c.redirect(loginPage('unknown_company'), 302)
    try {
      const started = await startSsoSignIn(deps, { companyCode: company, kind, origin: requestOrigin(c) })
      setCookie(c, stateCookieName, started.state, {
        httpOnly: true,
        // Lax: the cookie comes back on the provider's top-level redirect to the callback, not on cross-site posts.
        sameSite: 'Lax',
        secure: requestOrigin(c).startsWith('https:'),
        path: stateCookiePath,
        maxAge: pendingSignInLifetimeMs / 1000,
      })
      return c.redirect(started.url, 302)
    } catch (error) {
      return failure(c, error, company)
    }
  })

  app.openapi(callback, async (c) => {
    const { kind } = c.req.valid('param')
    const browserState = getCookie(c, stateCookieName)
    deleteCookie(c, stateCookieName, { path: stateCookiePath })
    try {
      const session = await finishSsoSignIn(deps, { kind, callback: new URL(c.req.url), browserState })
      // A session the browser already held is replaced, as by a password login.
      const previous = readSessionCookie(c)
      if (previous && c.get('session')) await logOut(ctx.db, previous)
      writeSessionCookie(c, session.token, session.expiresAt)
      return c.redirect('/', 302)
    } catch (error) {
      return failure(c, error)
    }
  })
}
