import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import {
  cycleBoardSchema,
  cycleCalibrationSchema,
  cycleListSchema,
  cycleSchema,
  openedCycleSchema,
  quotaExceptionInputSchema,
} from '../../contracts/cycles.ts'
import { idParamSchema } from '../../contracts/organisation.ts'
import { sheetListSchema } from '../../contracts/sheets.ts'
import { cycleInputSchema, cycleSettingsSchema, jobSchema } from '../../contracts/workflow.ts'
import { computeCycle } from '../../services/cycles/compute-cycle.ts'
import { getCalibration } from '../../services/cycles/get-calibration.ts'
import { getCycle } from '../../services/cycles/get-cycle.ts'
import { getCycleBoard } from '../../services/cycles/get-cycle-board.ts'
import { getJob } from '../../services/cycles/get-job.ts'
import { listCycleSheets } from '../../services/cycles/list-cycle-sheets.ts'
import { listCycles } from '../../services/cycles/list-cycles.ts'
import { openCycle } from '../../services/cycles/open-cycle.ts'
import { recordQuotaException } from '../../services/cycles/record-quota-exception.ts'
import { sweepDueSheets } from '../../services/cycles/sweep-due-sheets.ts'
import { updateCycleSettings } from '../../services/cycles/update-cycle-settings.ts'
import type { WorkflowDeps } from '../../services/sheets/workflow-deps.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole } from '../require-role.ts'
import { errorResponses, jsonBody, jsonResponse, readSecurity, writeSecurity } from '../route-responses.ts'
import { toSheetSummaries } from './sheets-contract-check.ts'

// Appraisal cycles (考核周期): open one as a background job, follow its progress, compute it, the HR board
// and calibration. Admin and HR only.

const staff = () => requireRole('admin', 'hr')

const list = createRoute({
  method: 'get',
  path: '/api/cycles',
  tags: ['cycles'],
  summary: 'The company’s cycles',
  security: readSecurity,
  middleware: [staff()] as const,
  responses: {
    200: jsonResponse('Cycles', cycleListSchema),
    ...errorResponses(401, 403),
  },
})

const open = createRoute({
  method: 'post',
  path: '/api/cycles',
  tags: ['cycles'],
  summary: 'Open a cycle: the sheets are created by a background job (see GET /api/jobs/{id})',
  security: writeSecurity,
  middleware: [staff()] as const,
  request: { body: jsonBody(cycleInputSchema) },
  responses: {
    202: jsonResponse('Accepted', openedCycleSchema),
    ...errorResponses(400, 401, 403, 409, 413),
  },
})

const getOne = createRoute({
  method: 'get',
  path: '/api/cycles/{id}',
  tags: ['cycles'],
  summary: 'One cycle',
  security: readSecurity,
  middleware: [staff()] as const,
  request: { params: idParamSchema },
  responses: { 200: jsonResponse('The cycle', cycleSchema), ...errorResponses(400, 401, 403, 404) },
})

const settings = createRoute({
  method: 'patch',
  path: '/api/cycles/{id}/settings',
  tags: ['cycles'],
  summary: 'Change appeal window, investigation days, grade quotas, roll-up weights',
  security: writeSecurity,
  middleware: [staff()] as const,
  request: { params: idParamSchema, body: jsonBody(cycleSettingsSchema) },
  responses: { 200: jsonResponse('The cycle', cycleSchema), ...errorResponses(400, 401, 403, 404, 409) },
})

const compute = createRoute({
  method: 'post',
  path: '/api/cycles/{id}/compute',
  tags: ['cycles'],
  summary: 'Compute every sheet whose supervisor review is in, as a background job',
  security: writeSecurity,
  middleware: [staff()] as const,
  request: { params: idParamSchema },
  responses: {
    202: jsonResponse('Accepted', z.object({ jobId: z.number() })),
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const board = createRoute({
  method: 'get',
  path: '/api/cycles/{id}/board',
  tags: ['cycles'],
  summary: 'HR board: progress by stage and department, overdue steps, open appeals',
  security: readSecurity,
  middleware: [staff()] as const,
  request: { params: idParamSchema },
  responses: { 200: jsonResponse('The board', cycleBoardSchema), ...errorResponses(400, 401, 403, 404) },
})

const calibration = createRoute({
  method: 'get',
  path: '/api/cycles/{id}/calibration',
  tags: ['cycles'],
  summary: 'Score distribution by department and grade-quota violations (强制分布)',
  security: readSecurity,
  middleware: [staff()] as const,
  request: { params: idParamSchema },
  responses: {
    200: jsonResponse('Calibration', cycleCalibrationSchema),
    ...errorResponses(400, 401, 403, 404),
  },
})

const quotaException = createRoute({
  method: 'post',
  path: '/api/cycles/{id}/quota-exceptions',
  tags: ['cycles'],
  summary: 'Let a department pass over the cycle’s enforced grade quotas, with a reason (强制分布例外)',
  security: writeSecurity,
  middleware: [staff()] as const,
  request: { params: idParamSchema, body: jsonBody(quotaExceptionInputSchema) },
  responses: { 201: jsonResponse('The cycle', cycleSchema), ...errorResponses(400, 401, 403, 404) },
})

const sheets = createRoute({
  method: 'get',
  path: '/api/cycles/{id}/sheets',
  tags: ['cycles'],
  summary: 'The sheets of a cycle, optionally by state or department',
  security: readSecurity,
  middleware: [staff()] as const,
  request: {
    params: idParamSchema,
    query: z.object({
      state: z.string().max(40).optional(),
      departmentId: z.coerce.number().int().positive().optional(),
    }),
  },
  responses: {
    200: jsonResponse('Sheets', sheetListSchema),
    ...errorResponses(400, 401, 403),
  },
})

const sweep = createRoute({
  method: 'post',
  path: '/api/cycles/sweep',
  tags: ['cycles'],
  summary: 'Finalise sheets whose appeal window passed with no appeal',
  security: writeSecurity,
  middleware: [staff()] as const,
  responses: {
    200: jsonResponse('Finalised', z.object({ finalized: z.array(z.number()) })),
    ...errorResponses(401, 403),
  },
})

const job = createRoute({
  method: 'get',
  path: '/api/jobs/{id}',
  tags: ['cycles'],
  summary: 'A background job: status, progress done/total, error, result',
  security: readSecurity,
  middleware: [staff()] as const,
  request: { params: idParamSchema },
  responses: { 200: jsonResponse('The job', jobSchema), ...errorResponses(400, 401, 403, 404) },
})

function logFailure(ctx: AppContext, what: string) {
  return (error: unknown) => ctx.log.error({ err: error }, `${what} failed`)
}

export function registerCycleRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const deps: WorkflowDeps = { db: ctx.db, now: ctx.now }
  app.openapi(list, async (c) => c.json({ items: await listCycles(deps, c.get('actor')) }, 200))
  app.openapi(open, async (c) => {
    const opened = await openCycle(deps, c.get('actor'), c.req.valid('json'))
    // The job records its own failure; never leave a rejected promise behind.
    ctx.telemetry.trackJob('cycle.open', opened.completion).catch(logFailure(ctx, 'cycle open job'))
    return c.json({ cycle: opened.cycle, jobId: opened.jobId, warnings: opened.warnings }, 202)
  })
  app.openapi(getOne, async (c) => c.json(await getCycle(deps, c.get('actor'), c.req.valid('param').id), 200))
  app.openapi(settings, async (c) =>
    c.json(
      await updateCycleSettings(deps, c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  )
  app.openapi(compute, async (c) => {
    const started = await computeCycle(deps, c.get('actor'), c.req.valid('param').id)
    ctx.telemetry.trackJob('cycle.compute', started.completion).catch(logFailure(ctx, 'cycle compute job'))
    return c.json({ jobId: started.jobId }, 202)
  })
  app.openapi(board, async (c) =>
    c.json(await getCycleBoard(deps, c.get('actor'), c.req.valid('param').id), 200),
  )
  app.openapi(calibration, async (c) =>
    c.json(await getCalibration(deps, c.get('actor'), c.req.valid('param').id), 200),
  )
  app.openapi(quotaException, async (c) =>
    c.json(
      await recordQuotaException(deps, c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
      201,
    ),
  )
  app.openapi(sheets, async (c) => {
    const items = await listCycleSheets(deps, c.get('actor'), c.req.valid('param').id, c.req.valid('query'))
    return c.json({ items: toSheetSummaries(items) }, 200)
  })
  app.openapi(sweep, async (c) => c.json(await sweepDueSheets(deps, c.get('actor').companyId), 200))
  app.openapi(job, async (c) => c.json(await getJob(deps, c.get('actor'), c.req.valid('param').id), 200))
}
