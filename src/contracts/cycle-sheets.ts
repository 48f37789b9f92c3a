import { z } from 'zod'
import { sheetStateSchema } from './workflow.ts'

// 全部考核表: every sheet of a cycle (HR, admin) or of a supervisor's reporting tree, filtered, sorted and paged
// on the server. The same query schema parses the API's query string, the CLI's flags and the web page's URL.

const id = z.number().int().positive()
const day = z.string().meta({ format: 'date', description: 'YYYY-MM-DD' })
const yesNo = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .meta({ description: 'true or false' })

export const cycleSheetSorts = ['name', 'department', 'stage', 'total', 'grade', 'deadline'] as const
export const cycleSheetPageSizeLimit = 200

export const cycleSheetQuerySchema = z.strictObject({
  departmentId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  /** One state or several, comma-separated (draft,targets_agreed). */
  state: z
    .string()
    .max(400)
    .transform((value, ctx) => {
      const states = value.split(',').map((s) => s.trim())
      const parsed = z.array(sheetStateSchema).safeParse(states)
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: `state 不是有效的考核表状态：${value}` })
        return z.NEVER
      }
      return parsed.data
    })
    .optional()
    .meta({ description: 'Sheet states, comma-separated' }),
  grade: z.string().trim().min(1).max(20).optional(),
  overdue: yesNo.optional(),
  hasAppeal: yesNo.optional(),
  /** Held by the last compute for missing data (待补数据). */
  held: yesNo.optional(),
  sort: z.enum(cycleSheetSorts).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(cycleSheetPageSizeLimit).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})
export type CycleSheetQueryInput = z.input<typeof cycleSheetQuerySchema>
export type CycleSheetQuery = z.output<typeof cycleSheetQuerySchema>

export const cycleSheetRowSchema = z
  .strictObject({
    id,
    employeeId: id,
    employeeNo: z.string(),
    employeeName: z.string(),
    departmentId: id.nullable(),
    departmentName: z.string().nullable(),
    reviewerEmployeeId: id.nullable(),
    reviewerName: z.string().nullable(),
    state: sheetStateSchema,
    total: z.number().nullable(),
    grade: z.string().nullable(),
    dueDate: day.nullable().meta({ description: 'When the next step is due (the cycle’s stage deadline)' }),
    isOverdue: z.boolean(),
    hasAppeal: z.boolean(),
    isHeld: z.boolean().meta({ description: 'Held by the last compute for missing data' }),
  })
  .meta({ id: 'CycleSheetRow' })
export type CycleSheetRow = z.infer<typeof cycleSheetRowSchema>

export const cycleSheetPageSchema = z
  .strictObject({
    cycle: z.strictObject({ id, name: z.string() }),
    today: day,
    items: z.array(cycleSheetRowSchema),
    total: z.number().int().meta({ description: 'Sheets matching the filters, all pages' }),
    limit: z.number().int(),
    offset: z.number().int(),
    departments: z.array(z.strictObject({ id, name: z.string() })),
  })
  .meta({ id: 'CycleSheetPage', description: '全部考核表: one page of a cycle’s sheets' })
export type CycleSheetPage = z.infer<typeof cycleSheetPageSchema>

/** The list's query as a URL carries it (each filter a string), for links to a filtered list. */
export type CycleSheetSearch = { [K in keyof CycleSheetQueryInput]?: string }
