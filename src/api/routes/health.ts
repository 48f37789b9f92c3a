import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { healthSchema } from '../../contracts/auth.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { jsonResponse } from '../route-responses.ts'

const health = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['system'],
  summary: 'Liveness and the database engine in use',
  responses: { 200: jsonResponse('The server is up', healthSchema) },
})

export function registerHealthRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(health, (c) => c.json({ status: 'ok' as const, database: ctx.engine }, 200))
}
