import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import {
  departmentInputSchema,
  departmentListSchema,
  departmentPatchSchema,
  departmentSchema,
  idParamSchema,
} from '../../contracts/organisation.ts'
import { createDepartment } from '../../services/organisation/create-department.ts'
import { deleteDepartment } from '../../services/organisation/delete-department.ts'
import { getDepartment } from '../../services/organisation/get-department.ts'
import { listDepartments } from '../../services/organisation/list-departments.ts'
import { restoreDepartment } from '../../services/organisation/restore-department.ts'
import { retireDepartment } from '../../services/organisation/retire-department.ts'
import { updateDepartment } from '../../services/organisation/update-department.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole, requireSignedIn } from '../require-role.ts'
import { errorResponses, jsonBody, jsonResponse, readSecurity, writeSecurity } from '../route-responses.ts'

// Departments (部门): every signed-in user reads them; admin and hr change them.

const list = createRoute({
  method: 'get',
  path: '/api/departments',
  tags: ['organisation'],
  summary: 'All departments of the company',
  security: readSecurity,
  middleware: [requireSignedIn()] as const,
  responses: { 200: jsonResponse('Departments', departmentListSchema), ...errorResponses(401) },
})

const get = createRoute({
  method: 'get',
  path: '/api/departments/{id}',
  tags: ['organisation'],
  summary: 'One department',
  security: readSecurity,
  middleware: [requireSignedIn()] as const,
  request: { params: idParamSchema },
  responses: { 200: jsonResponse('The department', departmentSchema), ...errorResponses(400, 401, 404) },
})

const create = createRoute({
  method: 'post',
  path: '/api/departments',
  tags: ['organisation'],
  summary: 'Create a department (admin, hr)',
  security: writeSecurity,
  middleware: [requireRole('admin', 'hr')] as const,
  request: { body: jsonBody(departmentInputSchema) },
  responses: { 201: jsonResponse('Created', departmentSchema), ...errorResponses(400, 401, 403, 409, 413) },
})

const update = createRoute({
  method: 'patch',
  path: '/api/departments/{id}',
  tags: ['organisation'],
  summary: 'Rename or move a department (admin, hr)',
  security: writeSecurity,
  middleware: [requireRole('admin', 'hr')] as const,
  request: { params: idParamSchema, body: jsonBody(departmentPatchSchema) },
  responses: {
    200: jsonResponse('Updated', departmentSchema),
    ...errorResponses(400, 401, 403, 404, 409, 413),
  },
})

const remove = createRoute({
  method: 'delete',
  path: '/api/departments/{id}',
  tags: ['organisation'],
  summary: 'Delete an empty department (admin, hr)',
  security: writeSecurity,
  middleware: [requireRole('admin', 'hr')] as const,
  request: { params: idParamSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404, 409) },
})

const retire = createRoute({
  method: 'post',
  path: '/api/departments/{id}/retire',
  tags: ['organisation'],
  summary:
    'Retire a department (撤销; admin, hr): hidden from pickers, receives nobody new; one that still has employees who have not left or sub-departments in use is refused',
  security: writeSecurity,
  middleware: [requireRole('admin', 'hr')] as const,
  request: { params: idParamSchema },
  responses: { 200: jsonResponse('Retired', departmentSchema), ...errorResponses(400, 401, 403, 404, 409) },
})

const restore = createRoute({
  method: 'post',
  path: '/api/departments/{id}/restore',
  tags: ['organisation'],
  summary: 'Take a retired department back into use (恢复; admin, hr)',
  security: writeSecurity,
  middleware: [requireRole('admin', 'hr')] as const,
  request: { params: idParamSchema },
  responses: { 200: jsonResponse('Restored', departmentSchema), ...errorResponses(400, 401, 403, 404, 409) },
})

export function registerDepartmentRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(list, async (c) => {
    return c.json({ items: await listDepartments(ctx.db, c.get('actor').companyId) }, 200)
  })
  app.openapi(get, async (c) => {
    return c.json(await getDepartment(ctx.db, c.get('actor').companyId, c.req.valid('param').id), 200)
  })
  app.openapi(create, async (c) => {
    const created = await createDepartment(
      { db: ctx.db, now: ctx.now, actor: c.get('actor') },
      c.req.valid('json'),
    )
    return c.json(created, 201)
  })
  app.openapi(update, async (c) => {
    const { id } = c.req.valid('param')
    const updated = await updateDepartment(
      { db: ctx.db, now: ctx.now, actor: c.get('actor') },
      id,
      c.req.valid('json'),
    )
    return c.json(updated, 200)
  })
  app.openapi(remove, async (c) => {
    await deleteDepartment({ db: ctx.db, now: ctx.now, actor: c.get('actor') }, c.req.valid('param').id)
    return c.body(null, 204)
  })
  app.openapi(retire, async (c) => {
    const deps = { db: ctx.db, now: ctx.now, actor: c.get('actor') }
    return c.json(await retireDepartment(deps, c.req.valid('param').id), 200)
  })
  app.openapi(restore, async (c) => {
    const deps = { db: ctx.db, now: ctx.now, actor: c.get('actor') }
    return c.json(await restoreDepartment(deps, c.req.valid('param').id), 200)
  })
}
