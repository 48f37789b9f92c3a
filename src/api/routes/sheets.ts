import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { z } from 'zod'
import { idParamSchema } from '../../contracts/organisation.ts'
import {
  overdueListSchema,
  peerReviewSavedSchema,
  peerReviewTaskListSchema,
  sheetDetailSchema,
  sheetListSchema,
  teamQueueSchema,
} from '../../contracts/sheets.ts'
import {
  calibrationInputSchema,
  delegateInputSchema,
  entryInputSchema,
  feedbackInputSchema,
  fileInputSchema,
  peerAssignmentSchema,
  peerReviewInputSchema,
  reasonInputSchema,
  reviewSaveSchema,
  sheetDataInputSchema,
  targetsInputSchema,
  versionInputSchema,
} from '../../contracts/workflow.ts'
import { DomainError } from '../../core/errors.ts'
import type { Actor } from '../../services/auth/actor.ts'
import { addSheetEntry } from '../../services/sheets/add-sheet-entry.ts'
import { assignPeerReviewers } from '../../services/sheets/assign-peer-reviewers.ts'
import { calibrateSheet } from '../../services/sheets/calibrate-sheet.ts'
import { computeSheet } from '../../services/sheets/compute-sheet.ts'
import { confirmTargets } from '../../services/sheets/confirm-targets.ts'
import { delegateReview } from '../../services/sheets/delegate-review.ts'
import { getSheet } from '../../services/sheets/get-sheet.ts'
import { getSheetFile } from '../../services/sheets/get-sheet-file.ts'
import { holdFeedback } from '../../services/sheets/hold-feedback.ts'
import { listMyPeerReviews } from '../../services/sheets/list-my-peer-reviews.ts'
import { listMySheets } from '../../services/sheets/list-my-sheets.ts'
import { listOverdueItems } from '../../services/sheets/list-overdue-items.ts'
import { listTeamQueue } from '../../services/sheets/list-team-queue.ts'
import { reopenSheet } from '../../services/sheets/reopen-sheet.ts'
import { returnSelfReview } from '../../services/sheets/return-self-review.ts'
import { saveSelfReview } from '../../services/sheets/save-self-review.ts'
import { saveSupervisorReview } from '../../services/sheets/save-supervisor-review.ts'
import { setSheetData } from '../../services/sheets/set-sheet-data.ts'
import { setTargets } from '../../services/sheets/set-targets.ts'
import { signSheet } from '../../services/sheets/sign-sheet.ts'
import { startSheet } from '../../services/sheets/start-sheet.ts'
import { submitPeerReview } from '../../services/sheets/submit-peer-review.ts'
import { uploadSheetFile } from '../../services/sheets/upload-sheet-file.ts'
import type { WorkflowDeps } from '../../services/sheets/workflow-deps.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole, requireSignedIn } from '../require-role.ts'
import { errorResponses, jsonBody, jsonResponse, readSecurity, writeSecurity } from '../route-responses.ts'
import {
  toOverdueItems,
  toPeerReviewSaved,
  toPeerReviewTasks,
  toSheetDetail,
  toSheetSummaries,
  toTeamQueue,
} from './sheets-contract-check.ts'

// Appraisal sheets (考核表): "my appraisal", "my team", and every step of the workflow. Every step names the
// sheet version the caller read; a stale one gets 409 with the current sheet in `current`.

const sheetFileParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .meta({ param: { name: 'id', in: 'path' } }),
  fileId: z.coerce
    .number()
    .int()
    .positive()
    .meta({ param: { name: 'fileId', in: 'path' } }),
})

const stepErrors = errorResponses(400, 401, 403, 404, 409, 413)

function sheetStep<B extends z.ZodType>(method: 'post' | 'put', path: string, summary: string, body: B) {
  return createRoute({
    method,
    path: `/api/sheets/{id}/${path}`,
    tags: ['sheets'],
    summary,
    security: writeSecurity,
    middleware: [requireSignedIn()] as const,
    request: { params: idParamSchema, body: jsonBody(body) },
    responses: { 200: jsonResponse('The sheet after the step', sheetDetailSchema), ...stepErrors },
  })
}

const readRoute = <S extends z.ZodType>(path: string, summary: string, schema: S) =>
  createRoute({
    method: 'get',
    path,
    tags: ['sheets'],
    summary,
    security: readSecurity,
    middleware: [requireSignedIn()] as const,
    responses: { 200: jsonResponse(summary, schema), ...errorResponses(401, 403) },
  })

const mySheets = readRoute('/api/me/sheets', 'My appraisal sheets (我的考核)', sheetListSchema)
const myOverdue = readRoute('/api/me/overdue', 'Steps I owe whose due date has passed', overdueListSchema)
const myPeerReviews = readRoute(
  '/api/me/peer-reviews',
  'Peer reviews I owe or gave',
  peerReviewTaskListSchema,
)
const teamQueue = createRoute({
  method: 'get',
  path: '/api/team/queue',
  tags: ['sheets'],
  summary:
    'My team: unfinished sheets I review; one page each of the rest of my reporting tree (read-only) and of final sheets (archived)',
  security: readSecurity,
  middleware: [requireRole('supervisor', 'admin', 'hr')] as const,
  request: {
    query: z.object({
      cycleId: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(200).optional(),
      readOnlyOffset: z.coerce.number().int().min(0).optional(),
      archivedOffset: z.coerce.number().int().min(0).optional(),
    }),
  },
  responses: { 200: jsonResponse('The queue', teamQueueSchema), ...errorResponses(400, 401, 403) },
})

const getOne = createRoute({
  method: 'get',
  path: '/api/sheets/{id}',
  tags: ['sheets'],
  summary: 'One sheet as the caller may see it (peer reviewers stay anonymous to the employee)',
  security: readSecurity,
  middleware: [requireSignedIn()] as const,
  request: { params: idParamSchema },
  responses: { 200: jsonResponse('The sheet', sheetDetailSchema), ...errorResponses(400, 401, 404) },
})

const getFile = createRoute({
  method: 'get',
  path: '/api/sheets/{id}/files/{fileId}',
  tags: ['sheets'],
  summary: 'Download an attachment of a sheet',
  security: readSecurity,
  middleware: [requireSignedIn()] as const,
  request: { params: sheetFileParams },
  responses: { 200: { description: 'The file' }, ...errorResponses(400, 401, 404) },
})

const submitPeer = createRoute({
  method: 'post',
  path: '/api/peer-reviews/{id}',
  tags: ['sheets'],
  summary: 'Submit (or revise before computation) a peer review assigned to me',
  security: writeSecurity,
  middleware: [requireSignedIn()] as const,
  request: { params: idParamSchema, body: jsonBody(peerReviewInputSchema) },
  responses: { 200: jsonResponse('Saved', peerReviewSavedSchema), ...stepErrors },
})

const routes = {
  targets: sheetStep(
    'put',
    'targets',
    'Set targets and weights for the period (clears both confirmations)',
    targetsInputSchema,
  ),
  confirm: sheetStep(
    'post',
    'confirm-targets',
    'Confirm the targets (employee or reviewer)',
    versionInputSchema,
  ),
  start: sheetStep('post', 'start', 'Start the period (targets agreed → in progress)', versionInputSchema),
  entries: sheetStep(
    'post',
    'entries',
    'Add a dated work record (employee) or observation (reviewer)',
    entryInputSchema,
  ),
  files: sheetStep('post', 'files', 'Upload a small attachment (≤ 2 MB, base64)', fileInputSchema),
  selfReview: sheetStep('put', 'self-review', 'Save or submit the self review', reviewSaveSchema),
  returnSelf: sheetStep(
    'post',
    'return-self-review',
    'Send the self review back (reviewer, HR)',
    reasonInputSchema,
  ),
  supervisorReview: sheetStep(
    'put',
    'supervisor-review',
    'Save or submit the supervisor review',
    reviewSaveSchema,
  ),
  peers: sheetStep('put', 'peers', 'Choose peer reviewers (reviewer, HR)', peerAssignmentSchema),
  data: sheetStep(
    'put',
    'data',
    'Enter actuals, adjustments and the sampling component (reviewer, HR)',
    sheetDataInputSchema,
  ),
  compute: sheetStep('post', 'compute', 'Compute the score (HR, admin)', versionInputSchema),
  calibrate: sheetStep(
    'post',
    'calibrate',
    'Adjust the total before sign-off, with a reason (HR)',
    calibrationInputSchema,
  ),
  feedback: sheetStep('post', 'feedback', 'Record the feedback meeting (reviewer)', feedbackInputSchema),
  sign: sheetStep('post', 'sign', 'Sign the result (employee); the appeal window opens', versionInputSchema),
  reopen: sheetStep('post', 'reopen', 'Reopen a final sheet, with a reason (admin)', reasonInputSchema),
  delegate: sheetStep('post', 'delegate', 'Delegate the review to another supervisor', delegateInputSchema),
}

/** Runs a step and answers with the sheet; a version conflict answers 409 with the current sheet. */
export async function answerWithSheet(
  c: Context<AppEnv>,
  deps: WorkflowDeps,
  actor: Actor,
  sheetId: number,
  step: () => Promise<unknown>,
) {
  try {
    await step()
  } catch (error) {
    if (error instanceof DomainError && error.code === 'conflict' && error.details?.sheetId === sheetId) {
      const current = toSheetDetail(await getSheet(deps, actor, sheetId))
      return c.json(
        { error: { code: error.code, message: error.message, issues: error.issues }, current },
        409,
      )
    }
    throw error
  }
  return c.json(toSheetDetail(await getSheet(deps, actor, sheetId)), 200)
}

export function registerSheetRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const deps: WorkflowDeps = { db: ctx.db, now: ctx.now }
  app.openapi(mySheets, async (c) =>
    c.json({ items: toSheetSummaries(await listMySheets(deps, c.get('actor'))) }, 200),
  )
  app.openapi(myOverdue, async (c) =>
    c.json({ items: toOverdueItems(await listOverdueItems(deps, c.get('actor'))) }, 200),
  )
  app.openapi(myPeerReviews, async (c) =>
    c.json({ items: toPeerReviewTasks(await listMyPeerReviews(deps, c.get('actor'))) }, 200),
  )
  app.openapi(teamQueue, async (c) =>
    c.json(toTeamQueue(await listTeamQueue(deps, c.get('actor'), c.req.valid('query'))), 200),
  )
  app.openapi(getOne, async (c) =>
    c.json(toSheetDetail(await getSheet(deps, c.get('actor'), c.req.valid('param').id)), 200),
  )
  app.openapi(getFile, async (c) => {
    const { id, fileId } = c.req.valid('param')
    const file = await getSheetFile(deps, c.get('actor'), id, fileId)
    return c.body(new Uint8Array(file.data), 200, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    })
  })
  app.openapi(submitPeer, async (c) =>
    c.json(
      toPeerReviewSaved(
        await submitPeerReview(deps, c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
      ),
      200,
    ),
  )

  // Every step: the caller, the sheet id from the path, then the service; the answer is the sheet.
  const answerStep = (c: Context<AppEnv>, run: (actor: Actor, id: number) => Promise<unknown>) => {
    const actor = c.get('actor')
    const id = Number(c.req.param('id'))
    return answerWithSheet(c, deps, actor, id, () => run(actor, id))
  }

  app.openapi(routes.targets, (c) => answerStep(c, (a, id) => setTargets(deps, a, id, c.req.valid('json'))))
  app.openapi(routes.confirm, (c) =>
    answerStep(c, (a, id) => confirmTargets(deps, a, id, c.req.valid('json').expectedVersion)),
  )
  app.openapi(routes.start, (c) =>
    answerStep(c, (a, id) => startSheet(deps, a, id, c.req.valid('json').expectedVersion)),
  )
  app.openapi(routes.entries, (c) =>
    answerStep(c, (a, id) => addSheetEntry(deps, a, id, c.req.valid('json'))),
  )
  app.openapi(routes.files, (c) =>
    answerStep(c, (a, id) => uploadSheetFile(deps, a, id, c.req.valid('json'))),
  )
  app.openapi(routes.selfReview, (c) =>
    answerStep(c, (a, id) => saveSelfReview(deps, a, id, c.req.valid('json'))),
  )
  app.openapi(routes.returnSelf, (c) =>
    answerStep(c, (a, id) => returnSelfReview(deps, a, id, c.req.valid('json'))),
  )
  app.openapi(routes.supervisorReview, (c) =>
    answerStep(c, (a, id) => saveSupervisorReview(deps, a, id, c.req.valid('json'))),
  )
  app.openapi(routes.peers, (c) =>
    answerStep(c, (a, id) => assignPeerReviewers(deps, a, id, c.req.valid('json'))),
  )
  app.openapi(routes.data, (c) =>
    answerStep(c, (a, id) => {
      const b = c.req.valid('json')
      return setSheetData(deps, a, a.companyId, id, {
        ...b,
        sampling: b.sampling === undefined ? undefined : b.sampling === null ? null : { ...b.sampling },
      })
    }),
  )
  app.openapi(routes.compute, (c) =>
    answerStep(c, (a, id) => computeSheet(deps, a, a.companyId, id, c.req.valid('json').expectedVersion)),
  )
  app.openapi(routes.calibrate, (c) =>
    answerStep(c, (a, id) => calibrateSheet(deps, a, id, c.req.valid('json'))),
  )
  app.openapi(routes.feedback, (c) =>
    answerStep(c, (a, id) => holdFeedback(deps, a, id, c.req.valid('json'))),
  )
  app.openapi(routes.sign, (c) =>
    answerStep(c, (a, id) => signSheet(deps, a, id, c.req.valid('json').expectedVersion)),
  )
  app.openapi(routes.reopen, (c) => answerStep(c, (a, id) => reopenSheet(deps, a, id, c.req.valid('json'))))
  app.openapi(routes.delegate, (c) =>
    answerStep(c, (a, id) => delegateReview(deps, a, id, c.req.valid('json'))),
  )
}
