import { Readable } from 'node:stream'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { idParamSchema } from '../../contracts/organisation.ts'
import { paySlipListSchema } from '../../contracts/pay-slips.ts'
import { exportFormatSchema, exportKindSchema } from '../../contracts/results.ts'
import { DomainError } from '../../core/errors.ts'
import { treeRootOf } from '../../services/consequences/consequence-scope.ts'
import { renderPaySlipsPdf } from '../../services/exports/render-pay-slips-pdf.ts'
import { streamCycleExport } from '../../services/exports/stream-cycle-export.ts'
import { listPaySlips } from '../../services/pay/list-pay-slips.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole, requireSignedIn } from '../require-role.ts'
import { errorResponses, jsonResponse, readSecurity } from '../route-responses.ts'

// Exports of a cycle's tables as XLSX (frozen header, widths, number formats) or CSV (UTF-8 with BOM), streamed,
// every text cell neutralised against formula injection. Who may export what:
//   sheets        admin, hr
//   results       admin, hr, finance (final sheets only), supervisor (their reporting tree)
//   pay           admin, hr, finance
//   consequences  admin, hr, finance, supervisor (their reporting tree)
//   bonuses       admin, hr, finance (every bonus pool of the cycle, one row per line)

const allowed = {
  sheets: ['admin', 'hr'],
  results: ['admin', 'hr', 'finance', 'supervisor'],
  pay: ['admin', 'hr', 'finance'],
  consequences: ['admin', 'hr', 'finance', 'supervisor'],
  bonuses: ['admin', 'hr', 'finance'],
} as const

const route = createRoute({
  method: 'get',
  path: '/api/cycles/{id}/exports/{what}',
  tags: ['exports'],
  summary: 'Download a cycle’s sheets, results, pay sheet, consequence lists or bonus pools as XLSX or CSV',
  security: readSecurity,
  middleware: [requireRole('admin', 'hr', 'finance', 'supervisor')] as const,
  request: {
    params: z.object({
      id: z.coerce
        .number()
        .int()
        .positive()
        .meta({ param: { name: 'id', in: 'path' } }),
      what: exportKindSchema.meta({ param: { name: 'what', in: 'path' } }),
    }),
    query: z.object({ format: exportFormatSchema.default('xlsx') }),
  },
  responses: {
    200: {
      description: 'The file (streamed)',
      content: {
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
          schema: z.string().meta({ format: 'binary' }),
        },
        'text/csv': { schema: z.string() },
      },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

const paySlips = createRoute({
  method: 'get',
  path: '/api/cycles/{id}/pay-slips/pdf',
  tags: ['exports'],
  summary:
    'Pay slips (工资条) of a cycle as one PDF, a page per person: admin and HR every slip, finance the final ones, anyone else their own once the pay sheet is approved',
  security: readSecurity,
  middleware: [requireSignedIn()] as const,
  request: {
    params: z.object({
      id: z.coerce
        .number()
        .int()
        .positive()
        .meta({ param: { name: 'id', in: 'path' } }),
    }),
  },
  responses: {
    200: {
      description: 'The PDF',
      content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

const paySlipList = createRoute({
  method: 'get',
  path: '/api/cycles/{id}/pay-slips',
  tags: ['exports'],
  summary: 'Pay slips (工资条) of a cycle for the print view; who sees which as for the PDF',
  security: readSecurity,
  middleware: [requireSignedIn()] as const,
  request: { params: idParamSchema },
  responses: {
    200: jsonResponse('The slips', paySlipListSchema),
    ...errorResponses(400, 401, 403, 404),
  },
})

export function registerExportRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(paySlipList, async (c) => {
    const { id } = c.req.valid('param')
    return c.json({ items: await listPaySlips({ db: ctx.db, now: ctx.now }, c.get('actor'), id) }, 200)
  })
  app.openapi(paySlips, async (c) => {
    const { id } = c.req.valid('param')
    const slips = await listPaySlips({ db: ctx.db, now: ctx.now }, c.get('actor'), id)
    const pdf = await renderPaySlipsPdf(slips)
    return c.body(new Uint8Array(pdf), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`工资条-${id}.pdf`)}`,
    })
  })
  app.openapi(route, async (c) => {
    const actor = c.get('actor')
    const { id, what } = c.req.valid('param')
    const { format } = c.req.valid('query')
    if (!(allowed[what] as readonly string[]).includes(actor.role))
      throw new DomainError('forbidden', '当前角色无权导出此表 / this role may not export this table')
    const file = await streamCycleExport(ctx.db, actor.companyId, what, id, format, {
      treeRootEmployeeId: treeRootOf(actor),
      finalOnly: actor.role === 'finance',
    })
    return c.body(Readable.toWeb(file.stream) as ReadableStream, 200, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    })
  })
}
