import { Readable } from 'node:stream'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { exportFormatSchema, exportKindSchema } from '../../contracts/results.ts'
import { DomainError } from '../../core/errors.ts'
import { treeRootOf } from '../../services/consequences/consequence-scope.ts'
import { streamCycleExport } from '../../services/exports/stream-cycle-export.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole } from '../require-role.ts'
import { errorResponses, readSecurity } from '../route-responses.ts'

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

export function registerExportRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
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
