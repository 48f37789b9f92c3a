import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import {
  simulationRequestSchema,
  simulationStartedSchema,
  simulationStatusSchema,
} from '../../contracts/simulations.ts'
import type { WorkflowDeps } from '../../services/sheets/workflow-deps.ts'
import { getFinishedSimulation, getSimulation } from '../../services/simulations/get-simulation.ts'
import { simulateCycle } from '../../services/simulations/simulate-cycle.ts'
import { writeSimulationXlsx } from '../../services/simulations/write-simulation-xlsx.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole } from '../require-role.ts'
import { errorResponses, jsonBody, jsonResponse, readSecurity, writeSecurity } from '../route-responses.ts'

// What-if simulations (模拟) of a draft template or pay scheme on a finished cycle: start one as a job, read
// its progress and comparison, download it as XLSX. Admin, HR and finance. Nothing stored changes.

const simulators = () => requireRole('admin', 'hr', 'finance')

const pathId = (name: string) =>
  z.coerce
    .number()
    .int()
    .positive()
    .meta({ param: { name, in: 'path' }, example: 1 })

const cycleParams = z.object({ id: pathId('id') })
const simulationParams = z.object({ id: pathId('id'), simulationId: pathId('simulationId') })

const start = createRoute({
  method: 'post',
  path: '/api/cycles/{id}/simulations',
  tags: ['simulations'],
  summary:
    'Simulate a draft template (a saved version or an unsaved definition) and/or a pay scheme on a finished cycle, as a background job',
  security: writeSecurity,
  middleware: [simulators()] as const,
  request: { params: cycleParams, body: jsonBody(simulationRequestSchema) },
  responses: {
    202: jsonResponse('Accepted; follow GET …/simulations/{simulationId}', simulationStartedSchema),
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const getOne = createRoute({
  method: 'get',
  path: '/api/cycles/{id}/simulations/{simulationId}',
  tags: ['simulations'],
  summary:
    'A simulation: progress, and once done every person today → draft, the rules that moved them, department totals',
  security: readSecurity,
  middleware: [simulators()] as const,
  request: { params: simulationParams },
  responses: {
    200: jsonResponse('The simulation', simulationStatusSchema),
    ...errorResponses(400, 401, 403, 404),
  },
})

const download = createRoute({
  method: 'get',
  path: '/api/cycles/{id}/simulations/{simulationId}/export',
  tags: ['simulations'],
  summary: 'A finished simulation as XLSX: one row per person, department totals on a second sheet',
  security: readSecurity,
  middleware: [simulators()] as const,
  request: {
    params: simulationParams,
    query: z.object({ language: z.enum(['zh-CN', 'zh-TW', 'en']).default('zh-CN') }),
  },
  responses: {
    200: {
      description: 'The workbook',
      content: {
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
          schema: z.string().meta({ format: 'binary' }),
        },
      },
    },
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const fileNames = { 'zh-CN': '模拟', 'zh-TW': '模擬', en: 'simulation' } as const

export function registerSimulationRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const deps: WorkflowDeps = { db: ctx.db, now: ctx.now }
  app.openapi(start, async (c) => {
    const started = await simulateCycle(deps, c.get('actor'), c.req.valid('param').id, c.req.valid('json'))
    // The job records its own failure.
    ctx.telemetry
      .trackJob('cycle.simulate', started.completion)
      .catch((error: unknown) => ctx.log.error({ err: error }, 'simulation job failed'))
    return c.json({ simulationId: started.simulationId, jobId: started.jobId }, 202)
  })
  app.openapi(getOne, async (c) => {
    const { id, simulationId } = c.req.valid('param')
    return c.json(await getSimulation(deps, c.get('actor'), id, simulationId), 200)
  })
  app.openapi(download, async (c) => {
    const { id, simulationId } = c.req.valid('param')
    const { language } = c.req.valid('query')
    const simulation = await getFinishedSimulation(deps, c.get('actor'), id, simulationId)
    const bytes = await writeSimulationXlsx(simulation, language)
    const filename = `${fileNames[language]}-${simulation.cycleName}-${simulationId}.xlsx`
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
    })
  })
}
