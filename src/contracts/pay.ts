import { z } from 'zod'
import {
  coefficientSchema,
  maxMeasure,
  maxMoneyYuan,
  maxRate,
  maxWeight,
  scoreThresholdSchema,
  within,
} from './bounds.ts'

// Pay (薪酬) as the API speaks it: pay schemes per position or employee, rewards and penalties (奖惩), entered
// pay inputs, the cycle's pay sheet (工资表) with its approval and adjustment lines, and bonus pools (奖金池).
// Money travels as decimal strings with at most 2 decimals ("1413.57"); rates and parameters as decimal strings.

const id = z.number().int().positive()
const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `最多 ${max} 个字符`)

/** A decimal as typed: "1800", "0.02", or a JSON number. */
export const amountSchema = z.union([
  z
    .string()
    .trim()
    .regex(/^[+-]?(\d+(\.\d*)?|\.\d+)$/, '应为数字，例如 1800 或 0.02'),
  z.number().finite(),
])

/** Money to the fen: at most 2 decimals, within ±10,000,000.00 元. */
export const moneySchema = within(
  z.union([
    z
      .string()
      .trim()
      .regex(/^[+-]?\d{1,12}(\.\d{1,2})?$/, '应为金额，最多两位小数，例如 50 或 -20.50'),
    z
      .number()
      .finite()
      .refine(
        (n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-6,
        { message: '金额最多两位小数' },
      ),
  ]),
  '金额（元）',
  -maxMoneyYuan,
  maxMoneyYuan,
)

/** A pay-scheme amount (底薪, fixed amount, amount per unit): a decimal within ±10,000,000 元. */
const schemeMoney = within(amountSchema, '金额（元）', -maxMoneyYuan, maxMoneyYuan)
/** A rate (比例) such as 0.02: within ±10 (1,000%). */
const rateSchema = within(amountSchema, '比例', -maxRate, maxRate)
/** An entered pay input (sales, counts): within ±1,000,000,000,000. */
const payInputValue = within(amountSchema, '输入值', -maxMeasure, maxMeasure)

export const payLabelSchema = z.strictObject({ 'zh-CN': text(100), en: text(100) })
const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,60}$/, '代码只能用字母、数字、下划线、点和连字符（最多 60 个）')
const inputName = z.string().trim().min(1, '缺少输入项名称').max(60)

export const payLineSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('base_times_coefficient'),
      code,
      label: payLabelSchema,
      base: schemeMoney,
      coefficient: z.enum(['performance', 'task_completion']),
    }),
    z.strictObject({
      kind: z.literal('rate_times_input'),
      code,
      label: payLabelSchema,
      rate: rateSchema,
      input: inputName,
    }),
    z.strictObject({
      kind: z.literal('per_unit'),
      code,
      label: payLabelSchema,
      amountEach: schemeMoney,
      input: inputName,
    }),
    z.strictObject({ kind: z.literal('fixed'), code, label: payLabelSchema, amount: schemeMoney }),
    z.strictObject({
      kind: z.literal('threshold_gated'),
      code,
      label: payLabelSchema,
      amount: schemeMoney,
      fullAt: scoreThresholdSchema,
      zeroBelow: scoreThresholdSchema,
    }),
    z.strictObject({
      kind: z.literal('base_times_score'),
      code,
      label: payLabelSchema,
      base: schemeMoney,
      scoreAs: z.enum(['percent', 'points']),
    }),
    z.strictObject({ kind: z.literal('rewards_penalties'), code, label: payLabelSchema }),
    z.strictObject({
      kind: z.literal('formula'),
      code,
      label: payLabelSchema,
      expression: text(2000),
      variables: z.array(inputName).max(30),
    }),
  ])
  .meta({ id: 'PayLine' })

export const paySchemeSchema = z
  .strictObject({
    code,
    name: payLabelSchema,
    lines: z.array(payLineSchema).min(1, '薪酬方案至少需要一行').max(30),
    coefficients: z
      .array(
        z.strictObject({
          min: within(z.number(), '分数线', -1000, 1000),
          minInclusive: z.boolean(),
          coefficient: coefficientSchema,
        }),
      )
      .max(20)
      .optional(),
    taskCompletion: z
      .discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('score_band') }),
        z.strictObject({
          kind: z.literal('completion_rate'),
          input: inputName,
          cap: within(z.number().positive(), '系数上限', 0, 10).optional(),
        }),
      ])
      .optional(),
  })
  .meta({ id: 'PayScheme' })

/** Where a scheme's named input comes from: an imported metric, revised reviews by rating, or entered by hand. */
export const payInputSourceSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('metric'),
      metric: text(60),
      by: z.enum(['employee', 'team', 'company']),
    }),
    z.strictObject({ kind: z.literal('revised_reviews'), rating: z.enum(['neutral', 'negative']) }),
    z.strictObject({ kind: z.literal('entered') }),
  ])
  .meta({ id: 'PayInputSource' })
export type PayInputSource = z.infer<typeof payInputSourceSchema>

export const payAssignmentInputSchema = z
  .strictObject({
    positionId: id.optional().meta({ description: 'The position whose default scheme this is' }),
    employeeId: id.optional().meta({ description: 'An employee override (wins over the position)' }),
    scheme: paySchemeSchema,
    /** Per input name; inputs not listed default to sales → cs_sales, team_sales → gmv (company), review counts → revised reviews, others entered. */
    inputSources: z.record(inputName, payInputSourceSchema).default({}),
    reason: z.string().trim().max(2000).optional(),
  })
  .refine((a) => (a.positionId === undefined) !== (a.employeeId === undefined), {
    message: '须且只能指定岗位（positionId）或员工（employeeId）之一',
    path: ['positionId'],
  })
  .meta({ id: 'PayAssignmentInput' })
export type PayAssignmentInput = z.infer<typeof payAssignmentInputSchema>

export const payAssignmentSchema = z
  .object({
    id,
    positionId: id.nullable(),
    positionName: z.string().nullable(),
    employeeId: id.nullable(),
    employeeName: z.string().nullable(),
    scheme: paySchemeSchema,
    inputSources: z.record(z.string(), payInputSourceSchema),
    updatedAt: z.string(),
  })
  .meta({ id: 'PayAssignment' })
export type PayAssignment = z.infer<typeof payAssignmentSchema>

export const builtinPaySchemeSchema = z
  .object({
    scheme: paySchemeSchema,
    source: z.object({ seed: z.string(), where: z.string() }),
    templateCodes: z.array(z.string()),
    positions: z.array(z.string()),
    notes: z.array(z.string()),
  })
  .meta({ id: 'BuiltinPayScheme' })

/** A reward (+) or penalty (−) (奖惩) for one employee in one cycle, with its reason. */
export const payItemInputSchema = z
  .strictObject({
    employeeId: id,
    label: text(200).meta({ description: 'The reason, shown on the pay line (e.g. 全勤奖, 迟到)' }),
    amount: moneySchema.refine((v) => Number(v) !== 0, '金额不能为 0'),
    note: z.string().trim().max(2000).optional(),
  })
  .meta({ id: 'PayItemInput' })
export type PayItemInput = z.infer<typeof payItemInputSchema>

export const payItemSchema = z
  .object({
    id,
    cycleId: id,
    employeeId: id,
    employeeName: z.string(),
    kind: z.enum(['reward_penalty', 'adjustment']),
    label: z.string(),
    amount: z.string(),
    note: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'PayItem' })
export type PayItem = z.infer<typeof payItemSchema>

/** Values entered by hand for inputs whose source is `entered` (or to replace a missing metric). */
export const payInputValuesSchema = z
  .strictObject({
    employeeId: id,
    values: z.record(inputName, payInputValue.nullable()).meta({ description: 'null removes a value' }),
    reason: text(2000),
  })
  .meta({ id: 'PayInputValues' })
export type PayInputValues = z.infer<typeof payInputValuesSchema>

export const adjustmentInputSchema = z
  .strictObject({
    employeeId: id,
    label: text(200),
    amount: moneySchema.refine((v) => Number(v) !== 0, '金额不能为 0'),
    reason: text(2000),
  })
  .meta({ id: 'PayAdjustmentInput' })
export type AdjustmentInput = z.infer<typeof adjustmentInputSchema>

export const approvePaySheetSchema = z
  .strictObject({ note: z.string().trim().max(2000).optional() })
  .meta({ id: 'ApprovePaySheet' })

const i18nText = z.object({ 'zh-CN': z.string(), en: z.string() })

export const payLineResultSchema = z
  .object({
    code: z.string(),
    label: i18nText,
    amount: z.string(),
    rule: i18nText,
    /** scheme: computed from the scheme; adjustment: a correction added after approval. */
    kind: z.enum(['scheme', 'adjustment']),
    itemId: id.optional(),
  })
  .meta({ id: 'PayLineResult' })
export type PayLineResultDto = z.infer<typeof payLineResultSchema>

export const payInputUsedSchema = z.object({
  value: z.string(),
  source: z.enum(['metric', 'revised_reviews', 'entered', 'missing']),
  /**
   * e.g. "cs_sales (employee) 2026-10" or "entered by 杨丽: 系统外订单"; 'missing': no data was imported or entered —
   * the lines reading it are not paid as 0, and approval waits until it is entered (or 0 is entered with a reason).
   */
  detail: z.string(),
})

export const payEmployeeSchema = z
  .object({
    employeeId: id,
    employeeNo: z.string(),
    employeeName: z.string(),
    departmentName: z.string().nullable(),
    positionName: z.string().nullable(),
    sheetId: id,
    sheetState: z.string(),
    /** The sheet is not final: its pay is a draft, shown to admin and HR marked as such, hidden from finance. */
    draft: z.boolean(),
    score: z.number().nullable(),
    grade: z.string().nullable(),
    coefficient: z.number().nullable(),
    schemeCode: z.string().nullable(),
    schemeName: i18nText.nullable(),
    inputs: z.record(z.string(), payInputUsedSchema),
    lines: z.array(payLineResultSchema),
    /** Sum of the scheme lines (before adjustments). */
    computedTotal: z.string(),
    adjustmentsTotal: z.string(),
    /** computedTotal + adjustmentsTotal. */
    total: z.string(),
    /** Why the pay could not be computed (no scheme, no score, invalid scheme); total 0.00 then. */
    problems: z.array(z.string()),
    /** Inputs without data (缺少数据): the total is not a result until they are entered; approval waits for them. */
    missingInputs: z.array(z.strictObject({ name: z.string(), label: i18nText })),
  })
  .meta({ id: 'PayEmployee' })
export type PayEmployee = z.infer<typeof payEmployeeSchema>

/**
 * An approved pay sheet that no longer matches the results: a sheet was reopened and is final again with another
 * score or coefficient. Per employee, what the approved inputs pay at the current result, less what was approved
 * and the drift already settled (adjustment lines labelled 考核结果变更差额); corrections stay adjustment lines.
 */
export const payDriftSchema = z
  .object({
    employees: z.array(
      z.object({
        employeeId: id,
        employeeNo: z.string(),
        employeeName: z.string(),
        sheetId: id,
        sheetState: z.string(),
        approvedScore: z.number().nullable(),
        score: z.number().nullable(),
        approvedCoefficient: z.number().nullable(),
        coefficient: z.number().nullable(),
        /** The frozen lines' total (before any adjustment). */
        approvedTotal: z.string(),
        /** Drift already settled by adjustment lines. */
        settled: z.string(),
        /** Every adjustment line of the employee (settled drift included), for judging. */
        adjustmentsTotal: z.string(),
        /** What the approved scheme and inputs pay at the current result. */
        currentTotal: z.string(),
        /** currentTotal − (approvedTotal + settled): the adjustment line settle-drift adds. */
        difference: z.string(),
        reason: i18nText,
      }),
    ),
    /** Approved people whose sheet is not final any more (reopened, in progress): settling waits for them. */
    notFinal: z.array(
      z.object({
        sheetId: id,
        employeeId: id,
        employeeName: z.string(),
        state: z.string(),
        approvedScore: z.number().nullable(),
        score: z.number().nullable(),
      }),
    ),
    /** Changed results whose pay cannot be recomputed (e.g. no scheme any more). */
    problems: z.array(z.object({ employeeId: id, employeeName: z.string(), message: z.string() })),
    /** Σ difference. */
    total: z.string(),
  })
  .meta({ id: 'PayDrift' })
export type PayDrift = z.infer<typeof payDriftSchema>

export const settlePayDriftSchema = z
  .strictObject({ note: z.string().trim().max(2000).optional() })
  .meta({ id: 'SettlePayDrift' })

export const paySheetSchema = z
  .object({
    cycleId: id,
    cycleName: z.string(),
    period: z.object({ start: z.string(), end: z.string() }),
    status: z.enum(['draft', 'approved']),
    approvedAt: z.string().nullable(),
    approvedBy: z.string().nullable(),
    employees: z.array(payEmployeeSchema),
    /** Σ total of the final employees only: drafts (not final) are not counted. */
    total: z.string(),
    /** Sheets not yet final: approval is refused while any is listed. */
    notFinal: z.array(z.object({ sheetId: id, employeeName: z.string(), state: z.string() })),
    /** Employees with problems (no scheme, invalid inputs): approval is refused while any is listed. */
    problemCount: z.number().int(),
    /** People whose pay inputs have no data, with those inputs: approval is refused while any is listed. */
    missing: z.array(
      z.strictObject({
        employeeId: id,
        employeeName: z.string(),
        inputs: z.array(z.strictObject({ name: z.string(), label: i18nText })),
      }),
    ),
    /** Approved sheets only: where the current results no longer match the approved pay; null for a draft. */
    drift: payDriftSchema.nullable(),
  })
  .meta({ id: 'PaySheet' })
export type PaySheet = z.infer<typeof paySheetSchema>

/** One employee's own pay for a cycle, as they see it (approved pay sheets only). */
export const myPaySchema = z
  .object({
    items: z.array(
      z.object({
        cycleId: id,
        cycleName: z.string(),
        period: z.object({ start: z.string(), end: z.string() }),
        approvedAt: z.string().nullable(),
        pay: payEmployeeSchema,
      }),
    ),
  })
  .meta({ id: 'MyPay' })

// Bonus pools ------------------------------------------------------------------------------------

export const bonusRuleSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('coefficient_times_base'),
      base: schemeMoney.optional().meta({
        description: 'One base for everyone; absent, each employee’s pay-scheme base (底薪) is used',
      }),
    }),
    z.strictObject({
      kind: z.literal('grade_table'),
      table: z
        .record(z.string().max(20), within(amountSchema, '权重', 0, maxWeight))
        .meta({ description: 'Weight per grade code (0–100)' }),
    }),
    z.strictObject({ kind: z.literal('score') }),
  ])
  .meta({ id: 'BonusRule' })
export type BonusRule = z.infer<typeof bonusRuleSchema>

export const bonusPoolInputSchema = z
  .strictObject({
    name: text(100),
    kind: z.enum(['quarterly', 'annual']),
    cycleId: id.meta({ description: 'The (quarterly or annual) cycle whose final results are allocated' }),
    amount: moneySchema.refine((v) => Number(v) >= 0, '奖金池金额不能为负'),
    rule: bonusRuleSchema,
    reason: z.string().trim().max(2000).optional(),
  })
  .meta({ id: 'BonusPoolInput' })
export type BonusPoolInput = z.infer<typeof bonusPoolInputSchema>

export const bonusLineSchema = z.object({
  employeeId: id,
  employeeNo: z.string(),
  employeeName: z.string(),
  departmentName: z.string().nullable(),
  score: z.number().nullable(),
  grade: z.string().nullable(),
  coefficient: z.number().nullable(),
  weight: z.string(),
  amount: z.string(),
  explanation: i18nText,
})

export const bonusPoolSchema = z
  .object({
    id,
    name: z.string(),
    kind: z.enum(['quarterly', 'annual']),
    cycleId: id,
    cycleName: z.string(),
    amount: z.string(),
    rule: bonusRuleSchema,
    lines: z.array(bonusLineSchema),
    /** Σ lines; always equals amount. */
    allocated: z.string(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    /** draft: HR may delete it and allocate again; approved by finance: locked, corrections are new pools. */
    status: z.enum(['draft', 'approved']),
    approvedBy: z.string().nullable().meta({ description: 'Display name of the approver' }),
    approvedAt: z.string().nullable(),
    approvalNote: z.string().nullable(),
  })
  .meta({ id: 'BonusPool' })
export type BonusPool = z.infer<typeof bonusPoolSchema>

export const approveBonusPoolSchema = z
  .strictObject({ note: z.string().trim().max(2000).optional() })
  .meta({ id: 'ApproveBonusPool' })
export type ApproveBonusPool = z.infer<typeof approveBonusPoolSchema>
