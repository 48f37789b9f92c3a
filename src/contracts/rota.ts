import { z } from 'zod'
import { validateTimes } from '../core/rota/rota.ts'
import { isValidTimeZone } from '../core/rota/zoned-time.ts'
import { isoWeekRange } from '../core/sampling/iso-week.ts'
import { isoDateSchema } from './organisation.ts'

// Rota (排班), attendance (考勤) and weekly sampling (抽查) as the API and CLI speak them.

const id = z.number().int().positive()
const weekday = z
  .number()
  .int()
  .min(1, '星期应为 1–7(1 = 星期一)/ weekday must be 1–7 (1 = Monday)')
  .max(7, '星期应为 1–7(7 = 星期日)/ weekday must be 1–7 (7 = Sunday)')
const minutes = (max: number) =>
  z
    .number()
    .int('应为整数分钟 / whole minutes')
    .min(0, '不能为负 / must not be negative')
    .max(max, `最多 ${max} 分钟 / at most ${max} minutes`)

/** A wall-clock time HH:MM; 24:00 ends a shift at midnight. */
export const timeOfDaySchema = z
  .string()
  .regex(
    /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/,
    '时间格式应为 HH:MM(如 09:30、24:00)/ time must be HH:MM, e.g. 09:30 or 24:00',
  )
  .meta({ example: '09:30' })

/** A month written YYYY-MM. */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM / month must be YYYY-MM')
  .meta({ example: '2026-11' })

/** An ISO week written YYYY-Www that exists. */
export const isoWeekSchema = z
  .string()
  .refine(
    (w) => isoWeekRange(w) !== undefined,
    '周应写作 YYYY-Www(ISO 周,如 2026-W48)/ week must be an ISO week YYYY-Www',
  )
  .meta({ example: '2026-W48' })

export const timeZoneSchema = z
  .string()
  .refine(
    isValidTimeZone,
    '未知时区,应为 IANA 名称(如 Asia/Shanghai)/ unknown time zone: use an IANA name such as Asia/Shanghai',
  )

const timedFields = {
  start: timeOfDaySchema,
  end: timeOfDaySchema,
  crossesMidnight: z.boolean().default(false).meta({
    description:
      'true for a shift such as 22:00–02:00 (start "22:00", end "02:00"); a midnight end is "24:00"',
  }),
}

function refineTimes(v: { start: string; end: string; crossesMidnight: boolean }, ctx: z.RefinementCtx) {
  for (const issue of validateTimes(v, ''))
    ctx.addIssue({ code: 'custom', message: issue.message, path: [issue.path.replace(/^\./, '')] })
}

// Shifts (班次)
export const shiftInputSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, '班次名称不能为空 / name must not be empty')
      .max(50, '最多 50 个字符 / at most 50 characters'),
    ...timedFields,
  })
  .superRefine(refineTimes)
  .meta({ id: 'ShiftInput' })
export type ShiftInput = z.infer<typeof shiftInputSchema>

export const shiftSchema = z
  .object({ id, name: z.string(), start: z.string(), end: z.string(), crossesMidnight: z.boolean() })
  .meta({ id: 'Shift' })

// Service hours (服务时间)
export const serviceWindowSchema = z
  .strictObject({
    weekday,
    ...timedFields,
    requiredAgents: z
      .number()
      .int()
      .min(0, '所需人数不能为负 / requiredAgents must be ≥ 0')
      .max(100)
      .default(1),
  })
  .superRefine(refineTimes)
export type ServiceWindowInput = z.infer<typeof serviceWindowSchema>

export const serviceHoursInputSchema = z
  .strictObject({ windows: z.array(serviceWindowSchema).max(100) })
  .meta({ id: 'ServiceHoursInput' })
export type ServiceHoursInput = z.infer<typeof serviceHoursInputSchema>

// Weekly patterns (每周排班)
export const rotaPatternInputSchema = z
  .strictObject({
    employeeId: id,
    entries: z
      .array(
        z.strictObject({
          weekday,
          shiftId: id,
          validFrom: isoDateSchema.nullable().optional(),
          validTo: isoDateSchema.nullable().optional(),
        }),
      )
      .max(100),
  })
  .meta({ id: 'RotaPatternInput' })
export type RotaPatternInput = z.infer<typeof rotaPatternInputSchema>

// Dated exceptions: leave 请假, swap 换班, cover 顶班
export const rotaExceptionInputSchema = z
  .strictObject({
    date: isoDateSchema,
    employeeId: id,
    kind: z.enum(
      ['leave', 'swap', 'cover'],
      '类型应为 leave、swap 或 cover / kind must be leave, swap or cover',
    ),
    shiftId: id.nullable().default(null),
    coverEmployeeId: id.nullable().default(null),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .meta({ id: 'RotaExceptionInput' })
export type RotaExceptionInput = z.infer<typeof rotaExceptionInputSchema>

// Clock records (打卡记录): instants with an offset, e.g. 2026-11-23T09:31:00+08:00
export const clockEventsInputSchema = z
  .strictObject({
    source: z.string().trim().min(1).max(50).default('manual'),
    events: z
      .array(
        z.strictObject({
          employeeId: id,
          at: z.iso.datetime({
            offset: true,
            message: '打卡时间应为带时区的 ISO 时间 / at must be an ISO date-time with offset',
          }),
          kind: z.enum(['in', 'out'], '打卡类型应为 in 或 out / kind must be in or out'),
        }),
      )
      .min(1, '至少一条打卡记录 / at least one event')
      .max(50_000),
  })
  .meta({ id: 'ClockEventsInput' })
export type ClockEventsInput = z.infer<typeof clockEventsInputSchema>

// Attendance rules and rota limits (考勤规则)
export const attendanceRulesInputSchema = z
  .strictObject({
    lateGraceMinutes: minutes(240).default(5),
    earlyLeaveGraceMinutes: minutes(240).default(5),
    absentAfterMinutes: minutes(1440).nullable().default(null),
    matchWindowMinutes: minutes(1440).min(1).default(240),
    leaveCountsAsScheduled: z.boolean().default(true),
    maxWeeklyHours: z
      .number()
      .positive('每周工时上限应大于 0 / maxWeeklyHours must be above 0')
      .max(168)
      .nullable()
      .default(null),
    maxConsecutiveDays: z
      .number()
      .int()
      .min(1, '连续工作天数上限至少 1 / maxConsecutiveDays must be ≥ 1')
      .max(366)
      .nullable()
      .default(null),
  })
  .meta({ id: 'AttendanceRulesInput' })
export type AttendanceRulesInput = z.infer<typeof attendanceRulesInputSchema>

// Coverage check (覆盖检查)
export const coverageQuerySchema = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema })
  .refine((q) => q.from <= q.to, { message: '结束日期早于开始日期 / to is before from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, {
    message: '日期范围最多 367 天 / the range may span at most 367 days',
    path: ['to'],
  })
export type CoverageQuery = z.infer<typeof coverageQuerySchema>

// Weekly sampling (每周抽查)
export const drawWeeklySamplesInputSchema = z
  .strictObject({
    week: isoWeekSchema,
    sampleSize: z
      .number()
      .int()
      .min(1, '每人至少抽 1 条 / sampleSize must be ≥ 1')
      .max(100, '每人最多抽 100 条 / at most 100'),
    seed: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: 'Omit to have a random seed generated and recorded' }),
    candidates: z
      .array(
        z.strictObject({
          employeeId: id,
          itemIds: z
            .array(z.string().trim().min(1, '会话编号不能为空 / item id must not be empty').max(200))
            .max(100_000),
        }),
      )
      .min(1, '至少一名客服 / at least one agent'),
  })
  .meta({ id: 'DrawWeeklySamplesInput' })
export type DrawWeeklySamplesInput = z.infer<typeof drawWeeklySamplesInputSchema>

export const samplingFormSchema = z.strictObject({
  criteria: z
    .array(
      z.strictObject({
        key: z.string().trim().min(1).max(50),
        label: z.string().trim().min(1).max(100),
        maxPoints: z.number().positive('满分应大于 0 / maxPoints must be above 0').max(1000),
      }),
    )
    .min(1, '评分表至少一项 / at least one criterion')
    .max(50),
})

export const sampleScoreInputSchema = z
  .strictObject({
    drawId: id,
    itemId: z.string().trim().min(1).max(200),
    points: z.record(z.string(), z.number()),
    comment: z.string().trim().max(2000).nullable().optional(),
    form: samplingFormSchema.optional(),
  })
  .meta({ id: 'SampleScoreInput' })
export type SampleScoreInput = z.infer<typeof sampleScoreInputSchema>

export const samplingWeightsSchema = z
  .strictObject({ supervisor: z.number().min(0).max(1), self: z.number().min(0).max(1) })
  .refine((w) => Math.abs(w.supervisor + w.self - 1) < 1e-9, {
    message: '主管与自评权重之和应为 1 / supervisor and self weights must add up to 1',
    path: ['self'],
  })

export const samplingComponentInputSchema = z
  .strictObject({
    employeeId: id,
    month: monthSchema,
    selfScore: z
      .number()
      .min(0, '自评分不能为负 / selfScore must be ≥ 0')
      .max(100, '自评分最高 100 / selfScore is at most 100')
      .nullable(),
    weights: samplingWeightsSchema.optional(),
  })
  .meta({ id: 'SamplingComponentInput' })
export type SamplingComponentInput = z.infer<typeof samplingComponentInputSchema>

export const monthlyAttendanceInputSchema = z.strictObject({
  month: monthSchema,
  employeeIds: z.array(id).optional(),
})
export type MonthlyAttendanceInput = z.infer<typeof monthlyAttendanceInputSchema>

// ---- Responses ------------------------------------------------------------------------------------------
// What the rota routes answer, as sent: dates YYYY-MM-DD, times HH:MM, instants epoch milliseconds.

const isoDate = z.string().meta({ example: '2026-11-23' })
const employeeNamesSchema = z
  .record(z.string(), z.string())
  .meta({ description: 'Names of the employees mentioned, by id' })

export const serviceWindowRecordSchema = z
  .object({
    weekday: z.number().int(),
    start: z.string(),
    end: z.string(),
    crossesMidnight: z.boolean(),
    requiredAgents: z.number().int(),
  })
  .meta({ id: 'ServiceWindow' })
export type ServiceWindowRecord = z.infer<typeof serviceWindowRecordSchema>

export const serviceHoursSchema = z
  .object({ windows: z.array(serviceWindowRecordSchema) })
  .meta({ id: 'ServiceHours' })
export type ServiceHours = z.infer<typeof serviceHoursSchema>

export const rotaPatternEntrySchema = z
  .object({
    employeeId: id,
    weekday: z.number().int(),
    shiftId: id,
    validFrom: isoDate.nullable().optional(),
    validTo: isoDate.nullable().optional(),
  })
  .meta({ id: 'RotaPatternEntry' })
export type RotaPatternEntryRecord = z.infer<typeof rotaPatternEntrySchema>

export const rotaPatternSchema = z
  .object({ employeeId: id, entries: z.array(rotaPatternEntrySchema) })
  .meta({ id: 'RotaPattern' })
export type RotaPattern = z.infer<typeof rotaPatternSchema>

export const rotaExceptionSchema = z
  .object({
    id,
    date: isoDate,
    employeeId: id,
    kind: z.enum(['leave', 'swap', 'cover']),
    shiftId: id.nullable(),
    coverEmployeeId: id.nullable(),
    note: z.string().nullable().optional(),
  })
  .meta({ id: 'RotaException' })
export type RotaException = z.infer<typeof rotaExceptionSchema>

export const rotaDaySchema = z
  .object({
    date: isoDate,
    employeeId: id,
    employeeName: z.string(),
    shiftId: id,
    shiftName: z.string(),
    start: z.string().meta({ description: 'Local start HH:MM' }),
    end: z.string().meta({ description: 'Local end HH:MM; 24:00 at midnight' }),
    endsNextDay: z.boolean(),
    source: z.enum(['pattern', 'swap', 'cover']),
    coveringFor: id.nullable(),
  })
  .meta({ id: 'RotaDay' })
export type RotaDay = z.infer<typeof rotaDaySchema>

export const rotaLeaveSchema = z
  .object({
    date: isoDate,
    employeeId: id,
    employeeName: z.string(),
    shiftName: z.string(),
    coveredBy: id.nullable(),
  })
  .meta({ id: 'RotaLeave' })
export type RotaLeave = z.infer<typeof rotaLeaveSchema>

export const rotaCalendarSchema = z
  .object({
    timeZone: z.string(),
    shifts: z.array(shiftSchema),
    serviceHours: z.array(serviceWindowRecordSchema),
    patterns: z.array(rotaPatternEntrySchema),
    exceptions: z.array(rotaExceptionSchema),
    days: z.array(rotaDaySchema),
    leaves: z.array(rotaLeaveSchema),
  })
  .meta({ id: 'RotaCalendar' })
export type RotaCalendar = z.infer<typeof rotaCalendarSchema>

export const coverageGapSchema = z
  .object({
    date: isoDate,
    weekday: z.number().int(),
    weekdayName: z.string(),
    from: z.string(),
    to: z.string(),
    onDuty: z.number().int(),
    required: z.number().int(),
    employeeIds: z.array(id),
  })
  .meta({ id: 'CoverageGap' })
export type CoverageGap = z.infer<typeof coverageGapSchema>

export const coverageReportSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    timeZone: z.string(),
    gaps: z.array(coverageGapSchema),
    weeklyHoursViolations: z.array(
      z.object({
        employeeId: id,
        weekStart: isoDate,
        weekEnd: isoDate,
        hours: z.number(),
        limit: z.number(),
      }),
    ),
    consecutiveDaysViolations: z.array(
      z.object({ employeeId: id, from: isoDate, to: isoDate, days: z.number().int(), limit: z.number() }),
    ),
    employeeNames: employeeNamesSchema,
  })
  .meta({ id: 'CoverageReport' })
export type CoverageReport = z.infer<typeof coverageReportSchema>

export const attendanceRulesSchema = z
  .object({
    lateGraceMinutes: z.number().int(),
    earlyLeaveGraceMinutes: z.number().int(),
    absentAfterMinutes: z.number().int().nullable(),
    matchWindowMinutes: z.number().int(),
    leaveCountsAsScheduled: z.boolean(),
    maxWeeklyHours: z.number().nullable(),
    maxConsecutiveDays: z.number().int().nullable(),
  })
  .meta({ id: 'AttendanceRules' })
export type AttendanceRules = z.infer<typeof attendanceRulesSchema>

const clockEventSchema = z.object({
  employeeId: id,
  at: z.number().meta({ description: 'Epoch milliseconds' }),
  kind: z.enum(['in', 'out']),
})

export const shiftAttendanceSchema = z
  .object({
    date: isoDate,
    employeeId: id,
    shiftId: id,
    shiftName: z.string(),
    scheduledStart: z.number().meta({ description: 'Epoch milliseconds' }),
    scheduledEnd: z.number().meta({ description: 'Epoch milliseconds' }),
    clockIn: z.number().nullable(),
    clockOut: z.number().nullable(),
    status: z.enum(['attended', 'absent', 'leave']),
    isLate: z.boolean(),
    lateMinutes: z.number(),
    isEarlyLeave: z.boolean(),
    earlyLeaveMinutes: z.number(),
    missingClockIn: z.boolean(),
    missingClockOut: z.boolean(),
    coveringFor: id.nullable(),
  })
  .meta({ id: 'ShiftAttendance' })

export const attendanceSummarySchema = z
  .object({
    employeeId: id,
    scheduledShifts: z.number().int(),
    attendedShifts: z.number().int(),
    attendanceRate: z.number().nullable().meta({ description: '出勤率, a ratio 0–1 to 4 places' }),
    lateCount: z.number().int(),
    earlyLeaveCount: z.number().int(),
    absenceCount: z.number().int(),
    leaveDays: z.number(),
    missingPunchCount: z.number().int(),
  })
  .meta({ id: 'AttendanceSummary' })
export type AttendanceSummary = z.infer<typeof attendanceSummarySchema>

export const monthlyAttendanceSchema = z
  .object({
    month: z.string(),
    timeZone: z.string(),
    rules: z.object({
      lateGraceMinutes: z.number().int(),
      earlyLeaveGraceMinutes: z.number().int(),
      absentAfterMinutes: z.number().int().nullable(),
      matchWindowMinutes: z.number().int(),
      leaveCountsAsScheduled: z.boolean(),
    }),
    shifts: z.array(shiftAttendanceSchema),
    summaries: z.array(attendanceSummarySchema),
    metrics: z.array(
      z.object({
        employeeId: id,
        code: z.enum(['attendance_rate', 'late_count', 'early_leave_count', 'absence_count', 'leave_days']),
        value: z.number().nullable(),
      }),
    ),
    unmatchedEvents: z.array(clockEventSchema),
    employeeNames: employeeNamesSchema,
    /** Whether clock data was imported for the month; without it the figures are missing (无考勤数据), not absences. */
    clockData: z.boolean(),
  })
  .meta({ id: 'MonthlyAttendance' })
export type MonthlyAttendance = z.infer<typeof monthlyAttendanceSchema>

export const publishedAttendanceSchema = z
  .object({ importId: id, month: z.string(), rows: z.number().int(), replacedRows: z.number().int() })
  .meta({ id: 'PublishedAttendance' })
export type PublishedAttendance = z.infer<typeof publishedAttendanceSchema>

const scoredCriterionSchema = z.object({
  key: z.string(),
  label: z.string(),
  maxPoints: z.number(),
  points: z.number(),
})

export const sampleDrawSchema = z
  .object({
    id,
    employeeId: id,
    week: z.string(),
    seed: z.string(),
    algorithm: z.string(),
    sampleSize: z.number().int(),
    candidateIds: z.array(z.string()),
    drawnIds: z.array(z.string()),
    drawnByUserId: id.nullable(),
    createdAt: z.string().meta({ description: 'ISO date-time' }),
  })
  .meta({ id: 'SampleDraw' })
export type SampleDraw = z.infer<typeof sampleDrawSchema>

export const sampleDrawsSchema = z.object({ items: z.array(sampleDrawSchema) }).meta({ id: 'SampleDraws' })

export const drawVerificationSchema = sampleDrawSchema
  .extend({ reproducible: z.boolean() })
  .meta({ id: 'DrawVerification' })
export type DrawVerification = z.infer<typeof drawVerificationSchema>

export const storedSampleScoreSchema = z
  .object({
    id,
    drawId: id,
    employeeId: id,
    week: z.string(),
    itemId: z.string(),
    criteria: z.array(scoredCriterionSchema),
    score: z.number(),
    comment: z.string().nullable(),
    scoredByUserId: id.nullable(),
  })
  .meta({ id: 'StoredSampleScore' })
export type StoredSampleScore = z.infer<typeof storedSampleScoreSchema>

export const weeklySampleSchema = sampleDrawSchema
  .extend({
    employeeName: z.string(),
    items: z.array(z.object({ itemId: z.string(), score: storedSampleScoreSchema.nullable() })),
  })
  .meta({ id: 'WeeklySample' })
export type WeeklySample = z.infer<typeof weeklySampleSchema>

export const weeklySamplesSchema = z
  .object({ items: z.array(weeklySampleSchema) })
  .meta({ id: 'WeeklySamples' })

export const samplingFormSourceSchema = z
  .object({
    criteria: z.array(z.object({ key: z.string(), label: z.string(), maxPoints: z.number() })),
    template: z
      .object({ id, code: z.string(), name: z.string(), version: z.number().int() })
      .nullable()
      .meta({ description: 'The template whose indicators form the sheet; null for the default form' }),
  })
  .meta({ id: 'SamplingForm' })
export type SamplingFormSource = z.infer<typeof samplingFormSourceSchema>

export const sampleScoreSchema = z
  .object({
    id,
    drawId: id,
    itemId: z.string(),
    criteria: z.array(scoredCriterionSchema),
    points: z.number(),
    maxPoints: z.number(),
    score: z.number().meta({ description: '100 scale, 2 places' }),
    comment: z.string().nullable(),
  })
  .meta({ id: 'SampleScore' })
export type SampleScore = z.infer<typeof sampleScoreSchema>

export const samplingComponentSchema = z
  .object({
    employeeId: id,
    month: z.string(),
    sampleCount: z.number().int(),
    supervisorScore: z.number().nullable(),
    selfScore: z.number().nullable(),
    weights: z.object({ supervisor: z.number(), self: z.number() }),
    total: z.number().nullable(),
    missing: z.array(z.enum(['supervisor', 'self'])),
    explanation: z.string(),
    weeks: z
      .array(z.string())
      .meta({ description: 'The ISO weeks counted: those whose Thursday is in the month' }),
    samples: z.array(storedSampleScoreSchema),
    unscoredItems: z.array(z.object({ week: z.string(), itemId: z.string() })),
  })
  .meta({ id: 'SamplingComponent' })
export type SamplingComponent = z.infer<typeof samplingComponentSchema>
