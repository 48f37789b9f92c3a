import { z } from 'zod'

// Roster import and export (花名册) as the API speaks it: the preview of an upload (what would be created,
// changed, left alone, and every refused row with its column), and the result of applying it.

export const rosterFieldSchema = z.enum([
  'employeeNo',
  'name',
  'department',
  'parentDepartment',
  'position',
  'managerNo',
  'hireDate',
  'leaveDate',
  'phone',
  'email',
])

export const rosterChangeFieldSchema = z.enum([
  'name',
  'department',
  'position',
  'managerNo',
  'hireDate',
  'leaveDate',
  'status',
  'phone',
  'email',
])

export const rosterChangeSchema = z
  .object({ field: rosterChangeFieldSchema, from: z.string().nullable(), to: z.string().nullable() })
  .meta({ id: 'RosterChange' })

export const rosterPreviewRowSchema = z
  .object({
    row: z.number().int().nullable().meta({ description: 'The file row; null for a person marked as left' }),
    employeeNo: z.string(),
    name: z.string(),
    action: z.enum(['create', 'change', 'unchanged', 'error']),
    changes: z.array(rosterChangeSchema),
  })
  .meta({ id: 'RosterPreviewRow' })
export type RosterPreviewRow = z.infer<typeof rosterPreviewRowSchema>

export const rosterIssueSchema = z
  .object({
    row: z.number().int(),
    field: rosterFieldSchema.nullable(),
    column: z.string().nullable().meta({ description: 'The column as the file names it, e.g. 部门 (C)' }),
    code: z.string(),
    value: z.string().nullable(),
    message: z.string(),
  })
  .meta({ id: 'RosterIssue' })
export type RosterIssue = z.infer<typeof rosterIssueSchema>

export const rosterCountsSchema = z
  .object({
    rows: z.number().int(),
    create: z.number().int(),
    change: z.number().int(),
    unchanged: z.number().int(),
    leave: z.number().int(),
    error: z.number().int(),
    departmentsToCreate: z.number().int(),
    positionsToCreate: z.number().int(),
  })
  .meta({ id: 'RosterCounts' })
export type RosterCounts = z.infer<typeof rosterCountsSchema>

export const rosterPreviewSchema = z
  .object({
    uploadId: z.string().meta({ description: 'Pass to POST /api/roster/apply within an hour' }),
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx']),
    encoding: z.string().nullable(),
    createMissing: z.boolean(),
    counts: rosterCountsSchema,
    departmentsToCreate: z.array(z.object({ name: z.string(), parentName: z.string().nullable() })),
    positionsToCreate: z.array(z.object({ name: z.string(), departmentName: z.string().nullable() })),
    rows: z.array(rosterPreviewRowSchema).meta({ description: 'Rows in file order, at most `rowsLimit`' }),
    rowsTotal: z.number().int(),
    errors: z.array(rosterIssueSchema).meta({ description: 'Refusals in row order, at most `rowsLimit`' }),
    errorsTotal: z.number().int(),
    rowsLimit: z.number().int(),
  })
  .meta({ id: 'RosterPreview' })
export type RosterPreview = z.infer<typeof rosterPreviewSchema>

export const rosterApplyInputSchema = z
  .strictObject({
    uploadId: z.string().uuid(),
    createMissing: z.boolean().default(false),
  })
  .meta({ id: 'RosterApplyInput' })
export type RosterApplyInput = z.infer<typeof rosterApplyInputSchema>

export const rosterApplyResultSchema = z
  .object({ counts: rosterCountsSchema })
  .meta({ id: 'RosterApplyResult' })
export type RosterApplyResult = z.infer<typeof rosterApplyResultSchema>

export const rosterPreviewQuerySchema = z.object({
  createMissing: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: 'true: create departments and positions the file names but the company lacks' }),
})
