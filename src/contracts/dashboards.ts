import { z } from 'zod'

// The dashboards (绩效看板) as the API speaks them: read-only aggregates of scored sheets, computed in SQL.
// HR and admin read the whole company, a supervisor their reporting tree, an employee themself.

const id = z.number().int().positive()
const optionalId = z.coerce.number().int().positive().optional()
const nullableNumber = z.number().nullable()
const localized = z.object({ 'zh-CN': z.string(), 'zh-TW': z.string().optional(), en: z.string().optional() })

export const dashboardQuerySchema = z.object({
  cycleId: optionalId.meta({ description: 'The cycle (default: the latest one with scored sheets)' }),
  departmentId: optionalId.meta({ description: 'Only this department and its sub-departments' }),
})

export const teamDashboardQuerySchema = dashboardQuerySchema.extend({
  threshold: z.coerce
    .number()
    .min(0, 'threshold 不能小于 0')
    .max(1000, 'threshold 不能大于 1000')
    .optional()
    .meta({ description: 'Totals below this are listed as below threshold (default 60, 合格线)' }),
})

export const myDashboardQuerySchema = z.object({
  cycleId: optionalId,
  employeeId: optionalId.meta({
    description: 'Another employee in the caller’s scope (supervisor, HR, admin); default: the caller',
  }),
})

export const dashboardCycleSchema = z
  .object({
    id,
    name: z.string(),
    kind: z.enum(['monthly', 'quarterly', 'annual']),
    periodStart: z.string(),
    periodEnd: z.string(),
    sheets: z.number().int(),
    scored: z.number().int(),
  })
  .meta({ id: 'DashboardCycle' })
export type DashboardCycle = z.infer<typeof dashboardCycleSchema>

export const dashboardCyclesSchema = z
  .object({ items: z.array(dashboardCycleSchema) })
  .meta({ id: 'DashboardCycles' })

const gradeCountSchema = z.object({ grade: z.string(), label: localized.nullable(), count: z.number().int() })
export type GradeCount = z.infer<typeof gradeCountSchema>

const summarySchema = z.object({
  sheets: z.number().int().meta({ description: 'Sheets in the cycle (any state)' }),
  scored: z.number().int().meta({ description: 'Sheets with a computed total' }),
  mean: nullableNumber,
  median: nullableNumber,
  min: nullableNumber,
  max: nullableNumber,
})

const cycleRefSchema = dashboardCycleSchema.omit({ sheets: true, scored: true })

export const hrDashboardSchema = z
  .object({
    cycle: cycleRefSchema.nullable(),
    summary: summarySchema,
    grades: z.array(gradeCountSchema),
    departments: z.array(
      z.object({
        departmentId: id.nullable(),
        departmentName: z.string().nullable(),
        count: z.number().int(),
        mean: nullableNumber,
        grades: z.array(gradeCountSchema),
      }),
    ),
    histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
    stages: z.array(z.object({ state: z.string(), count: z.number().int() })),
    trend: z.array(
      z.object({
        cycleId: id,
        name: z.string(),
        periodStart: z.string(),
        periodEnd: z.string(),
        mean: nullableNumber,
        count: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'HrDashboard' })
export type HrDashboard = z.infer<typeof hrDashboardSchema>

const dimensionShareSchema = z.object({
  name: z.string(),
  /** Points as a percentage of the dimension's budget, averaged (team) or the employee's own. */
  percent: nullableNumber,
  count: z.number().int(),
})

export const teamDashboardSchema = z
  .object({
    cycle: cycleRefSchema.nullable(),
    threshold: z.number(),
    summary: summarySchema,
    dimensions: z.array(dimensionShareSchema),
    indicators: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        unit: z.string().nullable(),
        /** Lower is better (退货率, 投诉率, 响应时长): within target when the actual is at or below it. */
        lowerIsBetter: z.boolean(),
        count: z.number().int(),
        actual: nullableNumber.meta({ description: 'Mean actual value over the team' }),
        target: nullableNumber.meta({ description: 'Mean target' }),
        completion: nullableNumber.meta({ description: 'Mean actual ÷ target, as a fraction (1 = 100%)' }),
        points: nullableNumber,
        maxPoints: nullableNumber,
      }),
    ),
    members: z.array(
      z.object({
        sheetId: id,
        employeeId: id,
        employeeName: z.string(),
        departmentName: z.string().nullable(),
        total: z.number(),
        grade: z.string().nullable(),
      }),
    ),
    membersTruncated: z.boolean(),
    belowThreshold: z.array(
      z.object({
        sheetId: id,
        employeeId: id,
        employeeName: z.string(),
        departmentName: z.string().nullable(),
        total: z.number(),
        grade: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'TeamDashboard' })
export type TeamDashboard = z.infer<typeof teamDashboardSchema>

export const myDashboardSchema = z
  .object({
    employee: z.object({ id, name: z.string() }),
    cycle: cycleRefSchema.nullable(),
    sheet: z
      .object({
        id,
        state: z.string(),
        total: nullableNumber,
        grade: z.string().nullable(),
        gradeLabel: localized.nullable(),
        coefficient: nullableNumber,
      })
      .nullable(),
    trend: z.array(
      z.object({
        cycleId: id,
        name: z.string(),
        kind: z.string(),
        periodStart: z.string(),
        periodEnd: z.string(),
        total: z.number(),
        grade: z.string().nullable(),
      }),
    ),
    teamSize: z.number().int(),
    dimensions: z.array(
      z.object({
        name: z.string(),
        points: z.number(),
        maxPoints: z.number(),
        percent: nullableNumber,
        /** The team's median percentage; null when the team has fewer than 3 scored sheets (privacy). */
        teamMedian: nullableNumber,
      }),
    ),
    indicators: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        dimension: z.string(),
        unit: z.string().nullable(),
        actual: nullableNumber,
        target: nullableNumber,
        points: z.number(),
        maxPoints: z.number(),
        /** The team's median of points as a percentage of the maximum; null like the dimensions' median. */
        teamMedian: nullableNumber,
        explanation: z.object({ 'zh-CN': z.string(), en: z.string() }).nullable(),
      }),
    ),
  })
  .meta({ id: 'MyDashboard' })
export type MyDashboard = z.infer<typeof myDashboardSchema>
