import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { verifyAuditChain } from '../../db/audit-log-repository.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole } from '../require-role.ts'
import { errorResponses, jsonResponse, readSecurity } from '../route-responses.ts'
import { listAuditPage } from './audit-query.ts'

// The audit log (审计日志) for HR and admin: one row per change, paged, and the hash-chain check.

const rowSchema = z.object({
  id: z.number(),
  actorUserId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  createdAt: z.date(),
})

const list = createRoute({
  method: 'get',
  path: '/api/audit',
  tags: ['audit'],
  summary: 'Audit rows, newest first (HR, admin)',
  security: readSecurity,
  middleware: [requireRole('admin', 'hr')] as const,
  request: {
    query: z.object({
      entity: z.string().max(60).optional(),
      entityId: z.string().max(60).optional(),
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: jsonResponse(
      'A page of audit rows',
      z.object({ items: z.array(rowSchema), page: z.number(), pageSize: z.number(), total: z.number() }),
    ),
    ...errorResponses(400, 401, 403),
  },
})

const verify = createRoute({
  method: 'get',
  path: '/api/audit/verify',
  tags: ['audit'],
  summary: 'Recompute the company’s hash chain and report the first broken row (HR, admin)',
  security: readSecurity,
  middleware: [requireRole('admin', 'hr')] as const,
  responses: {
    200: jsonResponse('The check', z.record(z.string(), z.unknown())),
    ...errorResponses(401, 403),
  },
})

export function registerAuditRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(list, async (c) =>
    c.json(await listAuditPage(ctx.db, c.get('actor').companyId, c.req.valid('query')), 200),
  )
  app.openapi(verify, async (c) => c.json(await verifyAuditChain(ctx.db, c.get('actor').companyId), 200))
}
