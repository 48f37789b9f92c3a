import { existsSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import { z } from 'zod'
import { createLoginRateLimiter } from '../services/auth/login-rate-limiter.ts'
import { documentedProviderEndpoints } from '../services/identity/provider-endpoints.ts'
import { createSilentLogger } from '../services/telemetry/create-logger.ts'
import { createTelemetry } from '../services/telemetry/create-telemetry.ts'
import type { AppContext, AppDeps, AppEnv } from './app-env.ts'
import { createTrustedProxies } from './client-address.ts'
import { errorBody, handleError, throwValidationError } from './http-errors.ts'
import { declareIdempotencyKey, idempotency } from './idempotency.ts'
import { loadSession } from './load-session.ts'
import { localizeErrors } from './messages/localize-error.ts'
import { zodLocaleByRequestLanguage } from './messages/zod-locale.ts'
import { refuseControlCharacters } from './refuse-control-characters.ts'
import { refuseIdsBeyondRange } from './refuse-ids-beyond-range.ts'
import { refuseUntilPasswordChanged } from './refuse-until-password-changed.ts'
import { requestLog } from './request-log.ts'
import { registerAccountRoutes } from './routes/accounts.ts'
import { registerAppealRoutes } from './routes/appeals.ts'
import { registerAttributionRoutes } from './routes/attributions.ts'
import { registerAuditRoutes } from './routes/audit.ts'
import { registerAuthRoutes } from './routes/auth.ts'
import { registerBonusRoutes } from './routes/bonuses.ts'
import { registerCalendarRoutes } from './routes/calendar.ts'
import { registerConsequenceRoutes } from './routes/consequences.ts'
import { registerCycleSheetRoutes } from './routes/cycle-sheets.ts'
import { registerCycleRoutes } from './routes/cycles.ts'
import { registerDashboardRoutes } from './routes/dashboards.ts'
import { registerDepartmentRoutes } from './routes/departments.ts'
import { registerDirectorySyncRoutes } from './routes/directory-sync.ts'
import { registerEmployeeRoutes } from './routes/employees.ts'
import { registerExportRoutes } from './routes/exports.ts'
import { registerHealthRoutes } from './routes/health.ts'
import { registerHistoryTargetRoutes } from './routes/history-targets.ts'
import { registerIdentityProviderRoutes } from './routes/identity-providers.ts'
import { maxUploadBytes, registerImportRoutes } from './routes/imports.ts'
import { registerMetricRoutes } from './routes/metrics.ts'
import { registerNotificationRoutes } from './routes/notifications.ts'
import { registerPayRoutes } from './routes/pay.ts'
import { registerPositionRoutes } from './routes/positions.ts'
import { registerPrometheusMetricsRoutes } from './routes/prometheus-metrics.ts'
import { maxRosterUploadBytes, registerRosterRoutes } from './routes/roster.ts'
import { registerRotaRoutes } from './routes/rota.ts'
import { registerSetupRoutes } from './routes/setup.ts'
import { registerSheetRoutes } from './routes/sheets.ts'
import { registerSimulationRoutes } from './routes/simulations.ts'
import { registerSsoRoutes } from './routes/sso.ts'
import { registerTemplateRoutes } from './routes/templates.ts'
import { securityHeaders } from './security-headers.ts'

export type { AppDeps } from './app-env.ts'

/** Largest accepted request body. */
export const maxBodyBytes = 1024 * 1024

/** Routes that carry files get a larger limit: a 2 MB attachment is about 2.7 MB as base64 JSON. */
export const largeBodyRoutes: { pattern: RegExp; maxBytes: number; label: string }[] = [
  { pattern: /^\/api\/sheets\/[^/]+\/files$/, maxBytes: 3 * 1024 * 1024, label: '3 MB' },
  { pattern: /^\/api\/imports\/uploads$/, maxBytes: maxUploadBytes, label: '200 MB' },
  { pattern: /^\/api\/roster\/preview$/, maxBytes: maxRosterUploadBytes, label: '20 MB' },
]

function tooLarge(label: string) {
  return (c: Context) => {
    // The unread rest of the body makes the connection unusable, so tell the client not to reuse it.
    c.header('Connection', 'close')
    return c.json(
      errorBody('too_large', `请求体超过 ${label} 上限，请拆分后再提交`, [
        { path: 'body', message: `超过 ${label} 上限` },
      ]),
      413,
    )
  }
}

const packageVersion: string = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
).version

/** The document-level fields of /api/openapi.json; paths and schemas come from the routes. */
export const openApiInfo = {
  openapi: '3.1.0',
  info: {
    title: 'Jixiao API',
    version: packageVersion,
    description:
      'Jixiao (绩效) KPI appraisal and performance pay. Errors: { error: { code, message, issues? } }.',
  },
}

// zod's zh-CN messages with numbers past double range said to be out of range (moved with the other languages).
export { zhCNWithFiniteNumbers } from './messages/zod-locale.ts'

/**
 * The HTTP application: JSON API under /api (validated by the zod contracts, which also generate
 * /api/openapi.json), session auth with CSRF, role checks per route, and optionally the built web app.
 */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  // Validation messages are zh-CN first (the schemas' own messages are Chinese), English when a request asks.
  z.config(zodLocaleByRequestLanguage())
  const ctx: AppContext = {
    db: deps.db,
    engine: deps.engine,
    now: deps.now ?? (() => new Date()),
    limiter: createLoginRateLimiter(deps.loginRateLimit),
    isTrustedProxy: createTrustedProxies(deps.trustedProxies ?? []),
    uploadDir: deps.uploadDir,
    providerEndpoints: deps.providerEndpoints ?? documentedProviderEndpoints,
    log: deps.log ?? createSilentLogger(),
    telemetry: deps.telemetry ?? createTelemetry({ db: deps.db }),
    metricsToken: deps.metricsToken,
    isShuttingDown: deps.isShuttingDown ?? (() => false),
  }
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throwValidationError(result.error, result.target)
      else refuseIdsBeyondRange(result.data, result.target)
    },
  })
  app.onError(handleError)
  // First: the request id (x-request-id) on every log line and answer, one log line and latency per request.
  app.use('*', requestLog(ctx))
  app.use('*', secureHeaders(securityHeaders))

  // Set before the handler runs, so every response made through the context (c.json, c.body, errors) carries
  // it: setting a header on a finished response makes the server rebuild it (about 0.1 ms a request).
  // secureHeaders above already sends X-Content-Type-Options: nosniff.
  // Error answers in the client's language (Accept-Language), including every refusal made below.
  app.use('/api/*', localizeErrors())
  app.use('/api/*', async (c, next) => {
    c.header('Cache-Control', 'no-store')
    await next()
  })
  const defaultLimit = bodyLimit({ maxSize: maxBodyBytes, onError: tooLarge('1 MB') })
  const largeLimits = largeBodyRoutes.map((route) => ({
    pattern: route.pattern,
    limit: bodyLimit({ maxSize: route.maxBytes, onError: tooLarge(route.label) }),
  }))
  app.use('/api/*', (c, next) => {
    const large = largeLimits.find((route) => route.pattern.test(c.req.path))
    return (large?.limit ?? defaultLimit)(c, next)
  })
  // No NUL or other control character reaches a route, whatever its schema says (400 naming the field).
  app.use('/api/*', refuseControlCharacters())
  app.use('/api/*', loadSession(ctx))
  // A login with an initial password may only change it (and sign out) until it has (issue 13).
  app.use('/api/*', refuseUntilPasswordChanged())
  // A repeat of a state-changing request with the same Idempotency-Key gets the first answer (issue 12).
  app.use('/api/*', idempotency(ctx))
  declareIdempotencyKey(app.openAPIRegistry)

  registerHealthRoutes(app, ctx)
  registerAuthRoutes(app, ctx)
  registerSetupRoutes(app, ctx)
  registerSsoRoutes(app, ctx, ctx.providerEndpoints)
  registerIdentityProviderRoutes(app, ctx)
  registerDirectorySyncRoutes(app, ctx)
  registerDepartmentRoutes(app, ctx)
  registerPositionRoutes(app, ctx)
  registerEmployeeRoutes(app, ctx)
  registerTemplateRoutes(app, ctx)
  registerCycleRoutes(app, ctx)
  registerHistoryTargetRoutes(app, ctx)
  registerCycleSheetRoutes(app, ctx)
  registerSheetRoutes(app, ctx)
  registerAppealRoutes(app, ctx)
  registerCalendarRoutes(app, ctx)
  registerNotificationRoutes(app, ctx)
  registerAuditRoutes(app, ctx)
  registerPayRoutes(app, ctx)
  registerSimulationRoutes(app, ctx)
  registerBonusRoutes(app, ctx)
  registerConsequenceRoutes(app, ctx)
  registerExportRoutes(app, ctx)
  registerRotaRoutes(app, ctx)
  registerRosterRoutes(app, ctx)
  registerImportRoutes(app, ctx)
  registerMetricRoutes(app, ctx)
  registerAttributionRoutes(app, ctx)
  registerDashboardRoutes(app, ctx)
  registerAccountRoutes(app, ctx)
  registerPrometheusMetricsRoutes(app, ctx)

  app.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', {
    type: 'apiKey',
    in: 'cookie',
    name: 'jixiao_session',
    description: 'Session cookie set by POST /api/auth/login',
  })
  app.openAPIRegistry.registerComponent('securitySchemes', 'csrfToken', {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description:
      'The csrfToken from login or /api/auth/me; required on every cookie-authenticated non-GET request',
  })
  app.doc31('/api/openapi.json', openApiInfo)

  app.all('/api/*', (c) => c.json(errorBody('not_found', `没有这个接口：${c.req.method} ${c.req.path}`), 404))

  if (deps.webRoot && existsSync(join(deps.webRoot, 'index.html'))) {
    const root = resolve(deps.webRoot)
    app.use('*', serveStatic({ root }))
    // Single-page app: any other GET that is not a file gets index.html and the client router takes over.
    app.get('*', async (c) => c.html(await readFile(join(root, 'index.html'), 'utf8')))
  }
  app.notFound((c) => c.json(errorBody('not_found', `没有这个地址：${c.req.method} ${c.req.path}`), 404))
  return app
}
