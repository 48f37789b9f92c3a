import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { JSONParsed } from 'hono/utils/types'
import type { z } from 'zod'
import { auditChainCheckSchema, auditPageSchema, auditQuerySchema } from '../../contracts/audit.ts'
import { checkAuditChain } from '../../services/audit/check-audit-chain.ts'
import { listAuditPage } from '../../services/audit/list-audit-page.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole } from '../require-role.ts'
import { errorResponses, jsonResponse, readSecurity } from '../route-responses.ts'

// The audit log (审计日志) for HR and admin: one row per change, paged, and the hash-chain check.

const list = createRoute({
  method: 'get',
  path: '/api/audit',
  tags: ['audit'],
  summary: 'Audit rows, newest first (HR, admin)',
  security: readSecurity,
  middleware: [requireRole('admin', 'hr')] as const,
  request: { query: auditQuerySchema },
  responses: {
    200: jsonResponse('A page of audit rows', auditPageSchema),
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
    200: jsonResponse('The check', auditChainCheckSchema),
    ...errorResponses(401, 403),
  },
})

export function registerAuditRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const deps = { db: ctx.db }
  app.openapi(list, async (c) =>
    c.json(await listAuditPage(deps, c.get('actor').companyId, c.req.valid('query')), 200),
  )
  app.openapi(verify, async (c) => c.json(await checkAuditChain(deps, c.get('actor').companyId), 200))
}

// Compile-time check: the audit services' answers, as JSON, are exactly what the audit contracts describe.
type Interchangeable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Sent<F extends (...args: never[]) => unknown> = JSONParsed<Awaited<ReturnType<F>>>
export const auditContractsHold: [
  Interchangeable<Sent<typeof listAuditPage>, JSONParsed<z.infer<typeof auditPageSchema>>>,
  Interchangeable<Sent<typeof checkAuditChain>, JSONParsed<z.infer<typeof auditChainCheckSchema>>>,
] = [true, true]
