import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import {
  dashboardCyclesSchema,
  dashboardQuerySchema,
  hrDashboardSchema,
  myDashboardQuerySchema,
  myDashboardSchema,
  teamDashboardQuerySchema,
  teamDashboardSchema,
} from '../../contracts/dashboards.ts'
import { getHrDashboard } from '../../services/dashboards/get-hr-dashboard.ts'
import { getMyDashboard } from '../../services/dashboards/get-my-dashboard.ts'
import { getTeamDashboard } from '../../services/dashboards/get-team-dashboard.ts'
import { listDashboardCycles } from '../../services/dashboards/list-dashboard-cycles.ts'
import type { WorkflowDeps } from '../../services/sheets/workflow-deps.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole, requireSignedIn } from '../require-role.ts'
import { errorResponses, jsonResponse, readSecurity } from '../route-responses.ts'

// Dashboards (绩效看板): read-only aggregates for charts. HR and admin see the company, a supervisor their
// reporting tree, an employee themself; a cycle or employee outside that scope is 404.

const cycles = createRoute({
  method: 'get',
  path: '/api/dashboards/cycles',
  tags: ['dashboards'],
  summary: 'Cycles with sheets the caller may see on a dashboard, newest first',
  security: readSecurity,
  middleware: [requireSignedIn()] as const,
  responses: { 200: jsonResponse('Cycles', dashboardCyclesSchema), ...errorResponses(401) },
})

const hr = createRoute({
  method: 'get',
  path: '/api/dashboards/hr',
  tags: ['dashboards'],
  summary: 'Company dashboard: grades, histogram, stages, average over periods (HR, admin)',
  security: readSecurity,
  middleware: [requireRole('admin', 'hr')] as const,
  request: { query: dashboardQuerySchema },
  responses: { 200: jsonResponse('HR dashboard', hrDashboardSchema), ...errorResponses(400, 401, 403, 404) },
})

const team = createRoute({
  method: 'get',
  path: '/api/dashboards/team',
  tags: ['dashboards'],
  summary: 'Team dashboard: dimension shares, indicators vs targets, members below threshold',
  security: readSecurity,
  middleware: [requireRole('admin', 'hr', 'supervisor')] as const,
  request: { query: teamDashboardQuerySchema },
  responses: {
    200: jsonResponse('Team dashboard', teamDashboardSchema),
    ...errorResponses(400, 401, 403, 404),
  },
})

const me = createRoute({
  method: 'get',
  path: '/api/dashboards/me',
  tags: ['dashboards'],
  summary: 'Personal dashboard: trend, dimensions vs the team median, indicators (or one employee in scope)',
  security: readSecurity,
  middleware: [requireSignedIn()] as const,
  request: { query: myDashboardQuerySchema },
  responses: {
    200: jsonResponse('Personal dashboard', myDashboardSchema),
    ...errorResponses(400, 401, 404),
  },
})

export function registerDashboardRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const deps: WorkflowDeps = { db: ctx.db, now: ctx.now }
  app.openapi(cycles, async (c) => c.json({ items: await listDashboardCycles(deps, c.get('actor')) }, 200))
  app.openapi(hr, async (c) => c.json(await getHrDashboard(deps, c.get('actor'), c.req.valid('query')), 200))
  app.openapi(team, async (c) =>
    c.json(await getTeamDashboard(deps, c.get('actor'), c.req.valid('query')), 200),
  )
  app.openapi(me, async (c) => c.json(await getMyDashboard(deps, c.get('actor'), c.req.valid('query')), 200))
}
