import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { historyTargetsSchema, recomputeHistoryTargetsInputSchema } from '../../contracts/history-targets.ts'
import { idParamSchema } from '../../contracts/organisation.ts'
import { listHistoryTargets } from '../../services/cycles/list-history-targets.ts'
import { recomputeHistoryTargets } from '../../services/cycles/recompute-history-targets.ts'
import type { WorkflowDeps } from '../../services/sheets/workflow-deps.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole } from '../require-role.ts'
import { errorResponses, jsonBody, jsonResponse, readSecurity, writeSecurity } from '../route-responses.ts'

// Targets derived from history (上月日均UV × 110%), frozen on a cycle's sheets when it opened: HR reads them and
// recomputes them, with a reason, when the history changed. Admin and HR only.

const staff = () => requireRole('admin', 'hr')

const list = createRoute({
  method: 'get',
  path: '/api/cycles/{id}/history-targets',
  tags: ['cycles'],
  summary: 'The targets derived from history frozen on the cycle’s sheets, with their derivations',
  security: readSecurity,
  middleware: [staff()] as const,
  request: { params: idParamSchema },
  responses: {
    200: jsonResponse('The frozen targets', historyTargetsSchema),
    ...errorResponses(401, 403, 404),
  },
})

const recompute = createRoute({
  method: 'post',
  path: '/api/cycles/{id}/history-targets/recompute',
  tags: ['cycles'],
  summary:
    'Recompute the targets derived from history on the sheets not yet computed, with a reason (audited)',
  security: writeSecurity,
  middleware: [staff()] as const,
  request: { params: idParamSchema, body: jsonBody(recomputeHistoryTargetsInputSchema) },
  responses: {
    200: jsonResponse('The recomputed targets', historyTargetsSchema),
    ...errorResponses(400, 401, 403, 404),
  },
})

export function registerHistoryTargetRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const deps: WorkflowDeps = { db: ctx.db, now: ctx.now }
  app.openapi(list, async (c) =>
    c.json(await listHistoryTargets(deps, c.get('actor'), c.req.valid('param').id), 200),
  )
  app.openapi(recompute, async (c) =>
    c.json(
      await recomputeHistoryTargets(deps, c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  )
}
