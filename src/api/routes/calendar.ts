import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { calendarChangeSchema } from '../../contracts/workflow.ts'
import { listCalendar } from '../../services/calendar/list-calendar.ts'
import { setCalendarDays } from '../../services/calendar/set-calendar-days.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole, requireSignedIn } from '../require-role.ts'
import { errorResponses, jsonBody, jsonResponse, readSecurity, writeSecurity } from '../route-responses.ts'

// The working-day calendar (工作日历): public holidays and make-up working days. The statutory arrangement
// comes from the chinese-days package for every year it covers; the admin's entries override it.

const daySchema = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'workday']),
  name: z.string(),
  source: z.enum(['statutory', 'company']),
  statutory: z
    .object({ kind: z.enum(['holiday', 'workday']), name: z.string() })
    .optional()
    .describe('On a company entry: what the statutory arrangement says of that date'),
})
const coverageSchema = z
  .object({
    packageName: z.string(),
    packageVersion: z.string(),
    firstYear: z.number(),
    lastYear: z.number(),
    covered: z.boolean().describe('Whether the statutory arrangement covers the listed year'),
  })
  .meta({ id: 'CalendarCoverage' })
const listingSchema = z
  .object({ year: z.number(), days: z.array(daySchema), coverage: coverageSchema })
  .meta({ id: 'CalendarListing' })

const get = createRoute({
  method: 'get',
  path: '/api/calendar',
  tags: ['calendar'],
  summary: 'Holidays and make-up working days of a year',
  security: readSecurity,
  middleware: [requireSignedIn()] as const,
  request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2100).default(2026) }) },
  responses: { 200: jsonResponse('The calendar', listingSchema), ...errorResponses(400, 401) },
})

const put = createRoute({
  method: 'put',
  path: '/api/calendar',
  tags: ['calendar'],
  summary: 'Add or change holidays and make-up working days, or remove company entries (admin)',
  security: writeSecurity,
  middleware: [requireRole('admin')] as const,
  request: {
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100).default(2026) }),
    body: jsonBody(calendarChangeSchema),
  },
  responses: { 200: jsonResponse('The calendar', listingSchema), ...errorResponses(400, 401, 403, 413) },
})

export function registerCalendarRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const deps = { db: ctx.db, now: ctx.now }
  app.openapi(get, async (c) =>
    c.json(await listCalendar(deps, c.get('actor'), c.req.valid('query').year), 200),
  )
  app.openapi(put, async (c) => {
    await setCalendarDays(deps, c.get('actor'), c.req.valid('json'))
    return c.json(await listCalendar(deps, c.get('actor'), c.req.valid('query').year), 200)
  })
}
