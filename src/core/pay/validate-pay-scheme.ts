// Refuses pay schemes a payroll clerk would refuse: missing or non-numeric parameters, a negative base or rate,
// gates in the wrong order, unknown formula names, duplicate line codes. Each issue names the field.
import Decimal from 'decimal.js'
import { checkFormula } from '../formula/compile-formula.ts'
import type { Amount, PayScheme } from './pay-scheme.ts'

export type PayIssue = { path: string; message: { 'zh-CN': string; en: string } }

/** Parse an amount as typed, or undefined when it is missing or not a finite decimal. */
export function parseAmount(value: Amount | undefined | null): Decimal | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined
  if (typeof value === 'string' && !/^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(value)) return undefined
  return new Decimal(typeof value === 'string' ? value.trim() : value)
}

/** Variables a pay formula may read besides its declared inputs. */
export const payFormulaVariables = ['score', 'coefficient', 'task_coefficient'] as const

/** Every problem of a pay scheme; empty means computePay can run it. */
export function validatePayScheme(scheme: PayScheme): PayIssue[] {
  const out: PayIssue[] = []
  const push = (path: string, zh: string, en: string) => out.push({ path, message: { 'zh-CN': zh, en } })
  if (scheme.lines.length === 0) push('lines', '薪酬方案至少需要一行', 'a pay scheme needs at least one line')
  const codes = new Set<string>()
  scheme.lines.forEach((line, i) => {
    const at = `lines[${i}]`
    const name = `「${line.label['zh-CN']}」(${line.code})`
    const nameEn = `"${line.label.en}" (${line.code})`
    if (!line.code) push(`${at}.code`, `第 ${i + 1} 行缺少代码`, `line ${i + 1} has no code`)
    if (codes.has(line.code))
      push(`${at}.code`, `行代码 ${line.code} 重复`, `line code ${line.code} is used twice`)
    codes.add(line.code)
    const amount = (field: string, value: Amount | undefined, zhField: string, allowNegative = false) => {
      const parsed = parseAmount(value)
      if (!parsed) {
        push(
          `${at}.${field}`,
          `${name} 缺少${zhField}（${field}），或不是数字`,
          `${nameEn}: ${field} is missing or not a number`,
        )
      } else if (!allowNegative && parsed.isNegative()) {
        push(
          `${at}.${field}`,
          `${name} 的${zhField}不能为负（${parsed.toString()}）`,
          `${nameEn}: ${field} cannot be negative (${parsed.toString()})`,
        )
      }
    }
    const input = (value: string | undefined) => {
      if (!value) push(`${at}.input`, `${name} 缺少输入项名称（input）`, `${nameEn}: input is missing`)
    }
    switch (line.kind) {
      case 'base_times_coefficient':
        amount('base', line.base, '底薪')
        break
      case 'rate_times_input':
        amount('rate', line.rate, '比例')
        input(line.input)
        break
      case 'per_unit':
        amount('amountEach', line.amountEach, '单价')
        input(line.input)
        break
      case 'fixed':
        amount('amount', line.amount, '金额', true)
        break
      case 'threshold_gated':
        amount('amount', line.amount, '绩效工资')
        if (!Number.isFinite(line.fullAt) || !Number.isFinite(line.zeroBelow)) {
          push(`${at}.fullAt`, `${name} 缺少分数门槛`, `${nameEn}: the score gates are missing`)
        } else if (line.zeroBelow > line.fullAt) {
          push(
            `${at}.zeroBelow`,
            `${name} 的不发放线 ${line.zeroBelow} 高于全额线 ${line.fullAt}`,
            `${nameEn}: zeroBelow ${line.zeroBelow} is above fullAt ${line.fullAt}`,
          )
        }
        break
      case 'base_times_score':
        amount('base', line.base, '绩效基数')
        break
      case 'rewards_penalties':
        break
      case 'formula':
        for (const p of checkFormula(line.expression, [...payFormulaVariables, ...line.variables])) {
          push(`${at}.expression`, `${name} 的公式：${p['zh-CN']}`, `${nameEn} formula: ${p.en}`)
        }
        break
    }
  })
  if (scheme.taskCompletion?.kind === 'completion_rate' && !scheme.taskCompletion.input) {
    push(
      'taskCompletion.input',
      '任务完成系数按完成率计算时需要输入项名称',
      'a completion-rate task coefficient needs its input name',
    )
  }
  scheme.coefficients?.forEach((band, i) => {
    if (band.coefficient < 0)
      push(`coefficients[${i}].coefficient`, '绩效系数不能为负', 'a coefficient cannot be negative')
    const previous = scheme.coefficients?.[i - 1]
    if (previous && band.min >= previous.min) {
      push(`coefficients[${i}].min`, '绩效系数档位须从高到低排列', 'coefficient bands must run highest first')
    }
  })
  return out
}
