import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import {
  employeeInputSchema,
  employeeListQuerySchema,
  employeePageSchema,
  employeePatchSchema,
  employeeSchema,
  idParamSchema,
} from '../../contracts/organisation.ts'
import { createEmployee } from '../../services/organisation/create-employee.ts'
import { deleteEmployee } from '../../services/organisation/delete-employee.ts'
import { getEmployee } from '../../services/organisation/get-employee.ts'
import { listEmployees } from '../../services/organisation/list-employees.ts'
import { updateEmployee } from '../../services/organisation/update-employee.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole, requireSignedIn } from '../require-role.ts'
import { errorResponses, jsonBody, jsonResponse, readSecurity, writeSecurity } from '../route-responses.ts'

// Employees (员工). Reads are scoped: admin/hr/finance see the company, a supervisor their reporting tree,
// an employee only themselves (others answer 404). Writes are admin and hr only.

const list = createRoute({
  method: 'get',
  path: '/api/employees',
  tags: ['organisation'],
  summary: 'Search the employees the caller may see, one page at a time',
  security: readSecurity,
  middleware: [requireSignedIn()] as const,
  request: { query: employeeListQuerySchema },
  responses: { 200: jsonResponse('A page of employees', employeePageSchema), ...errorResponses(400, 401) },
})

const get = createRoute({
  method: 'get',
  path: '/api/employees/{id}',
  tags: ['organisation'],
  summary: 'One employee (404 when outside the caller’s scope)',
  security: readSecurity,
  middleware: [requireSignedIn()] as const,
  request: { params: idParamSchema },
  responses: { 200: jsonResponse('The employee', employeeSchema), ...errorResponses(400, 401, 404) },
})

const create = createRoute({
  method: 'post',
  path: '/api/employees',
  tags: ['organisation'],
  summary: 'Create an employee (admin, hr)',
  security: writeSecurity,
  middleware: [requireRole('admin', 'hr')] as const,
  request: { body: jsonBody(employeeInputSchema) },
  responses: { 201: jsonResponse('Created', employeeSchema), ...errorResponses(400, 401, 403, 409, 413) },
})

const update = createRoute({
  method: 'patch',
  path: '/api/employees/{id}',
  tags: ['organisation'],
  summary: 'Change an employee (admin, hr)',
  security: writeSecurity,
  middleware: [requireRole('admin', 'hr')] as const,
  request: { params: idParamSchema, body: jsonBody(employeePatchSchema) },
  responses: {
    200: jsonResponse('Updated', employeeSchema),
    ...errorResponses(400, 401, 403, 404, 409, 413),
  },
})

const remove = createRoute({
  method: 'delete',
  path: '/api/employees/{id}',
  tags: ['organisation'],
  summary: 'Delete an employee entered by mistake (admin, hr)',
  security: writeSecurity,
  middleware: [requireRole('admin', 'hr')] as const,
  request: { params: idParamSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404, 409) },
})

export function registerEmployeeRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(list, async (c) => {
    return c.json(await listEmployees(ctx.db, c.get('actor'), c.req.valid('query')), 200)
  })
  app.openapi(get, async (c) => {
    return c.json(await getEmployee(ctx.db, c.get('actor'), c.req.valid('param').id), 200)
  })
  app.openapi(create, async (c) => {
    const created = await createEmployee(
      { db: ctx.db, now: ctx.now, actor: c.get('actor') },
      c.req.valid('json'),
    )
    return c.json(created, 201)
  })
  app.openapi(update, async (c) => {
    const { id } = c.req.valid('param')
    const updated = await updateEmployee(
      { db: ctx.db, now: ctx.now, actor: c.get('actor') },
      id,
      c.req.valid('json'),
    )
    return c.json(updated, 200)
  })
  app.openapi(remove, async (c) => {
    await deleteEmployee({ db: ctx.db, now: ctx.now, actor: c.get('actor') }, c.req.valid('param').id)
    return c.body(null, 204)
  })
}
