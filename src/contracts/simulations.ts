import { z } from 'zod'
import { paySchemeSchema } from './pay.ts'

// What-if simulations (模拟, issue 16 part 10): a draft template or pay scheme tried on a finished cycle. Every
// person's score, grade, coefficient and pay today and under the draft, the difference, the rules that moved
// it, and totals by department. A simulation is a background job; nothing it computes is stored on a sheet.

const id = z.number().int().positive()
const decimal = z.string().meta({ description: 'A decimal as a string ("87.5", "1413.57")' })

export const simulationRequestSchema = z
  .strictObject({
    /** A saved version of a template to try in place of the version the cycle's sheets of that template use. */
    templateVersionId: id.optional(),
    /** An unsaved draft template (the editor's); tried on the sheets of the template with the same code. */
    template: z.unknown().optional().meta({ description: 'A Template (see the Template schema)' }),
    /** A pay scheme to try in place of the schemes of the same code (or on the positions named). */
    payScheme: paySchemeSchema.optional(),
    /** Positions the pay scheme is tried on besides the people now paid by a scheme of its code. */
    payPositionIds: z.array(id).max(500).optional(),
  })
  .refine((r) => r.templateVersionId !== undefined || r.template !== undefined || r.payScheme !== undefined, {
    message:
      '请给出要模拟的模板版本、模板草稿或薪酬方案 / give a template version, a draft template or a pay scheme',
    path: ['template'],
  })
  .refine((r) => r.templateVersionId === undefined || r.template === undefined, {
    message: '模板版本与模板草稿只能给一个 / give either a template version or a draft template',
    path: ['templateVersionId'],
  })
  .meta({ id: 'SimulationRequest' })
export type SimulationRequest = z.infer<typeof simulationRequestSchema>

export const simulationStartedSchema = z
  .strictObject({ simulationId: id, jobId: id })
  .meta({ id: 'SimulationStarted' })
export type SimulationStarted = z.infer<typeof simulationStartedSchema>

export const changedRuleSchema = z
  .strictObject({
    kind: z.enum(['indicator', 'adjustment', 'scale', 'grade_bands', 'coefficient_bands', 'pay_line']),
    key: z.string(),
    name: z.string(),
    nameEn: z.string().optional(),
    before: decimal.nullable(),
    after: decimal.nullable(),
  })
  .meta({ id: 'SimulationChangedRule' })
export type ChangedRuleDto = z.infer<typeof changedRuleSchema>

const sideSchema = z.strictObject({
  total: decimal.nullable(),
  grade: z.string().nullable(),
  coefficient: decimal.nullable(),
  /** null: no pay (no scheme, or the scheme could not be computed; see problems). */
  pay: decimal.nullable(),
})

export const simulationRowSchema = z
  .strictObject({
    sheetId: id,
    employeeId: id,
    employeeNo: z.string(),
    employeeName: z.string(),
    departmentName: z.string().nullable(),
    positionName: z.string().nullable(),
    today: sideSchema,
    draft: sideSchema,
    delta: z.strictObject({
      total: decimal.nullable(),
      coefficient: decimal.nullable(),
      pay: decimal.nullable(),
    }),
    changed: z.boolean(),
    changes: z.array(changedRuleSchema),
    /** Why a side has no score or pay, in zh-CN / en. */
    problems: z.array(z.strictObject({ 'zh-CN': z.string(), en: z.string() })),
  })
  .meta({ id: 'SimulationRow' })
export type SimulationRow = z.infer<typeof simulationRowSchema>

export const departmentTotalSchema = z
  .strictObject({
    departmentName: z.string().nullable(),
    people: z.number().int(),
    changed: z.number().int(),
    today: z.strictObject({ averageScore: decimal.nullable(), pay: decimal }),
    draft: z.strictObject({ averageScore: decimal.nullable(), pay: decimal }),
    delta: z.strictObject({ averageScore: decimal.nullable(), pay: decimal }),
  })
  .meta({ id: 'SimulationDepartmentTotal' })

export const simulationSchema = z
  .strictObject({
    id,
    cycleId: id,
    cycleName: z.string(),
    /** What was tried: the template (name, code, the version when saved) and/or the pay scheme. */
    subject: z.strictObject({
      template: z
        .strictObject({ code: z.string(), name: z.string(), version: z.number().int().nullable() })
        .nullable(),
      payScheme: z
        .strictObject({ code: z.string(), name: z.strictObject({ 'zh-CN': z.string(), en: z.string() }) })
        .nullable(),
    }),
    rows: z.array(simulationRowSchema),
    departments: z.array(departmentTotalSchema),
    all: departmentTotalSchema,
    createdAt: z.string().meta({ format: 'date-time' }),
  })
  .meta({ id: 'Simulation' })
export type Simulation = z.infer<typeof simulationSchema>

/** A simulation job as GET answers it: progress, and the comparison once it is done. */
export const simulationStatusSchema = z
  .strictObject({
    id,
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    done: z.number().int(),
    total: z.number().int(),
    error: z.string().nullable(),
    simulation: simulationSchema.nullable(),
  })
  .meta({ id: 'SimulationStatus' })
export type SimulationStatus = z.infer<typeof simulationStatusSchema>

/** A pay scheme as the simulation request takes it (the web edits a draft of one). */
export type PaySchemeDraft = z.infer<typeof paySchemeSchema>
