import { timingSafeEqual } from 'node:crypto'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { prometheusTextSchema } from '../../contracts/operations.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { errorBody } from '../http-errors.ts'
import { errorResponses } from '../route-responses.ts'

// GET /api/prometheus for Prometheus (services/telemetry/create-telemetry.ts); not /metrics, which is the web
// app's 指标浏览 page. No session and no CSRF (a GET):
// a bearer token instead (JIXIAO_METRICS_TOKEN). Without a token configured the route does not exist (404),
// so a server never shows its internals by default.

const metrics = createRoute({
  method: 'get',
  path: '/api/prometheus',
  tags: ['system'],
  summary: 'Prometheus metrics (text format); needs Authorization: Bearer <JIXIAO_METRICS_TOKEN>',
  security: [{ metricsToken: [] }],
  responses: {
    200: {
      description: 'Prometheus text exposition format 0.0.4',
      content: { 'text/plain': { schema: prometheusTextSchema } },
    },
    ...errorResponses(401, 404),
  },
})

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function registerPrometheusMetricsRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'metricsToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'JIXIAO_METRICS_TOKEN, for GET /api/prometheus only',
  })
  app.openapi(metrics, async (c) => {
    const expected = ctx.metricsToken
    if (expected === undefined)
      return c.json(
        errorBody('not_found', '没有这个地址：指标端点未启用（设置 JIXIAO_METRICS_TOKEN 后启用）'),
        404,
      )
    const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? ''
    if (!sameToken(given, expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="metrics"')
      return c.json(
        errorBody('unauthenticated', '指标令牌缺失或错误：请在 Authorization 头中发送 Bearer 令牌', [
          { path: 'authorization', message: '令牌缺失或错误' },
        ]),
        401,
      )
    }
    const text = await ctx.telemetry.registry.metrics()
    return c.text(text, 200, { 'Content-Type': ctx.telemetry.registry.contentType })
  })
}
