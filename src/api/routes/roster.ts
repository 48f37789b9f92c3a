import { Readable } from 'node:stream'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import {
  rosterApplyInputSchema,
  rosterApplyResultSchema,
  rosterPreviewSchema,
} from '../../contracts/roster.ts'
import { createUploadStore } from '../../services/ingest/import-uploads.ts'
import { applyRosterImport } from '../../services/roster/apply-roster-import.ts'
import { streamRosterExport, xlsxContentType } from '../../services/roster/export-roster.ts'
import { type PreparedRoster, prepareRosterImport } from '../../services/roster/preview-roster-import.ts'
import { rosterLimits } from '../../services/roster/read-roster-file.ts'
import { writeRosterTemplate } from '../../services/roster/write-roster-template.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole } from '../require-role.ts'
import { errorResponses, jsonBody, jsonResponse, readSecurity, writeSecurity } from '../route-responses.ts'

// Roster import and export (花名册) over HTTP, for admin and HR: the template and the export as XLSX, a preview of
// an uploaded roster (kept an hour under its upload id, like the import wizard's uploads) and applying it.

/** Largest roster upload as a multipart body (create-app gives the preview route this body limit). */
export const maxRosterUploadBytes = rosterLimits.maxBytes + 64 * 1024

const staff = () => requireRole('admin', 'hr')
const tags = ['roster']
const xlsxResponse = (description: string) => ({
  description,
  content: { [xlsxContentType]: { schema: z.string().meta({ format: 'binary' }) } },
})

const template = createRoute({
  method: 'get',
  path: '/api/roster/template.xlsx',
  tags,
  summary: 'The roster template (花名册模板): the columns, one example row and a sheet 填写说明',
  security: readSecurity,
  middleware: [staff()] as const,
  responses: { 200: xlsxResponse('The template'), ...errorResponses(401, 403) },
})

const exportRoster = createRoute({
  method: 'get',
  path: '/api/roster/export.xlsx',
  tags,
  summary: 'Every employee in the roster columns; the file imports back with no change',
  security: readSecurity,
  middleware: [staff()] as const,
  responses: { 200: xlsxResponse('The roster (streamed)'), ...errorResponses(401, 403) },
})

/** A file part of the form (checked by shape: a test DOM may bring its own File class). */
const uploadedFile = z.custom<File>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as File).stream === 'function' &&
    typeof (value as File).name === 'string',
  { message: '缺少文件：请上传花名册（XLSX 或 CSV）' },
)

const previewForm = z.object({
  file: uploadedFile.meta({
    type: 'string',
    format: 'binary',
    description: `The roster: XLSX, or CSV in UTF-8 or GBK; at most ${rosterLimits.maxPeople} people`,
  }),
  createMissing: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: 'true: create departments and positions the file names but the company lacks' }),
})

const preview = createRoute({
  method: 'post',
  path: '/api/roster/preview',
  tags,
  summary:
    'Upload a roster and see what importing it would do: counts, rows to create and change (old → new), refusals with row and column. Nothing is written',
  security: writeSecurity,
  middleware: [staff()] as const,
  request: { body: { required: true, content: { 'multipart/form-data': { schema: previewForm } } } },
  responses: {
    200: jsonResponse('The preview; pass uploadId to /api/roster/apply', rosterPreviewSchema),
    ...errorResponses(400, 401, 403, 413),
  },
})

const apply = createRoute({
  method: 'post',
  path: '/api/roster/apply',
  tags,
  summary:
    'Import a previewed roster, all or nothing: planned again against the current data; any refused row refuses the file (400 naming rows and columns)',
  security: writeSecurity,
  middleware: [staff()] as const,
  request: { body: jsonBody(rosterApplyInputSchema) },
  responses: {
    200: jsonResponse('Imported', rosterApplyResultSchema),
    ...errorResponses(400, 401, 403, 404, 410),
  },
})

/** Previewed rosters kept for their apply (the newest few; an apply without one reads the file again). */
const preparedKept = 4

export function registerRosterRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const uploads = createUploadStore({ dir: ctx.uploadDir, maxBytes: rosterLimits.maxBytes })
  // The file as read and its plan, by upload id: apply writes the plan when nothing has changed since the preview.
  const prepared = new Map<string, PreparedRoster>()

  app.openapi(template, async (c) => {
    const bytes = await writeRosterTemplate()
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': xlsxContentType,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('花名册模板.xlsx')}`,
    })
  })

  app.openapi(exportRoster, async (c) => {
    const stream = await streamRosterExport(ctx.db, c.get('actor').companyId)
    return c.body(Readable.toWeb(stream) as ReadableStream, 200, {
      'content-type': xlsxContentType,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('花名册.xlsx')}`,
    })
  })

  app.openapi(preview, async (c) => {
    const actor = c.get('actor')
    const form = c.req.valid('form')
    const createMissing = form.createMissing === 'true'
    const stored = await uploads.save({
      companyId: actor.companyId,
      userId: actor.userId,
      fileName: form.file.name || 'roster.xlsx',
      body: Readable.fromWeb(form.file.stream() as import('node:stream/web').ReadableStream<Uint8Array>),
    })
    try {
      const result = await prepareRosterImport(
        { db: ctx.db, now: ctx.now },
        { companyId: actor.companyId, filePath: stored.filePath, fileName: stored.fileName, createMissing },
      )
      prepared.set(stored.id, result.prepared)
      for (const id of prepared.keys()) if (prepared.size > preparedKept) prepared.delete(id)
      return c.json({ uploadId: stored.id, ...result.preview }, 200)
    } catch (error) {
      // A file that cannot be read at all is not kept.
      await uploads.remove(stored.id)
      throw error
    }
  })

  app.openapi(apply, async (c) => {
    const actor = c.get('actor')
    const input = c.req.valid('json')
    const stored = uploads.get(actor.companyId, input.uploadId)
    const result = await applyRosterImport(
      { db: ctx.db, now: ctx.now, actor },
      {
        filePath: stored.filePath,
        fileName: stored.fileName,
        createMissing: input.createMissing,
        prepared: prepared.get(stored.id),
      },
    )
    prepared.delete(stored.id)
    await uploads.remove(stored.id)
    return c.json(result, 200)
  })
}
