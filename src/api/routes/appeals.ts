import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { JSONParsed } from 'hono/utils/types'
import { z } from 'zod'
import { appealDetailSchema } from '../../contracts/appeal-detail.ts'
import {
  type appealFieldsSchema,
  appealHandlerSchema,
  appealSummaryListSchema,
} from '../../contracts/appeals.ts'
import { idParamSchema } from '../../contracts/organisation.ts'
import { sheetDetailSchema } from '../../contracts/sheets.ts'
import {
  appealInputSchema,
  appealNoteSchema,
  appealRulingSchema,
  appealTakeUpSchema,
} from '../../contracts/workflow.ts'
import { addAppealNote } from '../../services/appeals/add-appeal-note.ts'
import { fileAppeal } from '../../services/appeals/file-appeal.ts'
import { getAppeal } from '../../services/appeals/get-appeal.ts'
import { listAppealHandlers } from '../../services/appeals/list-appeal-handlers.ts'
import { listAppeals } from '../../services/appeals/list-appeals.ts'
import { ruleAppeal } from '../../services/appeals/rule-appeal.ts'
import { takeUpAppeal } from '../../services/appeals/take-up-appeal.ts'
import type { WorkflowDeps } from '../../services/sheets/workflow-deps.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole, requireSignedIn } from '../require-role.ts'
import { errorResponses, jsonBody, jsonResponse, readSecurity, writeSecurity } from '../route-responses.ts'
import { answerWithSheet } from './sheets.ts'

// Appeals (申诉): the employee files within the window; HR takes it up, investigates and rules.

const file = createRoute({
  method: 'post',
  path: '/api/sheets/{id}/appeals',
  tags: ['appeals'],
  summary: 'File an appeal against a signed sheet within the appeal window (employee)',
  security: writeSecurity,
  middleware: [requireSignedIn()] as const,
  request: { params: idParamSchema, body: jsonBody(appealInputSchema) },
  responses: {
    200: jsonResponse('The sheet', sheetDetailSchema),
    ...errorResponses(400, 401, 403, 404, 409, 413),
  },
})

const list = createRoute({
  method: 'get',
  path: '/api/appeals',
  tags: ['appeals'],
  summary: 'Appeals queue (HR, admin) or my own appeals',
  security: readSecurity,
  middleware: [requireSignedIn()] as const,
  request: {
    query: z.object({
      status: z.enum(['filed', 'investigating', 'ruled']).optional(),
      cycleId: z.coerce.number().int().positive().optional(),
    }),
  },
  responses: {
    200: jsonResponse('Appeals', appealSummaryListSchema),
    ...errorResponses(400, 401, 403),
  },
})

const getOne = createRoute({
  method: 'get',
  path: '/api/appeals/{id}',
  tags: ['appeals'],
  summary: 'One appeal with its sheet',
  security: readSecurity,
  middleware: [requireSignedIn()] as const,
  request: { params: idParamSchema },
  responses: { 200: jsonResponse('The appeal', appealDetailSchema), ...errorResponses(400, 401, 404) },
})

const handlers = createRoute({
  method: 'get',
  path: '/api/appeal-handlers',
  tags: ['appeals'],
  summary: 'HR users who may handle an appeal (take-up), by name (HR, admin)',
  security: readSecurity,
  middleware: [requireRole('hr', 'admin')] as const,
  responses: {
    200: jsonResponse(
      'Handlers',
      z.strictObject({ items: z.array(appealHandlerSchema) }).meta({ id: 'AppealHandlers' }),
    ),
    ...errorResponses(401, 403),
  },
})

const hrStep = <B extends z.ZodType>(path: string, summary: string, body: B) =>
  createRoute({
    method: 'post',
    path: `/api/appeals/{id}/${path}`,
    tags: ['appeals'],
    summary,
    security: writeSecurity,
    middleware: [requireRole('hr')] as const,
    request: { params: idParamSchema, body: jsonBody(body) },
    responses: {
      200: jsonResponse('The appeal', appealDetailSchema),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  })

const takeUp = hrStep(
  'take-up',
  'Take up the appeal: handler and deadline in working days (HR)',
  appealTakeUpSchema,
)
const note = hrStep('notes', 'Add an investigation note (HR)', appealNoteSchema)
const ruling = hrStep(
  'ruling',
  'Rule: upheld / partly upheld with changed inputs (recomputes), or rejected; the sheet becomes final',
  appealRulingSchema,
)

export function registerAppealRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const deps: WorkflowDeps = { db: ctx.db, now: ctx.now }
  app.openapi(file, async (c) => {
    const actor = c.get('actor')
    const id = c.req.valid('param').id
    const body = c.req.valid('json')
    return answerWithSheet(c, deps, actor, id, () => fileAppeal(deps, actor, id, body))
  })
  app.openapi(list, async (c) => {
    const { status, cycleId } = c.req.valid('query')
    return c.json(
      { items: await listAppeals(deps, c.get('actor'), { status: status ? [status] : undefined, cycleId }) },
      200,
    )
  })
  app.openapi(handlers, async (c) => c.json({ items: await listAppealHandlers(deps, c.get('actor')) }, 200))
  app.openapi(getOne, async (c) =>
    c.json(await getAppeal(deps, c.get('actor'), c.req.valid('param').id), 200),
  )
  app.openapi(takeUp, async (c) => {
    const id = c.req.valid('param').id
    await takeUpAppeal(deps, c.get('actor'), id, c.req.valid('json'))
    return c.json(await getAppeal(deps, c.get('actor'), id), 200)
  })
  app.openapi(note, async (c) => {
    const id = c.req.valid('param').id
    await addAppealNote(deps, c.get('actor'), id, c.req.valid('json').note)
    return c.json(await getAppeal(deps, c.get('actor'), id), 200)
  })
  app.openapi(ruling, async (c) => {
    const id = c.req.valid('param').id
    await ruleAppeal(deps, c.get('actor'), id, c.req.valid('json'))
    return c.json(await getAppeal(deps, c.get('actor'), id), 200)
  })
}

// Compile-time check: the appeal services' answers, as JSON, are exactly what the appeal contracts describe.
type Interchangeable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Sent<F extends (...args: never[]) => unknown> = JSONParsed<Awaited<ReturnType<F>>>
export const appealContractsHold: [
  Interchangeable<Sent<typeof listAppeals>, JSONParsed<z.infer<typeof appealSummaryListSchema>['items']>>,
  // The sheet in it is GET /api/sheets/{id}'s answer, checked in sheets-contract-check.ts.
  Interchangeable<Omit<Sent<typeof getAppeal>, 'sheet'>, JSONParsed<z.infer<typeof appealFieldsSchema>>>,
  Interchangeable<Sent<typeof listAppealHandlers>, JSONParsed<z.infer<typeof appealHandlerSchema>[]>>,
] = [true, true, true]
