import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { idParamSchema } from '../../contracts/organisation.ts'
import {
  templateCopySchema,
  templateCreateSchema,
  templateDetailSchema,
  templateListQuerySchema,
  templateListSchema,
  templatePreviewResultSchema,
  templatePreviewSchema,
  templateSavedSchema,
  templateSaveSchema,
  templateValidateSchema,
  templateValidationSchema,
  templateVersionQuerySchema,
} from '../../contracts/template-api.ts'
import { findTemplateIssues } from '../../services/templates/check-template.ts'
import { getTemplate } from '../../services/templates/get-template.ts'
import { listTemplates } from '../../services/templates/list-templates.ts'
import { previewTemplate } from '../../services/templates/preview-template.ts'
import {
  copyTemplate,
  createTemplate,
  saveTemplateVersion,
  setTemplateArchived,
} from '../../services/templates/save-template.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole, requireSignedIn } from '../require-role.ts'
import { errorResponses, jsonBody, jsonResponse, readSecurity, writeSecurity } from '../route-responses.ts'

// KPI templates (考核模板): everyone signed in reads them; admin and hr change them (each save is a new version).

const editors = ['admin', 'hr'] as const

const list = createRoute({
  method: 'get',
  path: '/api/templates',
  tags: ['templates'],
  summary: 'The company’s templates (built-in library and custom)',
  security: readSecurity,
  middleware: [requireSignedIn()] as const,
  request: { query: templateListQuerySchema },
  responses: { 200: jsonResponse('Templates', templateListSchema), ...errorResponses(401) },
})

const get = createRoute({
  method: 'get',
  path: '/api/templates/{id}',
  tags: ['templates'],
  summary: 'One template at a version (default the latest) with its history',
  security: readSecurity,
  middleware: [requireSignedIn()] as const,
  request: { params: idParamSchema, query: templateVersionQuerySchema },
  responses: { 200: jsonResponse('The template', templateDetailSchema), ...errorResponses(400, 401, 404) },
})

const create = createRoute({
  method: 'post',
  path: '/api/templates',
  tags: ['templates'],
  summary: 'Create a custom template (admin, hr)',
  security: writeSecurity,
  middleware: [requireRole(...editors)] as const,
  request: { body: jsonBody(templateCreateSchema) },
  responses: {
    201: jsonResponse('Created', templateSavedSchema),
    ...errorResponses(400, 401, 403, 409, 413),
  },
})

const save = createRoute({
  method: 'put',
  path: '/api/templates/{id}',
  tags: ['templates'],
  summary: 'Save an edit as the next version (admin, hr); 409 if someone saved since expectedVersion',
  security: writeSecurity,
  middleware: [requireRole(...editors)] as const,
  request: { params: idParamSchema, body: jsonBody(templateSaveSchema) },
  responses: {
    200: jsonResponse('Saved', templateSavedSchema),
    ...errorResponses(400, 401, 403, 404, 409, 413),
  },
})

const copy = createRoute({
  method: 'post',
  path: '/api/templates/{id}/copy',
  tags: ['templates'],
  summary: 'Copy a template under a new code (admin, hr)',
  security: writeSecurity,
  middleware: [requireRole(...editors)] as const,
  request: { params: idParamSchema, body: jsonBody(templateCopySchema) },
  responses: { 201: jsonResponse('Copied', templateSavedSchema), ...errorResponses(400, 401, 403, 404, 409) },
})

const archiveRoute = (action: 'archive' | 'restore') =>
  createRoute({
    method: 'post',
    path: `/api/templates/{id}/${action}`,
    tags: ['templates'],
    summary:
      action === 'archive' ? 'Archive a template (admin, hr)' : 'Restore an archived template (admin, hr)',
    security: writeSecurity,
    middleware: [requireRole(...editors)] as const,
    request: { params: idParamSchema },
    responses: { 204: { description: 'Done' }, ...errorResponses(400, 401, 403, 404) },
  })

const validate = createRoute({
  method: 'post',
  path: '/api/templates/validate',
  tags: ['templates'],
  summary: 'Check a template draft and list every problem',
  security: writeSecurity,
  middleware: [requireSignedIn()] as const,
  request: { body: jsonBody(templateValidateSchema) },
  responses: {
    200: jsonResponse('Problems (empty when valid)', templateValidationSchema),
    ...errorResponses(400, 401),
  },
})

const preview = createRoute({
  method: 'post',
  path: '/api/templates/preview',
  tags: ['templates'],
  summary:
    'Score a template draft with typed-in values: each indicator’s points and explanation, total, grade',
  security: writeSecurity,
  middleware: [requireSignedIn()] as const,
  request: { body: jsonBody(templatePreviewSchema) },
  responses: { 200: jsonResponse('The preview', templatePreviewResultSchema), ...errorResponses(400, 401) },
})

export function registerTemplateRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const deps = { db: ctx.db }
  app.openapi(list, async (c) => {
    const items = await listTemplates(deps, c.get('actor'), c.req.valid('query').includeArchived === 'true')
    return c.json({ items: items.map((t) => ({ ...t, updatedAt: t.updatedAt.toISOString() })) }, 200)
  })
  app.openapi(get, async (c) => {
    const detail = await getTemplate(
      deps,
      c.get('actor'),
      c.req.valid('param').id,
      c.req.valid('query').version,
    )
    return c.json(
      { ...detail, versions: detail.versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })) },
      200,
    )
  })
  app.openapi(create, async (c) => {
    const body = c.req.valid('json')
    return c.json(await createTemplate(deps, c.get('actor'), body.definition, body.note ?? null), 201)
  })
  app.openapi(save, async (c) => {
    const body = c.req.valid('json')
    const saved = await saveTemplateVersion(
      deps,
      c.get('actor'),
      c.req.valid('param').id,
      body.expectedVersion,
      body.definition,
      body.note ?? null,
    )
    return c.json(saved, 200)
  })
  app.openapi(copy, async (c) => {
    const body = c.req.valid('json')
    return c.json(
      await copyTemplate(deps, c.get('actor'), c.req.valid('param').id, body.code, body.name),
      201,
    )
  })
  app.openapi(archiveRoute('archive'), async (c) => {
    await setTemplateArchived(deps, c.get('actor'), c.req.valid('param').id, true)
    return c.body(null, 204)
  })
  app.openapi(archiveRoute('restore'), async (c) => {
    await setTemplateArchived(deps, c.get('actor'), c.req.valid('param').id, false)
    return c.body(null, 204)
  })
  app.openapi(validate, async (c) => {
    return c.json({ issues: findTemplateIssues(c.req.valid('json').definition) }, 200)
  })
  app.openapi(preview, async (c) => {
    const body = c.req.valid('json')
    return c.json(previewTemplate(body.definition, body.inputs, body.pay), 200)
  })
}
