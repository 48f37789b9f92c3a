import { z } from 'zod'

// Directory sync (通讯录同步) as the API speaks it: a preview or apply of a DingTalk, Feishu or WeCom directory,
// and the record of past runs.

export const directoryKindSchema = z.enum(['dingtalk', 'feishu', 'wecom'])
export type DirectoryKindName = z.infer<typeof directoryKindSchema>

export const directoryKindParamSchema = z.object({
  kind: directoryKindSchema.meta({ param: { name: 'kind', in: 'path' }, example: 'dingtalk' }),
})

const count = z.number().int().nonnegative()

export const directorySyncCountsSchema = z.object({
  departmentsCreated: count,
  created: count,
  changed: count,
  unchanged: count,
  markedLeft: count,
  errors: count,
})

export const directoryChangedFieldSchema = z.enum([
  'name',
  'department',
  'manager',
  'phone',
  'email',
  'hireDate',
  'status',
])

export const directorySyncResultSchema = z
  .object({
    runId: z.number().int().positive(),
    kind: directoryKindSchema,
    mode: z.enum(['preview', 'apply']),
    counts: directorySyncCountsSchema,
    departmentsToCreate: z.array(z.object({ name: z.string(), parentName: z.string().nullable() })),
    created: z.array(
      z.object({
        employeeNo: z.string(),
        name: z.string(),
        department: z.string().nullable(),
        managerNo: z.string().nullable(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
        hireDate: z.string().meta({ format: 'date' }),
      }),
    ),
    changed: z.array(
      z.object({
        employeeNo: z.string(),
        name: z.string(),
        changes: z.array(
          z.object({
            field: directoryChangedFieldSchema,
            from: z.string().nullable(),
            to: z.string().nullable(),
          }),
        ),
      }),
    ),
    left: z.array(
      z.object({ employeeNo: z.string(), name: z.string(), leaveDate: z.string().meta({ format: 'date' }) }),
    ),
    errors: z.array(
      z.object({ employeeNo: z.string().nullable(), name: z.string().nullable(), message: z.string() }),
    ),
  })
  .meta({ id: 'DirectorySyncResult' })
export type DirectorySyncResult = z.infer<typeof directorySyncResultSchema>

export const directorySyncRunSchema = z
  .object({
    id: z.number().int().positive(),
    kind: directoryKindSchema,
    mode: z.enum(['preview', 'apply']),
    trigger: z.enum(['web', 'cli', 'daily']),
    status: z.enum(['ok', 'failed']),
    actorName: z.string().nullable(),
    startedAt: z.string().meta({ format: 'date-time' }),
    finishedAt: z.string().meta({ format: 'date-time' }),
    counts: directorySyncCountsSchema,
    /** The run's errors (at most 200), or why it failed. */
    messages: z.array(z.string()),
  })
  .meta({ id: 'DirectorySyncRun' })
export type DirectorySyncRun = z.infer<typeof directorySyncRunSchema>

export const directorySyncRunListSchema = z.object({ items: z.array(directorySyncRunSchema) })

/** 每日同步: whether a provider's directory is applied once a day (after its first, previewed, apply). */
export const directoryDailyInputSchema = z.strictObject({ syncDaily: z.boolean() })
export const directoryDailySchema = z.object({ kind: directoryKindSchema, syncDaily: z.boolean() })
export type DirectoryDaily = z.infer<typeof directoryDailySchema>
