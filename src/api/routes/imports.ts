import { Readable } from 'node:stream'
import { createRoute, type OpenAPIHono, type RouteHandler } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { z } from 'zod'
import { saveImportMappingSchema } from '../../contracts/ingest.ts'
import {
  factKindInfoSchema,
  importHistoryItemSchema,
  importJobFailureSchema,
  importJobSchema,
  importMappingSchema,
  importPresetSchema,
  jobIdParamSchema,
  uploadIdParamSchema,
  uploadImportOptionsSchema,
  uploadProblemSchema,
  uploadQuerySchema,
  uploadReadOptionsSchema,
  uploadSchema,
} from '../../contracts/ingest-api.ts'
import { idParamSchema } from '../../contracts/organisation.ts'
import { DomainError, type DomainErrorCode } from '../../core/errors.ts'
import { createImportJobsFor, type ImportJob, type ImportJobs } from '../../services/ingest/import-jobs.ts'
import { createUploadStore } from '../../services/ingest/import-uploads.ts'
import { listImportHistory } from '../../services/ingest/list-import-history.ts'
import { listImportMappings } from '../../services/ingest/list-import-mappings.ts'
import { listFactKinds, listImportPresets } from '../../services/ingest/list-import-presets.ts'
import { saveImportMapping } from '../../services/ingest/save-import-mapping.ts'
import { undoImport } from '../../services/ingest/undo-import.ts'
import {
  inspectUpload,
  receiveUpload,
  startUploadImport,
  type UploadAnswer,
} from '../../services/ingest/upload-import.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { errorBody, statusByCode } from '../http-errors.ts'
import { requireRole } from '../require-role.ts'
import {
  errorResponses,
  errorResponsesOf,
  jsonBody,
  jsonResponse,
  readSecurity,
  writeSecurity,
} from '../route-responses.ts'

// Shop data import over HTTP (数据导入): upload a file as the raw request body (streamed to a temp file),
// see the detected preset, encoding, header mapping and preview, validate and import as jobs with progress
// and cancel, the import history with undo, presets and saved column mappings. HR and admin; finance reads history.

/** Largest upload, in bytes (create-app gives this route a matching body limit). */
export const maxUploadBytes = 200 * 1024 * 1024

const staff = () => requireRole('admin', 'hr')
const readers = () => requireRole('admin', 'hr', 'finance')
const tags = ['imports']

const upload = createRoute({
  method: 'post',
  path: '/api/imports/uploads',
  tags,
  summary:
    'Upload an export (CSV or XLSX, ≤ 200 MB) as the raw body; answers with the detected preset, encoding, header mapping and a preview. A header no preset knows answers 400 with `upload` (overrides can be tried with GET /api/imports/uploads/{id})',
  security: writeSecurity,
  middleware: [staff()] as const,
  request: {
    query: uploadQuerySchema,
    body: {
      required: true,
      content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
    },
  },
  responses: {
    201: jsonResponse('Stored and analysed', uploadSchema),
    ...errorResponsesOf(uploadProblemSchema, 400),
    ...errorResponses(401, 403, 413),
  },
})

const inspect = createRoute({
  method: 'get',
  path: '/api/imports/uploads/{id}',
  tags,
  summary: 'Analyse an upload again with overrides (preset, encoding, kind, saved mapping)',
  security: readSecurity,
  middleware: [staff()] as const,
  request: { params: uploadIdParamSchema, query: uploadReadOptionsSchema },
  responses: {
    200: jsonResponse('The analysis', uploadSchema),
    ...errorResponsesOf(uploadProblemSchema, 400),
    ...errorResponses(401, 403, 404, 410),
  },
})

const discard = createRoute({
  method: 'delete',
  path: '/api/imports/uploads/{id}',
  tags,
  summary: 'Discard an upload',
  security: writeSecurity,
  middleware: [staff()] as const,
  request: { params: uploadIdParamSchema },
  responses: { 204: { description: 'Discarded' }, ...errorResponses(401, 403, 404, 410) },
})

const waitQuery = z.object({
  wait: z.enum(['true', 'false']).optional().meta({
    description: 'true: answer when the job has finished (201/200, or its error status with `job`)',
  }),
})

/** The statuses a failed job answers with while the request waits: its error code's, 409 cancelled, 500 internal. */
type JobFailureStatus = (typeof statusByCode)[DomainErrorCode] | 409 | 500
const jobFailureStatuses = [400, 401, 403, 404, 409, 410, 413, 422, 429, 500, 502] as const
const everyJobFailureStatusListed: Exclude<
  JobFailureStatus,
  (typeof jobFailureStatuses)[number]
> extends never
  ? true
  : false = true
void everyJobFailureStatusListed

const jobStart = (action: 'validate' | 'import', summary: string) =>
  createRoute({
    method: 'post',
    path: `/api/imports/uploads/{id}/${action}`,
    tags,
    summary,
    security: writeSecurity,
    middleware: [staff()] as const,
    request: { params: uploadIdParamSchema, query: waitQuery, body: jsonBody(uploadImportOptionsSchema) },
    responses: {
      202: jsonResponse('Started; poll GET /api/imports/jobs/{id}', importJobSchema),
      200: jsonResponse('Finished (wait=true)', importJobSchema),
      201: jsonResponse('Imported (wait=true)', importJobSchema),
      // with wait=true a failed job answers its error's status, with the job beside the error
      ...errorResponsesOf(importJobFailureSchema, ...jobFailureStatuses),
    },
  })

const validate = jobStart(
  'validate',
  'Validate an upload as a job: every check of the import, nothing written; errors name row, column and value',
)
const runImport = jobStart(
  'import',
  'Import an upload as a job, all or nothing; the same file again changes nothing',
)

const getJob = createRoute({
  method: 'get',
  path: '/api/imports/jobs/{id}',
  tags,
  summary: 'An import or validation job: status, progress, result or errors',
  security: readSecurity,
  middleware: [staff()] as const,
  request: { params: jobIdParamSchema },
  responses: { 200: jsonResponse('The job', importJobSchema), ...errorResponses(401, 403, 404, 410) },
})

const cancelJob = createRoute({
  method: 'post',
  path: '/api/imports/jobs/{id}/cancel',
  tags,
  summary: 'Cancel a running job; its transaction rolls back and nothing is imported',
  security: writeSecurity,
  middleware: [staff()] as const,
  request: { params: jobIdParamSchema },
  responses: { 200: jsonResponse('The job', importJobSchema), ...errorResponses(401, 403, 404, 409, 410) },
})

const history = createRoute({
  method: 'get',
  path: '/api/imports',
  tags,
  summary: 'Import history, newest first: who, when, file, hash, rows, period, preset, outcome',
  security: readSecurity,
  middleware: [readers()] as const,
  request: {
    query: z.object({ status: z.enum(['completed', 'undone', 'failed']).optional() }),
  },
  responses: {
    200: jsonResponse('History', z.object({ items: z.array(importHistoryItemSchema) })),
    ...errorResponses(400, 401, 403),
  },
})

const undo = createRoute({
  method: 'post',
  path: '/api/imports/{id}/undo',
  tags,
  summary: 'Undo a completed import: its rows go, the rows it replaced come back (audited)',
  security: writeSecurity,
  middleware: [staff()] as const,
  request: { params: idParamSchema },
  responses: {
    200: jsonResponse('Undone', z.object({ importId: z.number().int(), removedRows: z.number().int() })),
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const listPresets = createRoute({
  method: 'get',
  path: '/api/imports/presets',
  tags,
  summary: 'The mapping presets (platform exports and generic files)',
  security: readSecurity,
  middleware: [readers()] as const,
  responses: {
    200: jsonResponse('Presets', z.object({ items: z.array(importPresetSchema) })),
    ...errorResponses(401, 403),
  },
})

const listKinds = createRoute({
  method: 'get',
  path: '/api/imports/kinds',
  tags,
  summary: 'The fact kinds and their columns, for building a column mapping',
  security: readSecurity,
  middleware: [readers()] as const,
  responses: {
    200: jsonResponse('Fact kinds', z.object({ items: z.array(factKindInfoSchema) })),
    ...errorResponses(401, 403),
  },
})

const listMappings = createRoute({
  method: 'get',
  path: '/api/imports/mappings',
  tags,
  summary: 'The company’s saved column mappings',
  security: readSecurity,
  middleware: [staff()] as const,
  responses: {
    200: jsonResponse('Mappings', z.object({ items: z.array(importMappingSchema) })),
    ...errorResponses(401, 403),
  },
})

const saveMapping = createRoute({
  method: 'put',
  path: '/api/imports/mappings',
  tags,
  summary: 'Save (or replace) a named column mapping: fact column → header text (audited)',
  security: writeSecurity,
  middleware: [staff()] as const,
  request: { body: jsonBody(saveImportMappingSchema) },
  responses: {
    200: jsonResponse('Saved', z.object({ id: z.number().int() })),
    ...errorResponses(400, 401, 403),
  },
})

export function registerImportRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const db = ctx.db
  const uploads = createUploadStore({ dir: ctx.uploadDir, maxBytes: maxUploadBytes })
  let jobs: ImportJobs | undefined
  const jobsOf = (): ImportJobs => {
    jobs ??= createImportJobsFor(db, ctx.log)
    return jobs
  }

  /** The upload and its analysis; a header no preset knows answers 400 with the upload, so overrides can follow. */
  const answerUpload = <S extends 200 | 201>(c: Context<AppEnv>, answer: UploadAnswer, status: S) => {
    if (answer.problem)
      return c.json(
        {
          ...errorBody('invalid_input', answer.problem.message, answer.problem.issues),
          upload: answer.upload,
        },
        400,
      )
    return c.json(answer.upload, status)
  }

  const answerJob = async (
    c: Context<AppEnv>,
    started: { job: ImportJob; done: Promise<ImportJob> },
    wait: boolean,
  ) => {
    if (!wait) {
      started.done.catch(() => undefined)
      return c.json(started.job, 202)
    }
    const job = await started.done
    if (job.status === 'succeeded') return c.json(job, job.mode === 'import' ? 201 : 200)
    const code = (job.error?.code ?? 'invalid_input') as DomainErrorCode | 'cancelled' | 'internal'
    const status: JobFailureStatus =
      code === 'cancelled' ? 409 : code === 'internal' ? 500 : (statusByCode[code] ?? 400)
    return c.json(
      { ...errorBody(code, job.error?.message ?? 'failed', job.error?.issues ?? []), job },
      status,
    )
  }

  app.openapi(upload, async (c) => {
    const actor = c.get('actor')
    const query = uploadQuerySchema.parse(c.req.query())
    const body = c.req.raw.body
    if (!body)
      throw new DomainError('invalid_input', 'the request has no body; send the file as the raw body', [
        { path: 'body', message: 'missing' },
      ])
    const answer = await receiveUpload(
      { db, uploads },
      {
        companyId: actor.companyId,
        userId: actor.userId,
        fileName: query.fileName,
        body: Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>),
        options: query,
      },
    )
    return answerUpload(c, answer, 201)
  })

  app.openapi(inspect, async (c) => {
    const answer = await inspectUpload(
      { db, uploads },
      {
        companyId: c.get('actor').companyId,
        uploadId: c.req.param('id') as string,
        options: uploadReadOptionsSchema.parse(c.req.query()),
      },
    )
    return answerUpload(c, answer, 200)
  })

  app.openapi(discard, async (c) => {
    const stored = uploads.get(c.get('actor').companyId, c.req.valid('param').id)
    await uploads.remove(stored.id)
    return c.body(null, 204)
  })

  const startJob =
    (mode: 'validate' | 'import'): RouteHandler<typeof validate, AppEnv> =>
    async (c) => {
      const actor = c.get('actor')
      const uploadId = c.req.param('id')
      // the upload first: an unknown or expired one answers 404/410 before its options are read
      uploads.get(actor.companyId, uploadId)
      const options = uploadImportOptionsSchema.parse(await c.req.json())
      const wait = c.req.query('wait') === 'true'
      const started = await startUploadImport(
        { db, uploads, jobs: jobsOf() },
        { companyId: actor.companyId, userId: actor.userId, uploadId, options, mode },
      )
      // Timed in /metrics; the rows of an import that wrote them counted there too.
      const done = ctx.telemetry
        .trackJob(`import.${mode}`, started.done, (job) =>
          job.status === 'running' ? 'succeeded' : job.status,
        )
        .then((job) => {
          if (job.status === 'succeeded' && job.result?.status !== 'unchanged')
            ctx.telemetry.countImportRows(mode, job.result?.rows ?? 0)
          return job
        })
      return answerJob(c, { job: started.job, done }, wait)
    }

  app.openapi(validate, startJob('validate'))
  app.openapi(runImport, startJob('import'))

  app.openapi(getJob, async (c) =>
    c.json(jobsOf().get(c.get('actor').companyId, c.req.valid('param').id), 200),
  )
  app.openapi(cancelJob, async (c) =>
    c.json(jobsOf().cancel(c.get('actor').companyId, c.req.valid('param').id), 200),
  )

  app.openapi(history, async (c) => {
    const items = await listImportHistory(
      { db },
      {
        companyId: c.get('actor').companyId,
        status: c.req.valid('query').status,
      },
    )
    return c.json({ items }, 200)
  })

  app.openapi(undo, async (c) => {
    const actor = c.get('actor')
    const importId = c.req.valid('param').id
    const result = await undoImport(
      { db },
      { companyId: actor.companyId, importId, actorUserId: actor.userId },
    )
    return c.json(result, 200)
  })

  app.openapi(listPresets, async (c) => c.json({ items: listImportPresets() }, 200))

  app.openapi(listKinds, async (c) => c.json({ items: listFactKinds() }, 200))

  app.openapi(listMappings, async (c) =>
    c.json({ items: await listImportMappings({ db }, { companyId: c.get('actor').companyId }) }, 200),
  )

  app.openapi(saveMapping, async (c) => {
    const actor = c.get('actor')
    const saved = await saveImportMapping(
      { db },
      { ...c.req.valid('json'), companyId: actor.companyId, actorUserId: actor.userId },
    )
    return c.json(saved, 200)
  })
}
