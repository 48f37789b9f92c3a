import { PassThrough, Readable } from 'node:stream'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { idParamSchema, isoDateSchema } from '../../contracts/organisation.ts'
import {
  attendanceRulesInputSchema,
  attendanceRulesSchema,
  clockEventsInputSchema,
  coverageReportSchema,
  drawVerificationSchema,
  drawWeeklySamplesInputSchema,
  isoWeekSchema,
  monthlyAttendanceSchema,
  monthSchema,
  publishedAttendanceSchema,
  rotaCalendarSchema,
  rotaExceptionInputSchema,
  rotaExceptionSchema,
  rotaPatternInputSchema,
  rotaPatternSchema,
  sampleDrawsSchema,
  sampleScoreInputSchema,
  sampleScoreSchema,
  samplingComponentSchema,
  samplingFormSourceSchema,
  samplingWeightsSchema,
  serviceHoursInputSchema,
  serviceHoursSchema,
  shiftInputSchema,
  shiftSchema,
  weeklySamplesSchema,
} from '../../contracts/rota.ts'
import type { Actor } from '../../services/auth/actor.ts'
import { addRotaException } from '../../services/rota/add-rota-exception.ts'
import { checkCoverage } from '../../services/rota/check-coverage.ts'
import { computeMonthlyAttendance } from '../../services/rota/compute-monthly-attendance.ts'
import { computeSamplingComponent } from '../../services/rota/compute-sampling-component.ts'
import { createShift } from '../../services/rota/create-shift.ts'
import { deleteShift } from '../../services/rota/delete-shift.ts'
import { drawWeeklySamples } from '../../services/rota/draw-weekly-samples.ts'
import { getAttendanceRules } from '../../services/rota/get-attendance-rules.ts'
import { getRota } from '../../services/rota/get-rota.ts'
import { getSamplingForm } from '../../services/rota/get-sampling-form.ts'
import { getServiceHours } from '../../services/rota/get-service-hours.ts'
import { listShifts } from '../../services/rota/list-shifts.ts'
import { listWeeklySamples } from '../../services/rota/list-weekly-samples.ts'
import { publishMonthlyAttendance } from '../../services/rota/publish-monthly-attendance.ts'
import { recordClockEvents } from '../../services/rota/record-clock-events.ts'
import { removeRotaException } from '../../services/rota/remove-rota-exception.ts'
import { scoreSampleOnTemplate } from '../../services/rota/score-sample.ts'
import { setAttendanceRules } from '../../services/rota/set-attendance-rules.ts'
import { setRotaPattern } from '../../services/rota/set-rota-pattern.ts'
import { setServiceHours } from '../../services/rota/set-service-hours.ts'
import { updateShift } from '../../services/rota/update-shift.ts'
import { verifySampleDraw } from '../../services/rota/verify-sample-draw.ts'
import { buildRotaMonthExport, writeXlsxWorkbook } from '../../services/rota/write-rota-month-export.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole, requireSignedIn } from '../require-role.ts'
import { errorResponses, jsonBody, jsonResponse, readSecurity, writeSecurity } from '../route-responses.ts'

// Customer-service rota (客服排班), attendance (考勤) and the supervisor's weekly sampling (每周抽查).
// admin, hr and supervisors (运营经理/店长) manage; a supervisor reaches only their reporting tree (others 404);
// every signed-in user reads the calendar and attendance of the people in their scope — an agent only their own.
// Those rules live in services/rota/rota-scope.ts: the route hands the services the signed-in actor.

const managers = ['admin', 'hr', 'supervisor'] as const
const tags = ['rota']

const rangeQuery = z.object({ from: isoDateSchema, to: isoDateSchema })
const monthQuery = z.object({
  month: monthSchema,
  employeeId: z.coerce.number().int().positive().optional(),
})
const weekQuery = z.object({ week: isoWeekSchema })
const templateQuery = z.object({ templateId: z.coerce.number().int().positive().optional() })
const componentQuery = z.object({
  employeeId: z.coerce.number().int().positive(),
  month: monthSchema,
  selfScore: z.coerce.number().min(0).max(100).optional(),
  supervisorWeight: z.coerce.number().min(0).max(1).optional(),
})
const scoreBodySchema = sampleScoreInputSchema
  .omit({ form: true })
  .extend({
    templateId: z.number().int().positive().optional().meta({
      description: 'Template whose indicators form the scoring sheet (default: the built-in 客服专员)',
    }),
  })
  .meta({ id: 'SampleScoreRequest' })
const publishBodySchema = z.strictObject({ month: monthSchema }).meta({ id: 'PublishAttendanceInput' })

const routes = {
  listShifts: createRoute({
    method: 'get',
    path: '/api/rota/shifts',
    tags,
    summary: 'The shifts (班次) of the company',
    security: readSecurity,
    middleware: [requireSignedIn()] as const,
    responses: {
      200: jsonResponse('Shifts', z.object({ items: z.array(shiftSchema) })),
      ...errorResponses(401),
    },
  }),
  createShift: createRoute({
    method: 'post',
    path: '/api/rota/shifts',
    tags,
    summary:
      'Define a shift (admin, hr, supervisor); a midnight end is 24:00, a night shift sets crossesMidnight',
    security: writeSecurity,
    middleware: [requireRole(...managers)] as const,
    request: { body: jsonBody(shiftInputSchema) },
    responses: { 201: jsonResponse('Created', shiftSchema), ...errorResponses(400, 401, 403, 409) },
  }),
  updateShift: createRoute({
    method: 'put',
    path: '/api/rota/shifts/{id}',
    tags,
    summary: 'Change a shift; refused when it would make an agent’s shifts overlap on a day',
    security: writeSecurity,
    middleware: [requireRole(...managers)] as const,
    request: { params: idParamSchema, body: jsonBody(shiftInputSchema) },
    responses: { 200: jsonResponse('Updated', shiftSchema), ...errorResponses(400, 401, 403, 404, 409) },
  }),
  deleteShift: createRoute({
    method: 'delete',
    path: '/api/rota/shifts/{id}',
    tags,
    summary: 'Delete a shift nobody is rostered on',
    security: writeSecurity,
    middleware: [requireRole(...managers)] as const,
    request: { params: idParamSchema },
    responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404, 409) },
  }),
  getServiceHours: createRoute({
    method: 'get',
    path: '/api/rota/service-hours',
    tags,
    summary: 'Service hours (服务时间) per weekday with the agents each needs',
    security: readSecurity,
    middleware: [requireSignedIn()] as const,
    responses: { 200: jsonResponse('Service hours', serviceHoursSchema), ...errorResponses(401) },
  }),
  setServiceHours: createRoute({
    method: 'put',
    path: '/api/rota/service-hours',
    tags,
    summary: 'Replace the service hours (admin, hr, supervisor)',
    security: writeSecurity,
    middleware: [requireRole(...managers)] as const,
    request: { body: jsonBody(serviceHoursInputSchema) },
    responses: { 200: jsonResponse('Saved', serviceHoursSchema), ...errorResponses(400, 401, 403) },
  }),
  setPattern: createRoute({
    method: 'put',
    path: '/api/rota/patterns',
    tags,
    summary: 'Replace one agent’s weekly pattern (每周排班); overlapping shifts on a day are refused',
    security: writeSecurity,
    middleware: [requireRole(...managers)] as const,
    request: { body: jsonBody(rotaPatternInputSchema) },
    responses: { 200: jsonResponse('Saved', rotaPatternSchema), ...errorResponses(400, 401, 403, 404) },
  }),
  addException: createRoute({
    method: 'post',
    path: '/api/rota/exceptions',
    tags,
    summary: 'Record leave (请假), a swap (换班) or a cover (顶班) on a date',
    security: writeSecurity,
    middleware: [requireRole(...managers)] as const,
    request: { body: jsonBody(rotaExceptionInputSchema) },
    responses: {
      201: jsonResponse('Recorded', rotaExceptionSchema),
      ...errorResponses(400, 401, 403, 404),
    },
  }),
  removeException: createRoute({
    method: 'delete',
    path: '/api/rota/exceptions/{id}',
    tags,
    summary: 'Withdraw a dated exception; the weekly pattern applies again',
    security: writeSecurity,
    middleware: [requireRole(...managers)] as const,
    request: { params: idParamSchema },
    responses: { 204: { description: 'Removed' }, ...errorResponses(400, 401, 403, 404) },
  }),
  calendar: createRoute({
    method: 'get',
    path: '/api/rota/calendar',
    tags,
    summary: 'Who works when between two dates (a week or a month), limited to the caller’s scope',
    security: readSecurity,
    middleware: [requireSignedIn()] as const,
    request: { query: rangeQuery },
    responses: { 200: jsonResponse('The rota', rotaCalendarSchema), ...errorResponses(400, 401) },
  }),
  coverage: createRoute({
    method: 'get',
    path: '/api/rota/coverage',
    tags,
    summary: 'Coverage check: service-hour gaps and agents over the weekly-hours or consecutive-days limit',
    security: readSecurity,
    middleware: [requireRole(...managers)] as const,
    request: { query: rangeQuery },
    responses: { 200: jsonResponse('The report', coverageReportSchema), ...errorResponses(400, 401, 403) },
  }),
  getRules: createRoute({
    method: 'get',
    path: '/api/rota/attendance-rules',
    tags,
    summary: 'Attendance rules (grace minutes, absence threshold) and rota limits',
    security: readSecurity,
    middleware: [requireSignedIn()] as const,
    responses: { 200: jsonResponse('Rules', attendanceRulesSchema), ...errorResponses(401) },
  }),
  setRules: createRoute({
    method: 'put',
    path: '/api/rota/attendance-rules',
    tags,
    summary: 'Set the attendance rules and rota limits (admin, hr)',
    security: writeSecurity,
    middleware: [requireRole('admin', 'hr')] as const,
    request: { body: jsonBody(attendanceRulesInputSchema) },
    responses: { 200: jsonResponse('Saved', attendanceRulesSchema), ...errorResponses(400, 401, 403) },
  }),
  clockEvents: createRoute({
    method: 'post',
    path: '/api/rota/clock-events',
    tags,
    summary: 'Enter clock records (打卡); re-sent punches are not duplicated',
    security: writeSecurity,
    middleware: [requireRole(...managers)] as const,
    request: { body: jsonBody(clockEventsInputSchema) },
    responses: {
      200: jsonResponse('Stored', z.object({ received: z.number(), stored: z.number() })),
      ...errorResponses(400, 401, 403, 404, 413),
    },
  }),
  attendance: createRoute({
    method: 'get',
    path: '/api/rota/attendance',
    tags,
    summary:
      'Monthly attendance per agent (出勤率, 迟到, 早退, 旷工, 请假) within the caller’s scope; shifts not yet over are left out',
    security: readSecurity,
    middleware: [requireSignedIn()] as const,
    request: { query: monthQuery },
    responses: {
      200: jsonResponse('Attendance', monthlyAttendanceSchema),
      ...errorResponses(400, 401, 404),
    },
  }),
  publishAttendance: createRoute({
    method: 'post',
    path: '/api/rota/attendance/publish',
    tags,
    summary:
      'Write the month’s rota-matched attendance as attendance facts, so the attendance metrics read it',
    security: writeSecurity,
    middleware: [requireRole('admin', 'hr')] as const,
    request: { body: jsonBody(publishBodySchema) },
    responses: {
      200: jsonResponse('Published', publishedAttendanceSchema),
      ...errorResponses(400, 401, 403),
    },
  }),
  exportMonth: createRoute({
    method: 'get',
    path: '/api/rota/export',
    tags,
    summary: 'The month’s rota as XLSX: agents × days grid, coverage gaps and limit breaches',
    security: readSecurity,
    middleware: [requireRole(...managers)] as const,
    request: { query: z.object({ month: monthSchema }) },
    responses: { 200: { description: 'An XLSX workbook' }, ...errorResponses(400, 401, 403) },
  }),
  samples: createRoute({
    method: 'get',
    path: '/api/rota/samples',
    tags,
    summary: 'The sampling queue of a week: each agent’s drawn conversations with their scores',
    security: readSecurity,
    middleware: [requireRole(...managers)] as const,
    request: { query: weekQuery },
    responses: {
      200: jsonResponse('Draws', weeklySamplesSchema),
      ...errorResponses(400, 401, 403),
    },
  }),
  samplingForm: createRoute({
    method: 'get',
    path: '/api/rota/samples/form',
    tags,
    summary: 'The scoring sheet for a sample: the template’s indicators as criteria',
    security: readSecurity,
    middleware: [requireRole(...managers)] as const,
    request: { query: templateQuery },
    responses: { 200: jsonResponse('Form', samplingFormSourceSchema), ...errorResponses(400, 401, 403, 404) },
  }),
  draw: createRoute({
    method: 'post',
    path: '/api/rota/samples/draws',
    tags,
    summary: 'Draw the week’s samples per agent from a seed (recorded; a second draw is refused)',
    security: writeSecurity,
    middleware: [requireRole(...managers)] as const,
    request: { body: jsonBody(drawWeeklySamplesInputSchema) },
    responses: {
      201: jsonResponse('Drawn', sampleDrawsSchema),
      ...errorResponses(400, 401, 403, 404, 409, 413),
    },
  }),
  verifyDraw: createRoute({
    method: 'get',
    path: '/api/rota/samples/draws/{id}/verify',
    tags,
    summary: 'Redo a recorded draw from its seed and say whether it matches',
    security: readSecurity,
    middleware: [requireRole(...managers)] as const,
    request: { params: idParamSchema },
    responses: { 200: jsonResponse('Verdict', drawVerificationSchema), ...errorResponses(400, 401, 404) },
  }),
  score: createRoute({
    method: 'post',
    path: '/api/rota/samples/scores',
    tags,
    summary: 'Score one drawn conversation on the sheet, with a comment; scoring again replaces it',
    security: writeSecurity,
    middleware: [requireRole(...managers)] as const,
    request: { body: jsonBody(scoreBodySchema) },
    responses: { 200: jsonResponse('Scored', sampleScoreSchema), ...errorResponses(400, 401, 403, 404) },
  }),
  component: createRoute({
    method: 'get',
    path: '/api/rota/samples/component',
    tags,
    summary: 'The month’s supervisor component: mean sample score, blended with the self score (75/25)',
    security: readSecurity,
    middleware: [requireRole(...managers)] as const,
    request: { query: componentQuery },
    responses: {
      200: jsonResponse('Component', samplingComponentSchema),
      ...errorResponses(400, 401, 403, 404),
    },
  }),
}
export function registerRotaRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  // Each use case gets the database, who acts (audit) and the actor whose reach limits it (rota-scope.ts).
  const deps = (actor: Actor) => ({ db: ctx.db, actorUserId: actor.userId, actor })

  app.openapi(routes.listShifts, async (c) =>
    c.json({ items: await listShifts(ctx, c.get('actor').companyId) }, 200),
  )
  app.openapi(routes.createShift, async (c) => {
    const actor = c.get('actor')
    return c.json(await createShift(deps(actor), actor.companyId, c.req.valid('json')), 201)
  })
  app.openapi(routes.updateShift, async (c) => {
    const actor = c.get('actor')
    return c.json(
      await updateShift(deps(actor), actor.companyId, c.req.valid('param').id, c.req.valid('json')),
      200,
    )
  })
  app.openapi(routes.deleteShift, async (c) => {
    const actor = c.get('actor')
    await deleteShift(deps(actor), actor.companyId, c.req.valid('param').id)
    return c.body(null, 204)
  })
  app.openapi(routes.getServiceHours, async (c) =>
    c.json(await getServiceHours(ctx, c.get('actor').companyId), 200),
  )
  app.openapi(routes.setServiceHours, async (c) => {
    const actor = c.get('actor')
    return c.json(await setServiceHours(deps(actor), actor.companyId, c.req.valid('json')), 200)
  })
  app.openapi(routes.setPattern, async (c) => {
    const actor = c.get('actor')
    const body = c.req.valid('json')
    const entries = await setRotaPattern(deps(actor), actor.companyId, body)
    return c.json({ employeeId: body.employeeId, entries }, 200)
  })
  app.openapi(routes.addException, async (c) => {
    const actor = c.get('actor')
    return c.json(await addRotaException(deps(actor), actor.companyId, c.req.valid('json')), 201)
  })
  app.openapi(routes.removeException, async (c) => {
    const actor = c.get('actor')
    await removeRotaException(deps(actor), actor.companyId, c.req.valid('param').id)
    return c.body(null, 204)
  })
  app.openapi(routes.calendar, async (c) => {
    const actor = c.get('actor')
    const { from, to } = c.req.valid('query')
    return c.json(await getRota(deps(actor), actor.companyId, from, to), 200)
  })
  app.openapi(routes.coverage, async (c) => {
    const { from, to } = c.req.valid('query')
    return c.json(await checkCoverage(ctx, c.get('actor').companyId, from, to), 200)
  })
  app.openapi(routes.getRules, async (c) =>
    c.json(await getAttendanceRules(ctx, c.get('actor').companyId), 200),
  )
  app.openapi(routes.setRules, async (c) => {
    const actor = c.get('actor')
    return c.json(await setAttendanceRules(deps(actor), actor.companyId, c.req.valid('json')), 200)
  })
  app.openapi(routes.clockEvents, async (c) => {
    const actor = c.get('actor')
    return c.json(await recordClockEvents(deps(actor), actor.companyId, c.req.valid('json')), 200)
  })
  app.openapi(routes.attendance, async (c) => {
    const actor = c.get('actor')
    const { month, employeeId } = c.req.valid('query')
    const result = await computeMonthlyAttendance(deps(actor), actor.companyId, month, {
      ...(employeeId !== undefined ? { employeeIds: [employeeId] } : {}),
      until: ctx.now(),
    })
    return c.json(result, 200)
  })
  app.openapi(routes.publishAttendance, async (c) => {
    const actor = c.get('actor')
    return c.json(
      await publishMonthlyAttendance(deps(actor), actor.companyId, c.req.valid('json').month),
      200,
    )
  })
  app.openapi(routes.exportMonth, async (c) => {
    const actor = c.get('actor')
    const { month } = c.req.valid('query')
    // The tables are read first, so a refusal is still a JSON error; only then does the workbook stream out.
    const tables = await buildRotaMonthExport(deps(actor), actor.companyId, month)
    const out = new PassThrough()
    writeXlsxWorkbook(tables, out).catch((error: unknown) =>
      out.destroy(error instanceof Error ? error : new Error(String(error))),
    )
    return c.body(Readable.toWeb(out) as ReadableStream, 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`排班-${month}.xlsx`)}`,
    })
  })
  app.openapi(routes.samples, async (c) => {
    const actor = c.get('actor')
    return c.json(
      { items: await listWeeklySamples(deps(actor), actor.companyId, c.req.valid('query').week) },
      200,
    )
  })
  app.openapi(routes.samplingForm, async (c) =>
    c.json(await getSamplingForm(ctx, c.get('actor').companyId, c.req.valid('query').templateId), 200),
  )
  app.openapi(routes.draw, async (c) => {
    const actor = c.get('actor')
    return c.json({ items: await drawWeeklySamples(deps(actor), actor.companyId, c.req.valid('json')) }, 201)
  })
  app.openapi(routes.verifyDraw, async (c) => {
    const actor = c.get('actor')
    const result = await verifySampleDraw(deps(actor), actor.companyId, c.req.valid('param').id)
    return c.json({ ...result.draw, reproducible: result.reproducible }, 200)
  })
  app.openapi(routes.score, async (c) => {
    const actor = c.get('actor')
    return c.json(await scoreSampleOnTemplate(deps(actor), actor.companyId, c.req.valid('json')), 200)
  })
  app.openapi(routes.component, async (c) => {
    const actor = c.get('actor')
    const q = c.req.valid('query')
    const weights =
      q.supervisorWeight === undefined
        ? undefined
        : samplingWeightsSchema.parse({ supervisor: q.supervisorWeight, self: 1 - q.supervisorWeight })
    return c.json(
      await computeSamplingComponent(deps(actor), actor.companyId, {
        employeeId: q.employeeId,
        month: q.month,
        selfScore: q.selfScore ?? null,
        ...(weights ? { weights } : {}),
      }),
      200,
    )
  })
}
