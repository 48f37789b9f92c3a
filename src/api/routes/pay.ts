import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { idParamSchema } from '../../contracts/organisation.ts'
import {
  adjustmentInputSchema,
  approvePaySheetSchema,
  builtinPaySchemeSchema,
  myPaySchema,
  payAssignmentInputSchema,
  payAssignmentSchema,
  payInputValuesSchema,
  payItemInputSchema,
  payItemSchema,
  paySheetSchema,
  settlePayDriftSchema,
} from '../../contracts/pay.ts'
import { builtinPaySchemes } from '../../core/library/builtin-pay-schemes.ts'
import { addPayAdjustment } from '../../services/pay/add-pay-adjustment.ts'
import { addPayItem } from '../../services/pay/add-pay-item.ts'
import { approvePaySheet } from '../../services/pay/approve-pay-sheet.ts'
import { deletePayAssignment } from '../../services/pay/delete-pay-assignment.ts'
import { deletePayItem } from '../../services/pay/delete-pay-item.ts'
import { getPaySheet } from '../../services/pay/get-pay-sheet.ts'
import { listMyPay } from '../../services/pay/list-my-pay.ts'
import { listPayAssignments } from '../../services/pay/list-pay-assignments.ts'
import { listPayItems } from '../../services/pay/list-pay-items.ts'
import { savePayAssignment } from '../../services/pay/save-pay-assignment.ts'
import { setPayInputs } from '../../services/pay/set-pay-inputs.ts'
import { settlePayDrift } from '../../services/pay/settle-pay-drift.ts'
import type { WorkflowDeps } from '../../services/sheets/workflow-deps.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole, requireSignedIn } from '../require-role.ts'
import { errorResponses, jsonBody, jsonResponse, readSecurity, writeSecurity } from '../route-responses.ts'

// Pay (薪酬). Who may do what:
//   admin, hr      configure pay schemes per position/employee, rewards and penalties (奖惩), entered inputs
//   finance        reads pay sheets, approves them (→ locked) and adds adjustment lines afterwards, by hand or
//                  settling the drift of results changed since approval (admin too)
//   supervisor     no pay at all (results only, see consequences.ts)
//   employee       their own pay lines from approved pay sheets (GET /api/me/pay)

const configure = () => requireRole('admin', 'hr')
const readPay = () => requireRole('admin', 'hr', 'finance')
const approve = () => requireRole('finance', 'admin')

const itemParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .meta({ param: { name: 'id', in: 'path' } }),
  itemId: z.coerce
    .number()
    .int()
    .positive()
    .meta({ param: { name: 'itemId', in: 'path' } }),
})

const routes = {
  builtin: createRoute({
    method: 'get',
    path: '/api/pay/builtin-schemes',
    tags: ['pay'],
    summary: 'The seed pay systems (客服, 店长, T14, T15) with their notes',
    security: readSecurity,
    middleware: [readPay()] as const,
    responses: {
      200: jsonResponse('Built-in schemes', z.object({ items: z.array(builtinPaySchemeSchema) })),
      ...errorResponses(401, 403),
    },
  }),
  assignments: createRoute({
    method: 'get',
    path: '/api/pay/assignments',
    tags: ['pay'],
    summary: 'Pay schemes per position (default) and per employee (override)',
    security: readSecurity,
    middleware: [readPay()] as const,
    responses: {
      200: jsonResponse('Assignments', z.object({ items: z.array(payAssignmentSchema) })),
      ...errorResponses(401, 403),
    },
  }),
  saveAssignment: createRoute({
    method: 'put',
    path: '/api/pay/assignments',
    tags: ['pay'],
    summary:
      'Set the pay scheme of a position or an employee (validated: a missing parameter or negative base is refused naming the field)',
    security: writeSecurity,
    middleware: [configure()] as const,
    request: { body: jsonBody(payAssignmentInputSchema) },
    responses: {
      200: jsonResponse('Saved', payAssignmentSchema),
      ...errorResponses(400, 401, 403, 409, 413),
    },
  }),
  deleteAssignment: createRoute({
    method: 'delete',
    path: '/api/pay/assignments/{id}',
    tags: ['pay'],
    summary: 'Remove a pay scheme assignment',
    security: writeSecurity,
    middleware: [configure()] as const,
    request: { params: idParamSchema },
    responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404) },
  }),
  paySheet: createRoute({
    method: 'get',
    path: '/api/cycles/{id}/pay-sheet',
    tags: ['pay'],
    summary:
      'The cycle’s pay sheet (工资表): live while a draft, the approved snapshot plus adjustment lines after',
    security: readSecurity,
    middleware: [readPay()] as const,
    request: { params: idParamSchema },
    responses: { 200: jsonResponse('Pay sheet', paySheetSchema), ...errorResponses(400, 401, 403, 404) },
  }),
  approve: createRoute({
    method: 'post',
    path: '/api/cycles/{id}/pay-sheet/approve',
    tags: ['pay'],
    summary:
      'Approve the pay sheet (finance): refused while any sheet is not final, naming them; then locked',
    security: writeSecurity,
    middleware: [approve()] as const,
    request: { params: idParamSchema, body: jsonBody(approvePaySheetSchema) },
    responses: { 200: jsonResponse('Approved', paySheetSchema), ...errorResponses(400, 401, 403, 404, 409) },
  }),
  settleDrift: createRoute({
    method: 'post',
    path: '/api/cycles/{id}/pay-sheet/settle-drift',
    tags: ['pay'],
    summary:
      'Settle the drift of an approved pay sheet (finance): one adjustment line per employee whose result changed, equal to the difference; refused while a reopened sheet is not final, naming it; a second call adds nothing',
    security: writeSecurity,
    middleware: [approve()] as const,
    request: { params: idParamSchema, body: jsonBody(settlePayDriftSchema) },
    responses: { 200: jsonResponse('Pay sheet', paySheetSchema), ...errorResponses(400, 401, 403, 404, 409) },
  }),
  adjust: createRoute({
    method: 'post',
    path: '/api/cycles/{id}/pay-sheet/adjustments',
    tags: ['pay'],
    summary: 'Add a correction line after approval (never an edit)',
    security: writeSecurity,
    middleware: [approve()] as const,
    request: { params: idParamSchema, body: jsonBody(adjustmentInputSchema) },
    responses: { 200: jsonResponse('Pay sheet', paySheetSchema), ...errorResponses(400, 401, 403, 404, 409) },
  }),
  items: createRoute({
    method: 'get',
    path: '/api/cycles/{id}/pay-items',
    tags: ['pay'],
    summary: 'Rewards, penalties (奖惩) and adjustments of a cycle',
    security: readSecurity,
    middleware: [readPay()] as const,
    request: { params: idParamSchema },
    responses: {
      200: jsonResponse('Items', z.object({ items: z.array(payItemSchema) })),
      ...errorResponses(400, 401, 403, 404),
    },
  }),
  addItem: createRoute({
    method: 'post',
    path: '/api/cycles/{id}/pay-items',
    tags: ['pay'],
    summary: 'Add a reward (+) or penalty (−) with its reason; refused once the pay sheet is approved',
    security: writeSecurity,
    middleware: [configure()] as const,
    request: { params: idParamSchema, body: jsonBody(payItemInputSchema) },
    responses: { 201: jsonResponse('Created', payItemSchema), ...errorResponses(400, 401, 403, 404, 409) },
  }),
  deleteItem: createRoute({
    method: 'delete',
    path: '/api/cycles/{id}/pay-items/{itemId}',
    tags: ['pay'],
    summary: 'Remove a reward or penalty while the pay sheet is a draft',
    security: writeSecurity,
    middleware: [configure()] as const,
    request: { params: itemParams },
    responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404, 409) },
  }),
  inputs: createRoute({
    method: 'put',
    path: '/api/cycles/{id}/pay-inputs',
    tags: ['pay'],
    summary: 'Enter pay inputs by hand for one employee (they win over imported metrics)',
    security: writeSecurity,
    middleware: [configure()] as const,
    request: { params: idParamSchema, body: jsonBody(payInputValuesSchema) },
    responses: {
      200: jsonResponse(
        'The employee’s entered inputs',
        z.object({ values: z.record(z.string(), z.string()) }),
      ),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  }),
  mine: createRoute({
    method: 'get',
    path: '/api/me/pay',
    tags: ['pay'],
    summary: 'My own pay lines from approved pay sheets',
    security: readSecurity,
    middleware: [requireSignedIn()] as const,
    responses: { 200: jsonResponse('My pay', myPaySchema), ...errorResponses(401) },
  }),
}

export function registerPayRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const deps: WorkflowDeps = { db: ctx.db, now: ctx.now }
  app.openapi(routes.builtin, (c) =>
    c.json({ items: builtinPaySchemes as z.infer<typeof builtinPaySchemeSchema>[] }, 200),
  )
  app.openapi(routes.assignments, async (c) =>
    c.json({ items: await listPayAssignments(deps, c.get('actor')) }, 200),
  )
  app.openapi(routes.saveAssignment, async (c) =>
    c.json(await savePayAssignment(deps, c.get('actor'), c.req.valid('json')), 200),
  )
  app.openapi(routes.deleteAssignment, async (c) => {
    await deletePayAssignment(deps, c.get('actor'), c.req.valid('param').id)
    return c.body(null, 204)
  })
  app.openapi(routes.paySheet, async (c) =>
    c.json(await getPaySheet(deps, c.get('actor'), c.req.valid('param').id), 200),
  )
  app.openapi(routes.approve, async (c) =>
    c.json(
      await approvePaySheet(deps, c.get('actor'), c.req.valid('param').id, c.req.valid('json').note),
      200,
    ),
  )
  app.openapi(routes.settleDrift, async (c) =>
    c.json(
      await settlePayDrift(deps, c.get('actor'), c.req.valid('param').id, c.req.valid('json').note),
      200,
    ),
  )
  app.openapi(routes.adjust, async (c) =>
    c.json(await addPayAdjustment(deps, c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  app.openapi(routes.items, async (c) =>
    c.json({ items: await listPayItems(deps, c.get('actor'), c.req.valid('param').id) }, 200),
  )
  app.openapi(routes.addItem, async (c) =>
    c.json(await addPayItem(deps, c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 201),
  )
  app.openapi(routes.deleteItem, async (c) => {
    const { id, itemId } = c.req.valid('param')
    await deletePayItem(deps, c.get('actor'), id, itemId)
    return c.body(null, 204)
  })
  app.openapi(routes.inputs, async (c) =>
    c.json(
      { values: await setPayInputs(deps, c.get('actor'), c.req.valid('param').id, c.req.valid('json')) },
      200,
    ),
  )
  app.openapi(routes.mine, async (c) => c.json(await listMyPay(deps, c.get('actor')), 200))
}
