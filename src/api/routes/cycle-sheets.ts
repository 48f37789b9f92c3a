import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { cycleSheetPageSchema, cycleSheetQuerySchema } from '../../contracts/cycle-sheets.ts'
import { idParamSchema } from '../../contracts/organisation.ts'
import { listCycleSheetsPaged } from '../../services/cycles/list-cycle-sheet-page.ts'
import type { WorkflowDeps } from '../../services/sheets/workflow-deps.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole } from '../require-role.ts'
import { errorResponses, jsonResponse, readSecurity } from '../route-responses.ts'

// 全部考核表: every sheet of a cycle for HR and admin, a supervisor's reporting tree for a supervisor; filtered,
// sorted and paged on the server.

const allSheets = createRoute({
  method: 'get',
  path: '/api/cycles/{id}/all-sheets',
  tags: ['cycles'],
  summary:
    'One page of a cycle’s sheets (全部考核表), filtered by department, state, grade, overdue, appeal or held; sorted',
  security: readSecurity,
  middleware: [requireRole('admin', 'hr', 'supervisor')] as const,
  request: { params: idParamSchema, query: cycleSheetQuerySchema },
  responses: {
    200: jsonResponse('One page of sheets', cycleSheetPageSchema),
    ...errorResponses(400, 401, 403, 404),
  },
})

export function registerCycleSheetRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const deps: WorkflowDeps = { db: ctx.db, now: ctx.now }
  app.openapi(allSheets, async (c) =>
    c.json(
      await listCycleSheetsPaged(deps, c.get('actor'), c.req.valid('param').id, c.req.valid('query')),
      200,
    ),
  )
}
