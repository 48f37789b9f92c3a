import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { healthSchema } from '../../contracts/auth.ts'
import { type Readiness, readinessSchema } from '../../contracts/operations.ts'
import { checkReadiness } from '../../services/telemetry/check-readiness.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { jsonResponse } from '../route-responses.ts'

const health = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['system'],
  summary: 'Liveness and the database engine in use (does not touch the database)',
  responses: { 200: jsonResponse('The server is up', healthSchema) },
})

const ready = createRoute({
  method: 'get',
  path: '/api/ready',
  tags: ['system'],
  summary:
    'Readiness: the database answers a query and the job store can be read; 503 with the reason otherwise',
  responses: {
    200: jsonResponse('Ready to take requests', readinessSchema),
    503: jsonResponse('Not ready (database or job store unreachable, or shutting down)', readinessSchema),
  },
})

export function registerHealthRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(health, (c) => c.json({ status: 'ok' as const, database: ctx.engine }, 200))
  app.openapi(ready, async (c) => {
    const { database, jobs, reason } = await checkReadiness(ctx)
    const body: Readiness = {
      status: reason === undefined ? 'ready' : 'not_ready',
      database: ctx.engine,
      checks: { database, jobs },
      ...(reason === undefined ? {} : { reason }),
    }
    if (reason !== undefined) {
      c.get('log')?.warn({ reason }, 'not ready')
      return c.json(body, 503)
    }
    return c.json(body, 200)
  })
}
