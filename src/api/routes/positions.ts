import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import {
  idParamSchema,
  positionInputSchema,
  positionListSchema,
  positionPatchSchema,
  positionSchema,
} from '../../contracts/organisation.ts'
import { createPosition } from '../../services/organisation/create-position.ts'
import { deletePosition } from '../../services/organisation/delete-position.ts'
import { getPosition } from '../../services/organisation/get-position.ts'
import { listPositions } from '../../services/organisation/list-positions.ts'
import { restorePosition } from '../../services/organisation/restore-position.ts'
import { retirePosition } from '../../services/organisation/retire-position.ts'
import { updatePosition } from '../../services/organisation/update-position.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole, requireSignedIn } from '../require-role.ts'
import { errorResponses, jsonBody, jsonResponse, readSecurity, writeSecurity } from '../route-responses.ts'

// Positions (岗位) with job descriptions (岗位说明书): every signed-in user reads them; admin and hr change them.

const list = createRoute({
  method: 'get',
  path: '/api/positions',
  tags: ['organisation'],
  summary: 'All positions of the company with their job descriptions',
  security: readSecurity,
  middleware: [requireSignedIn()] as const,
  responses: { 200: jsonResponse('Positions', positionListSchema), ...errorResponses(401) },
})

const get = createRoute({
  method: 'get',
  path: '/api/positions/{id}',
  tags: ['organisation'],
  summary: 'One position',
  security: readSecurity,
  middleware: [requireSignedIn()] as const,
  request: { params: idParamSchema },
  responses: { 200: jsonResponse('The position', positionSchema), ...errorResponses(400, 401, 404) },
})

const create = createRoute({
  method: 'post',
  path: '/api/positions',
  tags: ['organisation'],
  summary: 'Create a position (admin, hr)',
  security: writeSecurity,
  middleware: [requireRole('admin', 'hr')] as const,
  request: { body: jsonBody(positionInputSchema) },
  responses: { 201: jsonResponse('Created', positionSchema), ...errorResponses(400, 401, 403, 409, 413) },
})

const update = createRoute({
  method: 'patch',
  path: '/api/positions/{id}',
  tags: ['organisation'],
  summary: 'Change a position (admin, hr)',
  security: writeSecurity,
  middleware: [requireRole('admin', 'hr')] as const,
  request: { params: idParamSchema, body: jsonBody(positionPatchSchema) },
  responses: {
    200: jsonResponse('Updated', positionSchema),
    ...errorResponses(400, 401, 403, 404, 409, 413),
  },
})

const remove = createRoute({
  method: 'delete',
  path: '/api/positions/{id}',
  tags: ['organisation'],
  summary: 'Delete a position nobody holds (admin, hr)',
  security: writeSecurity,
  middleware: [requireRole('admin', 'hr')] as const,
  request: { params: idParamSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404, 409) },
})

const retire = createRoute({
  method: 'post',
  path: '/api/positions/{id}/retire',
  tags: ['organisation'],
  summary:
    'Retire a position (撤销; admin, hr): hidden from pickers, receives nobody new; one still held by employees who have not left is refused',
  security: writeSecurity,
  middleware: [requireRole('admin', 'hr')] as const,
  request: { params: idParamSchema },
  responses: { 200: jsonResponse('Retired', positionSchema), ...errorResponses(400, 401, 403, 404, 409) },
})

const restore = createRoute({
  method: 'post',
  path: '/api/positions/{id}/restore',
  tags: ['organisation'],
  summary: 'Take a retired position back into use (恢复; admin, hr)',
  security: writeSecurity,
  middleware: [requireRole('admin', 'hr')] as const,
  request: { params: idParamSchema },
  responses: { 200: jsonResponse('Restored', positionSchema), ...errorResponses(400, 401, 403, 404, 409) },
})

export function registerPositionRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(list, async (c) => {
    return c.json({ items: await listPositions(ctx.db, c.get('actor').companyId) }, 200)
  })
  app.openapi(get, async (c) => {
    return c.json(await getPosition(ctx.db, c.get('actor').companyId, c.req.valid('param').id), 200)
  })
  app.openapi(create, async (c) => {
    const created = await createPosition(
      { db: ctx.db, now: ctx.now, actor: c.get('actor') },
      c.req.valid('json'),
    )
    return c.json(created, 201)
  })
  app.openapi(update, async (c) => {
    const { id } = c.req.valid('param')
    const updated = await updatePosition(
      { db: ctx.db, now: ctx.now, actor: c.get('actor') },
      id,
      c.req.valid('json'),
    )
    return c.json(updated, 200)
  })
  app.openapi(remove, async (c) => {
    await deletePosition({ db: ctx.db, now: ctx.now, actor: c.get('actor') }, c.req.valid('param').id)
    return c.body(null, 204)
  })
  app.openapi(retire, async (c) => {
    const deps = { db: ctx.db, now: ctx.now, actor: c.get('actor') }
    return c.json(await retirePosition(deps, c.req.valid('param').id), 200)
  })
  app.openapi(restore, async (c) => {
    const deps = { db: ctx.db, now: ctx.now, actor: c.get('actor') }
    return c.json(await restorePosition(deps, c.req.valid('param').id), 200)
  })
}
