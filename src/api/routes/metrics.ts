import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { metricKeySchema, metricQuerySchema, metricResultSchema } from '../../contracts/ingest.ts'
import {
  metricDefinitionSchema,
  metricSeriesQuerySchema,
  metricSeriesSchema,
} from '../../contracts/ingest-api.ts'
import { computeMetric } from '../../services/metrics/compute-metric.ts'
import { computeMetricSeries } from '../../services/metrics/compute-metric-series.ts'
import { listMetricDefinitions } from '../../services/metrics/list-metric-definitions.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole } from '../require-role.ts'
import { errorResponses, jsonResponse, readSecurity } from '../route-responses.ts'

// The metric catalogue computed from imported shop data (指标浏览): the definitions, one metric per employee,
// team, shop or company for a period, and a series over periods for charts. HR, admin and finance read.

const readers = () => requireRole('admin', 'hr', 'finance')
const tags = ['metrics']
const metricParam = z.object({ metric: metricKeySchema.meta({ param: { name: 'metric', in: 'path' } }) })

const catalogue = createRoute({
  method: 'get',
  path: '/api/metrics',
  tags,
  summary: 'The metric catalogue: key, name (zh/en), formula, unit, the facts it needs',
  security: readSecurity,
  middleware: [readers()] as const,
  responses: {
    200: jsonResponse('Catalogue', z.object({ items: z.array(metricDefinitionSchema) })),
    ...errorResponses(401, 403),
  },
})

const compute = createRoute({
  method: 'get',
  path: '/api/metrics/{metric}',
  tags,
  summary:
    'One metric for a period (2011-11-05, 2011-W45, 2011-11, 2011-Q4, 2011) by employee, team, shop or company; a zero denominator gives value null and a reason',
  security: readSecurity,
  middleware: [readers()] as const,
  request: { params: metricParam, query: metricQuerySchema.omit({ metric: true }) },
  responses: { 200: jsonResponse('Values', metricResultSchema), ...errorResponses(400, 401, 403, 404) },
})

const series = createRoute({
  method: 'get',
  path: '/api/metrics/{metric}/series',
  tags,
  summary: 'One metric over `count` consecutive periods ending with `period`, per group, for charts',
  security: readSecurity,
  middleware: [readers()] as const,
  request: { params: metricParam, query: metricSeriesQuerySchema },
  responses: { 200: jsonResponse('Series', metricSeriesSchema), ...errorResponses(400, 401, 403, 404) },
})

export function registerMetricRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const db = ctx.db
  app.openapi(catalogue, async (c) =>
    c.json(
      {
        items: listMetricDefinitions(),
      },
      200,
    ),
  )
  app.openapi(compute, async (c) => {
    const { by, period } = c.req.valid('query')
    const result = await computeMetric(
      { db },
      {
        companyId: c.get('actor').companyId,
        metric: c.req.valid('param').metric,
        by,
        period,
      },
    )
    return c.json(result, 200)
  })
  app.openapi(series, async (c) => {
    const { by, period, count } = c.req.valid('query')
    const result = await computeMetricSeries(
      { db },
      {
        companyId: c.get('actor').companyId,
        metric: c.req.valid('param').metric,
        by,
        period,
        count,
      },
    )
    return c.json(result, 200)
  })
}
