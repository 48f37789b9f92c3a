import { z } from 'zod'

// Organisation data as the API speaks it: departments, positions (岗位) with job descriptions (岗位说明书), employees.

const id = z.number().int().positive()
const refId = id.nullable()
const name = (max: number) => z.string().trim().min(1, '不能为空').max(max, `最多 ${max} 个字符`)

/** A calendar date written YYYY-MM-DD that exists (2025-02-29 does not). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD', abort: true })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
  }, '不是一个存在的日期')
  .meta({ format: 'date', example: '2025-03-01' })

export const idParamSchema = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .meta({ param: { name: 'id', in: 'path' }, example: 1 }),
})

// Departments (部门)
/** When a department or position was retired (已撤销), an ISO timestamp; null while it is in use. */
const retiredAt = z.string().meta({ format: 'date-time' }).nullable()

export const departmentSchema = z
  .object({ id, name: z.string(), parentId: refId, retiredAt })
  .meta({ id: 'Department' })
export type Department = z.infer<typeof departmentSchema>

export const departmentInputSchema = z
  .strictObject({ name: name(100), parentId: refId.optional() })
  .meta({ id: 'DepartmentInput' })
export type DepartmentInput = z.infer<typeof departmentInputSchema>

export const departmentPatchSchema = z
  .strictObject({ name: name(100).optional(), parentId: refId.optional() })
  .meta({ id: 'DepartmentPatch' })
export type DepartmentPatch = z.infer<typeof departmentPatchSchema>

export const departmentListSchema = z.object({ items: z.array(departmentSchema) })

// Positions (岗位) and their job descriptions (岗位说明书)
const text = z.string().trim().max(4000)
const textList = z.array(z.string().trim().min(1).max(500)).max(100)

export const jobDescriptionSchema = z
  .strictObject({
    summary: text.optional(), // 岗位概述
    subordinatePositions: textList.optional(), // 下属岗位
    internalCollaboration: textList.optional(), // 内部协作
    externalCollaboration: textList.optional(), // 外部协作
    duties: z
      .array(z.strictObject({ title: name(200), items: textList }))
      .max(50)
      .default([]), // 岗位职责
    workingHours: text.optional(), // 工作时间
    paySystem: text.optional(), // 薪酬制度
  })
  .meta({ id: 'JobDescription' })
export type JobDescription = z.infer<typeof jobDescriptionSchema>

export const positionSchema = z
  .object({
    id,
    name: z.string(),
    departmentId: refId,
    departmentName: z.string().nullable(),
    superiorPositionId: refId,
    superiorPositionName: z.string().nullable(),
    jobDescription: jobDescriptionSchema,
    retiredAt,
  })
  .meta({ id: 'Position' })
export type Position = z.infer<typeof positionSchema>

export const positionInputSchema = z
  .strictObject({
    name: name(100),
    departmentId: refId.optional(),
    superiorPositionId: refId.optional(),
    jobDescription: jobDescriptionSchema.optional(),
  })
  .meta({ id: 'PositionInput' })
export type PositionInput = z.infer<typeof positionInputSchema>

export const positionPatchSchema = z
  .strictObject({
    name: name(100).optional(),
    departmentId: refId.optional(),
    superiorPositionId: refId.optional(),
    jobDescription: jobDescriptionSchema.optional(),
  })
  .meta({ id: 'PositionPatch' })
export type PositionPatch = z.infer<typeof positionPatchSchema>

export const positionListSchema = z.object({ items: z.array(positionSchema) })

// Employees (员工)
export const employeeStatusSchema = z.enum(['active', 'on_leave', 'left']).meta({ id: 'EmployeeStatus' })
export type EmployeeStatus = z.infer<typeof employeeStatusSchema>

export const employeeSchema = z
  .object({
    id,
    employeeNo: z.string(),
    name: z.string(),
    departmentId: refId,
    departmentName: z.string().nullable(),
    positionId: refId,
    positionName: z.string().nullable(),
    managerId: refId,
    managerName: z.string().nullable(),
    hireDate: z.string().meta({ format: 'date' }),
    leaveDate: z.string().meta({ format: 'date' }).nullable(),
    status: employeeStatusSchema,
    phone: z.string().nullable(), // 手机
    email: z.string().nullable(), // 邮箱
  })
  .meta({ id: 'Employee' })
export type Employee = z.infer<typeof employeeSchema>

const employeeNo = z
  .string()
  .trim()
  .min(1, '不能为空')
  .max(50, '最多 50 个字符')
  .regex(/^[\w.-]+$/, '只能包含字母、数字、下划线、点和连字符')

/** 手机: digits, +, - and spaces, at least one digit; an empty box means none. */
export const phoneSchema = z
  .string()
  .trim()
  .max(30, '最多 30 个字符')
  .regex(/^[\d+\- ]*$/, '只能包含数字、+、- 和空格')
  .refine((s) => s === '' || /\d/.test(s), '至少包含一个数字')
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .meta({ example: '+86 138-0013-8000' })

/** 邮箱: a valid address; an empty box means none. */
export const emailSchema = z
  .union([z.literal(''), z.email('不是有效的邮箱地址').max(254, '最多 254 个字符')])
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .meta({ example: 'zhang.san@example.com' })

export const employeeInputSchema = z
  .strictObject({
    employeeNo,
    name: name(100),
    departmentId: refId.optional(),
    positionId: refId.optional(),
    managerId: refId.optional(),
    hireDate: isoDateSchema,
    leaveDate: isoDateSchema.nullable().optional(),
    status: employeeStatusSchema.optional(),
    phone: phoneSchema.optional(),
    email: emailSchema.optional(),
  })
  .meta({ id: 'EmployeeInput' })
export type EmployeeInput = z.infer<typeof employeeInputSchema>

export const employeePatchSchema = z
  .strictObject({
    employeeNo: employeeNo.optional(),
    name: name(100).optional(),
    departmentId: refId.optional(),
    positionId: refId.optional(),
    managerId: refId.optional(),
    hireDate: isoDateSchema.optional(),
    leaveDate: isoDateSchema.nullable().optional(),
    status: employeeStatusSchema.optional(),
    phone: phoneSchema.optional(),
    email: emailSchema.optional(),
  })
  .meta({ id: 'EmployeePatch' })
export type EmployeePatch = z.infer<typeof employeePatchSchema>

const optionalId = z.coerce.number().int().positive().optional()

export const employeeListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  departmentId: optionalId,
  positionId: optionalId,
  status: employeeStatusSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})
export type EmployeeListQuery = z.infer<typeof employeeListQuerySchema>

export const employeePageSchema = z
  .object({
    items: z.array(employeeSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'EmployeePage' })
export type EmployeePage = z.infer<typeof employeePageSchema>
