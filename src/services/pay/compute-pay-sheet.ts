import Decimal from 'decimal.js'
import {
  type PayEmployee,
  type PayInputSource,
  type PayLineResultDto,
  type PaySheet,
  payInputSourceSchema,
  paySchemeSchema,
} from '../../contracts/pay.ts'
import { DomainError } from '../../core/errors.ts'
import { metricGroupKey } from '../../core/metrics/metric-group-key.ts'
import { metricPeriodOf } from '../../core/metrics/metric-period-of.ts'
import { parsePeriod } from '../../core/metrics/parse-period.ts'
import { computePay, type PayResult, payInputLabel } from '../../core/pay/compute-pay.ts'
import { sumFixed } from '../../core/pay/fen.ts'
import type { PayScheme } from '../../core/pay/pay-scheme.ts'
import type { CycleRecord } from '../../db/cycle-repository.ts'
import type { Db } from '../../db/database.ts'
import {
  countRevisedReviews,
  listCycleSheetRows,
  listEmployeeDepartments,
  listPayAssignments,
  listPayInputValues,
  listPayItems,
  type PayAssignmentRow,
  type PayItemRow,
} from '../../db/pay-repository.ts'
import { computeMetric } from '../metrics/compute-metric.ts'
import { schemeInputNames, sourceOf } from './default-input-sources.ts'

// Computes a cycle's pay sheet (工资表) live from its inputs: each participant's final total and coefficient,
// the pay scheme of their position (or their own override), the scheme's named inputs (imported metrics read
// once per metric for the whole cycle, revised reviews in one query, values entered by hand win), and their
// rewards and penalties (奖惩). Every line is rounded to the fen by computePay; totals are sums of those lines.

type Assigned = { scheme: PayScheme; sources: Record<string, PayInputSource>; inputs: string[] }

const zero = new Decimal(0)
// Amounts in fen ("12.30") are summed as integers (exact); anything else in decimal.js.
const sum = (amounts: string[]) => sumFixed(amounts) ?? amounts.reduce((a, x) => a.plus(x), zero).toFixed(2)

function parseAssignment(scheme: unknown, sources: unknown): Assigned | string {
  const parsed = paySchemeSchema.safeParse(scheme)
  if (!parsed.success) return '薪酬方案格式无效 / the stored pay scheme is invalid'
  const own: Record<string, PayInputSource> = {}
  for (const [k, v] of Object.entries((sources ?? {}) as Record<string, unknown>)) {
    const s = payInputSourceSchema.safeParse(v)
    if (s.success) own[k] = s.data
  }
  const parsedScheme = parsed.data as PayScheme
  return { scheme: parsedScheme, sources: own, inputs: schemeInputNames(parsedScheme) }
}

/** Each person's scheme: their own override, else their position's; a string says why it cannot be used. */
export function assignedSchemes(
  assignments: readonly PayAssignmentRow[],
): (r: { employeeId: number; positionId: number | null }) => Assigned | string | undefined {
  const byPosition = new Map<number, Assigned | string>()
  const byEmployee = new Map<number, Assigned | string>()
  for (const a of assignments) {
    const parsed = parseAssignment(a.scheme, a.inputSources)
    if (a.positionId !== null) byPosition.set(a.positionId, parsed)
    if (a.employeeId !== null) byEmployee.set(a.employeeId, parsed)
  }
  return (r) =>
    byEmployee.get(r.employeeId) ?? (r.positionId !== null ? byPosition.get(r.positionId) : undefined)
}

/** A day after an ISO date (the exclusive end of a period). */
function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/** The adjustment lines (更正) added after approval, as pay lines. */
export function adjustmentLines(items: readonly PayItemRow[]): PayLineResultDto[] {
  return items
    .filter((i) => i.kind === 'adjustment')
    .map((i) => ({
      code: `adjustment.${i.id}`,
      label: { 'zh-CN': `调整：${i.label}`, en: `Adjustment: ${i.label}` },
      amount: i.amount,
      rule: {
        'zh-CN': `审批后更正，${i.createdBy ?? '系统'} 于 ${i.createdAt.slice(0, 10)}：${i.note ?? ''}`,
        en: `correction after approval by ${i.createdBy ?? 'system'} on ${i.createdAt.slice(0, 10)}: ${i.note ?? ''}`,
      },
      kind: 'adjustment' as const,
      itemId: i.id,
    }))
}

/** Adds the adjustment lines to an employee's pay and recomputes the totals. */
export function withAdjustments(employee: PayEmployee, items: readonly PayItemRow[]): PayEmployee {
  const extra = adjustmentLines(items)
  if (extra.length === 0 && employee.lines.every((l) => l.kind !== 'adjustment'))
    return { ...employee, adjustmentsTotal: '0.00', total: employee.computedTotal }
  const lines = [...employee.lines.filter((l) => l.kind !== 'adjustment'), ...extra]
  const adjustmentsTotal = sum(extra.map((l) => l.amount))
  return {
    ...employee,
    lines,
    adjustmentsTotal,
    total: new Decimal(employee.computedTotal).plus(adjustmentsTotal).toFixed(2),
  }
}

const noRewardsPenalties: [] = []

/**
 * One person's pay from a scheme, their sheet's total and coefficient, their inputs and rewards/penalties (奖惩).
 * The sheet's own coefficient (template bands, calibration) is the one paid on, unless the scheme sets bands.
 */
export function payOf(
  scheme: PayScheme,
  sheet: { total: number; coefficient: number | null },
  values: Record<string, string>,
  items: readonly PayItemRow[],
): PayResult {
  return computePay(scheme, {
    score: sheet.total,
    coefficient: scheme.coefficients || sheet.coefficient === null ? undefined : sheet.coefficient,
    values,
    rewardsPenalties:
      items.length === 0
        ? noRewardsPenalties
        : items
            .filter((i) => i.kind === 'reward_penalty')
            .map((i) => ({ code: `rewards_penalties.${i.id}`, label: i.label, amount: i.amount })),
  })
}

/** A freshly computed employee with their adjustment lines; without any, completed in place (no copy). */
function finish(base: PayEmployee, items: readonly PayItemRow[]): PayEmployee {
  if (items.some((i) => i.kind === 'adjustment')) return withAdjustments(base, items)
  base.total = base.computedTotal
  return base
}

/**
 * The live (draft) pay sheet of a cycle: every participant's pay lines with the rule behind each.
 * `schemesUsed`, when given, receives the scheme each employee was paid by (approval keeps it with the snapshot).
 */
export async function computePaySheet(
  db: Db,
  companyId: number,
  cycle: CycleRecord,
  schemesUsed?: Map<number, PayScheme>,
): Promise<PaySheet> {
  const pdb = db
  const [rows, assignments, items, entered] = await Promise.all([
    listCycleSheetRows(pdb, companyId, cycle.id),
    listPayAssignments(pdb, companyId),
    listPayItems(pdb, companyId, cycle.id),
    listPayInputValues(pdb, companyId, cycle.id),
  ])
  const schemeOf = assignedSchemes(assignments)
  const itemsByEmployee = new Map<number, PayItemRow[]>()
  for (const item of items) {
    const list = itemsByEmployee.get(item.employeeId) ?? []
    list.push(item)
    itemsByEmployee.set(item.employeeId, list)
  }

  // Which sources the participants' schemes read, fetched once each.
  // An input entered by hand for the person wins, so a source read only for such inputs is not read at all.
  const metricKeys = new Map<string, { metric: string; by: 'employee' | 'team' | 'company' }>()
  let needReviews = false
  for (const r of rows) {
    const a = schemeOf(r)
    if (!a || typeof a === 'string' || r.total === null) continue
    const typed = entered.get(r.employeeId)?.values
    for (const name of a.inputs) {
      if (typed?.[name] !== undefined) continue
      const source = sourceOf(name, a.sources)
      if (source.kind === 'metric') metricKeys.set(`${source.metric}:${source.by}`, source)
      if (source.kind === 'revised_reviews') needReviews = true
    }
  }
  const period = metricPeriodOf(cycle)
  const range = period
    ? parsePeriod(period)
    : { start: cycle.periodStart, end: dayAfter(cycle.periodEnd), label: `${cycle.periodStart}…` }
  const metricValues = new Map<string, Map<string, string | null> | string>()
  await Promise.all(
    [...metricKeys].map(async ([key, source]) => {
      if (!period) {
        metricValues.set(key, '考核期不是整月、整季或整年 / the cycle is not a whole month, quarter or year')
        return
      }
      try {
        const result = await computeMetric(
          { db: db },
          { companyId, metric: source.metric, by: source.by, period },
        )
        metricValues.set(
          key,
          result.reason ?? new Map(result.values.map((v) => [v.group, v.value] as [string, string | null])),
        )
      } catch (error) {
        metricValues.set(key, error instanceof Error ? error.message : String(error))
      }
    }),
  )
  const reviews = needReviews ? await countRevisedReviews(pdb, companyId, range.start, range.end) : new Map()
  const departmentOf = [...metricKeys.values()].some((s) => s.by === 'team')
    ? await listEmployeeDepartments(pdb, companyId)
    : new Map<number, number | null>()

  // "entered by …" reads the same for every input one person entered: one string per person who entered.
  const enteredBy = new Map<string | null, string>()
  const enteredDetail = (by: string | null | undefined) => {
    let detail = enteredBy.get(by ?? null)
    if (detail === undefined) {
      detail = by ? `${by} 手工录入 / entered by ${by}` : '手工录入 / entered by hand'
      enteredBy.set(by ?? null, detail)
    }
    return detail
  }

  const notFinal: PaySheet['notFinal'] = []
  const employees: PayEmployee[] = rows.map((r) => {
    if (r.state !== 'final')
      notFinal.push({ sheetId: r.sheetId, employeeName: r.employeeName, state: r.state })
    const base: PayEmployee = {
      employeeId: r.employeeId,
      employeeNo: r.employeeNo,
      employeeName: r.employeeName,
      departmentName: r.departmentName,
      positionName: r.positionName,
      sheetId: r.sheetId,
      sheetState: r.state,
      draft: r.state !== 'final',
      score: r.total,
      grade: r.grade,
      coefficient: r.coefficient,
      schemeCode: null,
      schemeName: null,
      inputs: {},
      lines: [],
      computedTotal: '0.00',
      adjustmentsTotal: '0.00',
      total: '0.00',
      problems: [],
      missingInputs: [],
    }
    const mine = itemsByEmployee.get(r.employeeId) ?? []
    const assigned = schemeOf(r)
    if (!assigned) {
      base.problems.push(
        `岗位「${r.positionName ?? '无'}」与本人都没有薪酬方案 / no pay scheme for the position or employee`,
      )
      return finish(base, mine)
    }
    if (typeof assigned === 'string') {
      base.problems.push(assigned)
      return finish(base, mine)
    }
    base.schemeCode = assigned.scheme.code
    base.schemeName = assigned.scheme.name
    if (r.total === null) {
      base.problems.push(`考核表尚未算分（${r.state}） / the sheet has no total yet`)
      return finish(base, mine)
    }
    const own = entered.get(r.employeeId)
    // Everything entered by hand (the usual case): computePay reads the entered values as they are, no copy.
    let allEntered = own !== undefined
    for (let i = 0; allEntered && i < assigned.inputs.length; i++)
      allEntered = own!.values[assigned.inputs[i]!] !== undefined
    const values: Record<string, string> = allEntered ? own!.values : {}
    for (const name of assigned.inputs) {
      const typed = own?.values[name]
      if (typed !== undefined) {
        if (!allEntered) values[name] = typed
        base.inputs[name] = {
          value: typed,
          source: 'entered',
          detail: enteredDetail(own?.updatedBy),
        }
        continue
      }
      const source = sourceOf(name, assigned.sources)
      if (source.kind === 'metric') {
        const found = metricValues.get(`${source.metric}:${source.by}`)
        const group = metricGroupKey(source.by, {
          employeeId: r.employeeId,
          departmentId: departmentOf.get(r.employeeId),
        })
        const value = found instanceof Map ? found.get(group) : undefined
        if (value !== undefined && value !== null) {
          values[name] = value
          base.inputs[name] = { value, source: 'metric', detail: `${source.metric} (${source.by}) ${period}` }
        } else {
          // Computed with 0 only so the other lines show; the person is listed as missing and approval waits.
          values[name] = '0'
          base.inputs[name] = {
            value: '0',
            source: 'missing',
            detail: `${source.metric} (${source.by}) ${period ?? ''}：${typeof found === 'string' ? found : '没有导入数据'}，缺少数据：请导入或录入（确为 0 时录入 0 并说明理由） / no data: import or enter it (enter 0 with a reason if it is 0)`,
          }
          base.missingInputs.push({ name, label: payInputLabel(name) })
        }
      } else if (source.kind === 'revised_reviews') {
        const n = String(reviews.get(r.employeeId)?.[source.rating] ?? 0)
        values[name] = n
        base.inputs[name] = {
          value: n,
          source: 'revised_reviews',
          detail: `${source.rating === 'neutral' ? '中评' : '差评'}改好评 ${range.start}–${range.end}（不含）`,
        }
      } else {
        values[name] = '0'
        base.inputs[name] = {
          value: '0',
          source: 'missing',
          detail:
            '需手工录入，尚未录入：缺少数据（确为 0 时录入 0 并说明理由） / not entered yet: missing (enter 0 with a reason if it is 0)',
        }
        base.missingInputs.push({ name, label: payInputLabel(name) })
      }
    }
    try {
      const result = payOf(assigned.scheme, { total: r.total, coefficient: r.coefficient }, values, mine)
      schemesUsed?.set(r.employeeId, assigned.scheme)
      // Marked in place: a copy would read (and so build) every line's rule text now.
      const lines = result.lines as PayLineResultDto[]
      for (const l of lines) l.kind = 'scheme'
      base.lines = lines
      base.computedTotal = result.total
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      base.problems.push(error.message, ...error.issues.map((i) => `${i.path}: ${i.message}`))
    }
    return finish(base, mine)
  })
  return {
    cycleId: cycle.id,
    cycleName: cycle.name,
    period: { start: cycle.periodStart, end: cycle.periodEnd },
    status: 'draft',
    approvedAt: null,
    approvedBy: null,
    employees,
    // Pay counts final results only (issue 12): a draft row is shown to HR, marked, but not summed.
    total: sum(employees.filter((e) => !e.draft).map((e) => e.total)),
    notFinal,
    problemCount: employees.filter((e) => e.problems.length > 0).length,
    missing: employees
      .filter((e) => e.missingInputs.length > 0)
      .map((e) => ({ employeeId: e.employeeId, employeeName: e.employeeName, inputs: e.missingInputs })),
    drift: null,
  }
}
