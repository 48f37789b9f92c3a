import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { idParamSchema } from '../../contracts/organisation.ts'
import {
  consequenceListsSchema,
  consequenceSettingsSchema,
  cycleResultsSchema,
  improvementPlanInputSchema,
  improvementPlanPatchSchema,
  improvementPlanSchema,
} from '../../contracts/results.ts'
import { createImprovementPlan } from '../../services/consequences/create-improvement-plan.ts'
import { readConsequenceSettings } from '../../services/consequences/get-consequence-settings.ts'
import { listConsequences } from '../../services/consequences/list-consequences.ts'
import { listCycleResults } from '../../services/consequences/list-cycle-results.ts'
import {
  getImprovementPlan,
  listImprovementPlans,
} from '../../services/consequences/list-improvement-plans.ts'
import { saveConsequenceSettings } from '../../services/consequences/save-consequence-settings.ts'
import {
  deleteImprovementPlan,
  updateImprovementPlan,
} from '../../services/consequences/update-improvement-plan.ts'
import type { WorkflowDeps } from '../../services/sheets/workflow-deps.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole } from '../require-role.ts'
import { errorResponses, jsonBody, jsonResponse, readSecurity, writeSecurity } from '../route-responses.ts'

// Results and their consequences (结果应用). Who may do what:
//   admin, hr      everything: results, lists, rules, plans (create, change, delete)
//   finance        results (final sheets only), lists and rules (read)
//   supervisor     results, lists and plans of their reporting tree (read); never pay
//   employee       nothing here (their own sheet is under /api/me/sheets)

const readers = () => requireRole('admin', 'hr', 'finance', 'supervisor')
const staff = () => requireRole('admin', 'hr')

const routes = {
  results: createRoute({
    method: 'get',
    path: '/api/cycles/{id}/results',
    tags: ['results'],
    summary: 'A cycle’s results (total, grade, coefficient); finance: final only; supervisor: their tree',
    security: readSecurity,
    middleware: [readers()] as const,
    request: { params: idParamSchema },
    responses: { 200: jsonResponse('Results', cycleResultsSchema), ...errorResponses(400, 401, 403, 404) },
  }),
  lists: createRoute({
    method: 'get',
    path: '/api/consequences',
    tags: ['results'],
    summary:
      'Dismissal review, promotion candidates, improvement candidates, salary-adjustment suggestions of a year',
    security: readSecurity,
    middleware: [readers()] as const,
    request: {
      query: z.object({
        year: z.coerce.number().int().min(2000).max(2100),
        cycleId: z.coerce.number().int().positive().optional().meta({
          description: 'The cycle for the improvement list (default: the latest with final results)',
        }),
      }),
    },
    responses: { 200: jsonResponse('Lists', consequenceListsSchema), ...errorResponses(400, 401, 403) },
  }),
  settings: createRoute({
    method: 'get',
    path: '/api/consequences/settings',
    tags: ['results'],
    summary: 'The consequence rules (defaults from the seeds until changed)',
    security: readSecurity,
    middleware: [readers()] as const,
    responses: { 200: jsonResponse('Rules', consequenceSettingsSchema), ...errorResponses(401, 403) },
  }),
  saveSettings: createRoute({
    method: 'put',
    path: '/api/consequences/settings',
    tags: ['results'],
    summary: 'Change the consequence rules (admin, hr)',
    security: writeSecurity,
    middleware: [staff()] as const,
    request: { body: jsonBody(consequenceSettingsSchema) },
    responses: { 200: jsonResponse('Rules', consequenceSettingsSchema), ...errorResponses(400, 401, 403) },
  }),
  plans: createRoute({
    method: 'get',
    path: '/api/improvement-plans',
    tags: ['results'],
    summary: 'Improvement and training plans (改进/培训计划)',
    security: readSecurity,
    middleware: [requireRole('admin', 'hr', 'supervisor')] as const,
    request: { query: z.object({ employeeId: z.coerce.number().int().positive().optional() }) },
    responses: {
      200: jsonResponse('Plans', z.object({ items: z.array(improvementPlanSchema) })),
      ...errorResponses(400, 401, 403),
    },
  }),
  plan: createRoute({
    method: 'get',
    path: '/api/improvement-plans/{id}',
    tags: ['results'],
    summary: 'One plan',
    security: readSecurity,
    middleware: [requireRole('admin', 'hr', 'supervisor')] as const,
    request: { params: idParamSchema },
    responses: { 200: jsonResponse('Plan', improvementPlanSchema), ...errorResponses(400, 401, 403, 404) },
  }),
  createPlan: createRoute({
    method: 'post',
    path: '/api/improvement-plans',
    tags: ['results'],
    summary: 'Record a plan: goal, owner, due date (admin, hr)',
    security: writeSecurity,
    middleware: [staff()] as const,
    request: { body: jsonBody(improvementPlanInputSchema) },
    responses: { 201: jsonResponse('Created', improvementPlanSchema), ...errorResponses(400, 401, 403, 404) },
  }),
  updatePlan: createRoute({
    method: 'patch',
    path: '/api/improvement-plans/{id}',
    tags: ['results'],
    summary: 'Change a plan: goal, owner, due date, outcome, status (admin, hr)',
    security: writeSecurity,
    middleware: [staff()] as const,
    request: { params: idParamSchema, body: jsonBody(improvementPlanPatchSchema) },
    responses: { 200: jsonResponse('Plan', improvementPlanSchema), ...errorResponses(400, 401, 403, 404) },
  }),
  deletePlan: createRoute({
    method: 'delete',
    path: '/api/improvement-plans/{id}',
    tags: ['results'],
    summary: 'Delete a plan (admin, hr)',
    security: writeSecurity,
    middleware: [staff()] as const,
    request: { params: idParamSchema },
    responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404) },
  }),
}

export function registerConsequenceRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const deps: WorkflowDeps = { db: ctx.db, now: ctx.now }
  app.openapi(routes.results, async (c) =>
    c.json(await listCycleResults(deps, c.get('actor'), c.req.valid('param').id), 200),
  )
  app.openapi(routes.lists, async (c) => {
    const { year, cycleId } = c.req.valid('query')
    return c.json(await listConsequences(deps, c.get('actor'), year, cycleId), 200)
  })
  app.openapi(routes.settings, async (c) =>
    c.json(await readConsequenceSettings(ctx.db, c.get('actor').companyId), 200),
  )
  app.openapi(routes.saveSettings, async (c) =>
    c.json(await saveConsequenceSettings(deps, c.get('actor'), c.req.valid('json')), 200),
  )
  app.openapi(routes.plans, async (c) =>
    c.json({ items: await listImprovementPlans(deps, c.get('actor'), c.req.valid('query')) }, 200),
  )
  app.openapi(routes.plan, async (c) =>
    c.json(await getImprovementPlan(deps, c.get('actor'), c.req.valid('param').id), 200),
  )
  app.openapi(routes.createPlan, async (c) =>
    c.json(await createImprovementPlan(deps, c.get('actor'), c.req.valid('json')), 201),
  )
  app.openapi(routes.updatePlan, async (c) =>
    c.json(
      await updateImprovementPlan(deps, c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  )
  app.openapi(routes.deletePlan, async (c) => {
    await deleteImprovementPlan(deps, c.get('actor'), c.req.valid('param').id)
    return c.body(null, 204)
  })
}
