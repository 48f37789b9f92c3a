import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { idParamSchema } from '../../contracts/organisation.ts'
import { approveBonusPoolSchema, bonusPoolInputSchema, bonusPoolSchema } from '../../contracts/pay.ts'
import { approveBonusPool } from '../../services/bonuses/approve-bonus-pool.ts'
import { createBonusPool } from '../../services/bonuses/create-bonus-pool.ts'
import { deleteBonusPool } from '../../services/bonuses/delete-bonus-pool.ts'
import { getBonusPool, listBonusPools } from '../../services/bonuses/list-bonus-pools.ts'
import type { WorkflowDeps } from '../../services/sheets/workflow-deps.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole } from '../require-role.ts'
import { errorResponses, jsonBody, jsonResponse, readSecurity, writeSecurity } from '../route-responses.ts'

// Bonus pools (奖金池). Who may do what:
//   admin, hr      allocate a quarterly or annual pool over a cycle's final results by a rule; delete a draft
//   finance        reads pools and approves them (→ locked: no deletion, a correction is a new pool); admin too
// Lines always sum exactly to the pool, to the fen.

const approve = () => requireRole('finance', 'admin')

const routes = {
  list: createRoute({
    method: 'get',
    path: '/api/bonus-pools',
    tags: ['bonuses'],
    summary: 'The company’s bonus pools, newest first',
    security: readSecurity,
    middleware: [requireRole('admin', 'hr', 'finance')] as const,
    responses: {
      200: jsonResponse('Pools', z.object({ items: z.array(bonusPoolSchema) })),
      ...errorResponses(401, 403),
    },
  }),
  create: createRoute({
    method: 'post',
    path: '/api/bonus-pools',
    tags: ['bonuses'],
    summary: 'Allocate a bonus pool over a cycle’s final results (coefficient × base, grade table or score)',
    security: writeSecurity,
    middleware: [requireRole('admin', 'hr')] as const,
    request: { body: jsonBody(bonusPoolInputSchema) },
    responses: {
      201: jsonResponse('Allocated', bonusPoolSchema),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/api/bonus-pools/{id}',
    tags: ['bonuses'],
    summary: 'One bonus pool with its lines',
    security: readSecurity,
    middleware: [requireRole('admin', 'hr', 'finance')] as const,
    request: { params: idParamSchema },
    responses: { 200: jsonResponse('Pool', bonusPoolSchema), ...errorResponses(400, 401, 403, 404) },
  }),
  approve: createRoute({
    method: 'post',
    path: '/api/bonus-pools/{id}/approve',
    tags: ['bonuses'],
    summary:
      'Approve a bonus pool (finance): locked afterwards; a second approval is refused naming the first',
    security: writeSecurity,
    middleware: [approve()] as const,
    request: { params: idParamSchema, body: jsonBody(approveBonusPoolSchema) },
    responses: { 200: jsonResponse('Approved', bonusPoolSchema), ...errorResponses(400, 401, 403, 404, 409) },
  }),
  delete: createRoute({
    method: 'delete',
    path: '/api/bonus-pools/{id}',
    tags: ['bonuses'],
    summary: 'Delete a draft bonus pool so it can be allocated again; an approved pool is refused (409)',
    security: writeSecurity,
    middleware: [requireRole('admin', 'hr')] as const,
    request: { params: idParamSchema },
    responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404, 409) },
  }),
}

export function registerBonusRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const deps: WorkflowDeps = { db: ctx.db, now: ctx.now }
  app.openapi(routes.list, async (c) => c.json({ items: await listBonusPools(deps, c.get('actor')) }, 200))
  app.openapi(routes.create, async (c) =>
    c.json(await createBonusPool(deps, c.get('actor'), c.req.valid('json')), 201),
  )
  app.openapi(routes.get, async (c) =>
    c.json(await getBonusPool(deps, c.get('actor'), c.req.valid('param').id), 200),
  )
  app.openapi(routes.approve, async (c) =>
    c.json(
      await approveBonusPool(deps, c.get('actor'), c.req.valid('param').id, c.req.valid('json').note),
      200,
    ),
  )
  app.openapi(routes.delete, async (c) => {
    await deleteBonusPool(deps, c.get('actor'), c.req.valid('param').id)
    return c.body(null, 204)
  })
}
