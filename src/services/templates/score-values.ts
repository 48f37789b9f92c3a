import { DomainError, type ErrorIssue } from '../../core/errors.ts'
import type { IndicatorInput } from '../../core/scoring/score-indicator.ts'
import {
  type RaterRole,
  type SheetInputs,
  type SheetScore,
  scoreSheet,
} from '../../core/scoring/score-sheet.ts'
import { validateSheetInputs } from '../../core/scoring/validate-sheet-inputs.ts'
import type { Template } from '../../core/templates/template.ts'
import type { ValuesTable } from './read-values-file.ts'

// Batch scoring from a values file (long format: one row per employee × indicator [× rater]).
// Headers may be English or Chinese; every problem is listed with its row and column before anything is scored.

const columnAliases: Record<string, string[]> = {
  employee: ['employee', '员工', '工号', '姓名', 'employee_no'],
  indicator: ['indicator', '指标', 'key'],
  rater: ['rater', '评分人', '评价人'],
  actual: ['actual', '实际值', '实际'],
  target: ['target', '目标值', '目标'],
  occurrences: ['occurrences', '次数'],
  level: ['level', '等级'],
  score: ['score', '评分', '得分'],
  comment: ['comment', '说明', '评语'],
  passed: ['passed', '完成', '是否完成'],
  violated: ['violated', '违规', '否决'],
}

const raterAliases: Record<string, RaterRole> = {
  supervisor: 'supervisor',
  主管: 'supervisor',
  上级: 'supervisor',
  self: 'self',
  自评: 'self',
  peer: 'peer',
  互评: 'peer',
  同事: 'peer',
  sampling: 'sampling',
  抽样: 'sampling',
  hr: 'hr',
  人力资源: 'hr',
}

export type EmployeeRef = { id: number; employeeNo: string; name: string }
export type ScoredEmployee = {
  employee: EmployeeRef | { employeeNo: string; name: string }
  score: SheetScore
}

/** A yes/no cell: true, false, undefined when empty, 'invalid' for anything else. */
function truthy(text: string): boolean | undefined | 'invalid' {
  const t = text.trim().toLowerCase()
  if (t === '') return undefined
  if (['1', 'true', 'yes', 'y', '是', '完成', '通过'].includes(t)) return true
  if (['0', 'false', 'no', 'n', '否', '未完成', '不通过'].includes(t)) return false
  return 'invalid'
}

/**
 * Turns a values table into sheet inputs per employee, then scores each. `employees` (when given) is the
 * company's roster: rows naming someone else are refused. Nothing is scored if any row has a problem.
 */
export function scoreValues(
  template: Template,
  table: ValuesTable,
  fileName: string,
  employees?: EmployeeRef[],
): ScoredEmployee[] {
  const issues: ErrorIssue[] = []
  const col = new Map<string, number>()
  for (const [field, aliases] of Object.entries(columnAliases)) {
    const index = table.header.findIndex(
      (h) => aliases.includes(h.trim().toLowerCase()) || aliases.includes(h.trim()),
    )
    if (index >= 0) col.set(field, index)
  }
  const countColumns = table.header
    .map((h, i) => ({ h, i }))
    .filter(({ h }) => h.startsWith('count:') || h.startsWith('次数:'))
    .map(({ h, i }) => ({ key: h.slice(h.indexOf(':') + 1).trim(), i }))
  for (const required of ['employee', 'indicator']) {
    if (!col.has(required)) {
      issues.push({
        path: `${fileName}: header`,
        message: `missing column "${required}" (${columnAliases[required]!.join(' / ')}); found: ${table.header.join(', ')}`,
      })
    }
  }
  if (issues.length)
    throw new DomainError('invalid_input', `${fileName}: the values file has no usable header`, issues)

  const indicatorKeys = new Map<string, { key: string; adjustment: boolean }>()
  for (const d of template.dimensions) {
    for (const ind of d.indicators) {
      indicatorKeys.set(ind.key, { key: ind.key, adjustment: false })
      indicatorKeys.set(ind.name, { key: ind.key, adjustment: false })
    }
  }
  for (const a of template.adjustments) {
    indicatorKeys.set(a.key, { key: a.key, adjustment: true })
    indicatorKeys.set(a.name, { key: a.key, adjustment: true })
  }
  const roster = employees
    ? new Map(employees.flatMap((e) => [[e.employeeNo, e] as const, [e.name, e] as const]))
    : undefined

  const sheets = new Map<
    string,
    { employee: EmployeeRef | { employeeNo: string; name: string }; inputs: SheetInputs }
  >()
  const cell = (cells: string[], field: string) => {
    const i = col.get(field)
    return i === undefined ? '' : (cells[i] ?? '').trim()
  }
  const header = (field: string) => table.header[col.get(field)!]

  for (const { row, cells } of table.rows) {
    const where = (field: string) => `${fileName}: row ${row}, column ${header(field) ?? field}`
    const who = cell(cells, 'employee')
    const indicatorText = cell(cells, 'indicator')
    const employee = roster ? roster.get(who) : { employeeNo: who, name: who }
    if (!who) issues.push({ path: where('employee'), message: 'empty employee' })
    else if (!employee)
      issues.push({ path: where('employee'), message: `unknown employee "${who}" (not in this company)` })
    const target = indicatorKeys.get(indicatorText)
    if (!target) {
      issues.push({
        path: where('indicator'),
        message: `unknown indicator "${indicatorText}" (template ${template.code} has: ${template.dimensions.flatMap((d) => d.indicators.map((i) => i.key)).join(', ')})`,
      })
    }
    const input: Record<string, unknown> = {}
    for (const field of ['actual', 'target', 'occurrences', 'score'] as const) {
      const text = cell(cells, field)
      if (text === '') continue
      const value = Number(text.replace(/,/g, '').replace(/%$/, ''))
      if (!Number.isFinite(value)) issues.push({ path: where(field), message: `"${text}" is not a number` })
      else input[field] = text.endsWith('%') ? value / 100 : value
    }
    for (const field of ['passed', 'violated'] as const) {
      const value = truthy(cell(cells, field))
      if (value === undefined) continue
      if (value === 'invalid') {
        issues.push({ path: where(field), message: `"${cell(cells, field)}" is not yes/no (是/否)` })
      } else input[field] = value
    }
    if (cell(cells, 'level')) input.level = cell(cells, 'level')
    if (cell(cells, 'comment')) input.comment = cell(cells, 'comment')
    for (const { key, i } of countColumns) {
      const text = (cells[i] ?? '').trim()
      if (text === '') continue
      const value = Number(text)
      if (!Number.isInteger(value) || value < 0) {
        issues.push({
          path: `${fileName}: row ${row}, column ${table.header[i]}`,
          message: `"${text}" is not a count`,
        })
      } else input.counts = { ...(input.counts as Record<string, number> | undefined), [key]: value }
    }
    const raterText = cell(cells, 'rater')
    const rater = raterText ? raterAliases[raterText.toLowerCase()] : undefined
    if (raterText && !rater) issues.push({ path: where('rater'), message: `unknown rater "${raterText}"` })
    if (!employee || !target) continue

    const sheetKey = 'id' in employee ? String(employee.id) : employee.employeeNo
    let sheet = sheets.get(sheetKey)
    if (!sheet) {
      sheet = { employee, inputs: {} }
      sheets.set(sheetKey, sheet)
    }
    const into = (record: Record<string, IndicatorInput> | undefined) => {
      const next = { ...(record ?? {}) }
      if (next[target.key]) {
        issues.push({
          path: where('indicator'),
          message: `"${indicatorText}" appears twice for ${who}${rater ? ` (${rater})` : ''}`,
        })
      }
      next[target.key] = input as IndicatorInput
      return next
    }
    if (target.adjustment)
      sheet.inputs = {
        ...sheet.inputs,
        adjustments: into(sheet.inputs.adjustments as Record<string, IndicatorInput>),
      }
    else if (rater) {
      const raters = [...(sheet.inputs.raters ?? [])]
      const existing = raters.findIndex((r) => r.rater === rater)
      if (existing >= 0)
        raters[existing] = {
          ...raters[existing]!,
          indicators: into(raters[existing]!.indicators as Record<string, IndicatorInput>),
        }
      else raters.push({ rater, indicators: into(undefined) })
      sheet.inputs = { ...sheet.inputs, raters }
    } else
      sheet.inputs = {
        ...sheet.inputs,
        indicators: into(sheet.inputs.indicators as Record<string, IndicatorInput>),
      }
  }

  for (const { employee, inputs } of sheets.values()) {
    for (const issue of validateSheetInputs(template, inputs)) {
      issues.push({ path: `${fileName}: ${employee.name} ${issue.path}`, message: issue.message.en })
    }
  }
  if (issues.length > 0) {
    throw new DomainError(
      'invalid_input',
      `${fileName}: ${issues.length} problem(s); nothing was scored`,
      issues,
    )
  }
  return [...sheets.values()].map(({ employee, inputs }) => ({
    employee,
    score: scoreSheet(template, inputs),
  }))
}
