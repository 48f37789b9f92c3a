import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { attributionInputSchema } from '../../contracts/ingest.ts'
import { attributionItemSchema, unmappedNameSchema } from '../../contracts/ingest-api.ts'
import { idParamSchema } from '../../contracts/organisation.ts'
import { deleteAttribution } from '../../services/ingest/delete-attribution.ts'
import { listAttributions } from '../../services/ingest/list-attributions.ts'
import { listUnmappedNames } from '../../services/ingest/list-unmapped-names.ts'
import { saveAttribution } from '../../services/ingest/save-attribution.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole } from '../require-role.ts'
import { errorResponses, jsonBody, jsonResponse, readSecurity, writeSecurity } from '../route-responses.ts'

// Attribution (归属): which employee, team or shop each name in the exports is credited to — 客服昵称 and
// 主播 → employee, shop → team — and the names nobody is credited with yet. HR and admin change it (audited).

const staff = () => requireRole('admin', 'hr')
const readers = () => requireRole('admin', 'hr', 'finance')
const tags = ['attributions']

const list = createRoute({
  method: 'get',
  path: '/api/attributions',
  tags,
  summary: 'The attribution table',
  security: readSecurity,
  middleware: [readers()] as const,
  responses: {
    200: jsonResponse('Attributions', z.object({ items: z.array(attributionItemSchema) })),
    ...errorResponses(401, 403),
  },
})

const unmapped = createRoute({
  method: 'get',
  path: '/api/attributions/unmapped',
  tags,
  summary: 'Names in live imported rows that no attribution credits (they count for no employee or team)',
  security: readSecurity,
  middleware: [readers()] as const,
  responses: {
    200: jsonResponse('Unmapped names', z.object({ items: z.array(unmappedNameSchema) })),
    ...errorResponses(401, 403),
  },
})

const save = createRoute({
  method: 'put',
  path: '/api/attributions',
  tags,
  summary: 'Create or replace the attribution of one name (by source kind and name)',
  security: writeSecurity,
  middleware: [staff()] as const,
  request: { body: jsonBody(attributionInputSchema) },
  responses: {
    200: jsonResponse('Saved', attributionItemSchema),
    ...errorResponses(400, 401, 403, 404),
  },
})

const remove = createRoute({
  method: 'delete',
  path: '/api/attributions/{id}',
  tags,
  summary: 'Delete an attribution',
  security: writeSecurity,
  middleware: [staff()] as const,
  request: { params: idParamSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404) },
})

export function registerAttributionRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const db = ctx.db
  app.openapi(list, async (c) =>
    c.json({ items: await listAttributions({ db }, { companyId: c.get('actor').companyId }) }, 200),
  )
  app.openapi(unmapped, async (c) =>
    c.json({ items: await listUnmappedNames({ db }, { companyId: c.get('actor').companyId }) }, 200),
  )
  app.openapi(save, async (c) => {
    const actor = c.get('actor')
    const saved = await saveAttribution(
      { db },
      { ...c.req.valid('json'), companyId: actor.companyId, actorUserId: actor.userId },
    )
    return c.json(saved, 200)
  })
  app.openapi(remove, async (c) => {
    const actor = c.get('actor')
    await deleteAttribution(
      { db },
      { companyId: actor.companyId, id: c.req.valid('param').id, actorUserId: actor.userId },
    )
    return c.body(null, 204)
  })
}
