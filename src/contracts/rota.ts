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
