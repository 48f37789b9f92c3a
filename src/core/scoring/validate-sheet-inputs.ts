// Lists every problem with a sheet's inputs before scoring (the CLI and the review form refuse on any):
// which indicator, which field, what value, and why, in zh-CN and en.
import type { AdjustmentItem, Indicator, Rule, Template } from '../templates/template.ts'
import type { Explanation } from './explain-format.ts'
import { compiledFormulaFor, type IndicatorInput, resolveTarget } from './score-indicator.ts'
import type { RaterRole, SheetInputs } from './score-sheet.ts'

export type SheetInputIssue = {
  /** Where, e.g. "raters[1].indicators.sales.actual" or "adjustments.bonus.score". */
  path: string
  /** The indicator or adjustment key, when the issue is about one. */
  key?: string
  field: string
  value?: unknown
  message: Explanation
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

type Where = { path: string; key: string; name: string }

function issue(where: Where, field: string, value: unknown, zh: string, en: string): SheetInputIssue {
  return {
    path: `${where.path}.${field}`,
    key: where.key,
    field,
    value,
    message: {
      'zh-CN': `指标「${where.name}」（${where.key}）的 ${field}：${zh}`,
      en: `${where.name} (${where.key}), ${field}: ${en}`,
    },
  }
}

const numberFields = ['actual', 'target', 'occurrences', 'score'] as const

function checkNumbers(input: IndicatorInput, where: Where, out: SheetInputIssue[]): void {
  for (const field of numberFields) {
    const value = input[field]
    if (value !== undefined && !isNumber(value))
      out.push(issue(where, field, value, '不是有效数字', 'is not a finite number'))
  }
  if (isNumber(input.occurrences) && (input.occurrences < 0 || !Number.isInteger(input.occurrences))) {
    out.push(
      issue(where, 'occurrences', input.occurrences, '次数必须是非负整数', 'must be a whole number ≥ 0'),
    )
  }
  if (input.counts === undefined && input.variables === undefined) return
  for (const [name, value] of Object.entries(input.counts ?? {})) {
    if (!isNumber(value) || value < 0 || !Number.isInteger(value)) {
      out.push(issue(where, `counts.${name}`, value, '次数必须是非负整数', 'must be a whole number ≥ 0'))
    }
  }
  for (const [name, value] of Object.entries(input.variables ?? {})) {
    if (!isNumber(value))
      out.push(issue(where, `variables.${name}`, value, '不是有效数字', 'is not a finite number'))
  }
}

const need = (where: Where, field: string, zh: string, en: string): SheetInputIssue =>
  issue(where, field, undefined, `缺少${zh}`, `missing ${en}`)

/** The problems of one input against the rule it feeds (also used for one rater's entries, validate-rater-scores). */
export function checkRuleInput(
  rule: Rule,
  input: IndicatorInput,
  target: number | undefined,
  where: Where,
  out: SheetInputIssue[],
): void {
  checkNumbers(input, where, out)
  switch (rule.shape) {
    case 'bands':
      if (input.actual === undefined) out.push(need(where, 'actual', '实际值', 'the actual value'))
      if (rule.basis === 'completion_rate' && target !== undefined && target < 0) {
        out.push(
          issue(
            where,
            'target',
            target,
            '按完成率评分需要大于 0 的目标值',
            'a completion rate needs a target above 0',
          ),
        )
      } else if (rule.basis === 'completion_rate' && (target === undefined || target === 0)) {
        out.push(
          issue(
            where,
            'target',
            target,
            '按完成率评分需要非零目标值',
            'a completion rate needs a non-zero target',
          ),
        )
      }
      break
    case 'ratio_to_target':
      if (input.actual === undefined) out.push(need(where, 'actual', '实际值', 'the actual value'))
      if (target === undefined || target <= 0) {
        out.push(issue(where, 'target', target, '需要大于 0 的目标值', 'needs a target above 0'))
      }
      break
    case 'deduct_per_shortfall':
      if (input.actual === undefined) out.push(need(where, 'actual', '实际值', 'the actual value'))
      break
    case 'deduct_per_occurrence':
    case 'bonus_per_occurrence':
    case 'count_ladder':
      if (input.occurrences === undefined && input.actual === undefined) {
        out.push(need(where, 'occurrences', '发生次数', 'the number of occurrences'))
      }
      break
    case 'weighted_deductions': {
      if (input.counts === undefined) out.push(need(where, 'counts', '各类别次数', 'counts per category'))
      const known = new Set(rule.categories.map((c) => c.key))
      for (const name of Object.keys(input.counts ?? {})) {
        if (!known.has(name)) {
          out.push(
            issue(
              where,
              `counts.${name}`,
              input.counts?.[name],
              `没有这个类别（可用：${[...known].join('、')}）`,
              `no such category (known: ${[...known].join(', ')})`,
            ),
          )
        }
      }
      break
    }
    case 'bonus_range':
      if (
        input.score !== undefined &&
        input.score !== 0 &&
        (input.score < rule.min || input.score > rule.max)
      ) {
        out.push(
          issue(
            where,
            'score',
            input.score,
            `加分须为 0 或 ${rule.min}–${rule.max} 之间`,
            `must be 0 or within ${rule.min}–${rule.max}`,
          ),
        )
      }
      break
    case 'levels': {
      if (input.level === undefined && !(rule.thresholds && input.actual !== undefined)) {
        out.push(
          need(
            where,
            'level',
            rule.thresholds ? '等级或实际值' : '评定等级',
            rule.thresholds ? 'a level or the actual value' : 'a level',
          ),
        )
      }
      const codes = rule.levels.map((l) => l.code)
      if (input.level !== undefined && !codes.includes(input.level)) {
        out.push(
          issue(
            where,
            'level',
            input.level,
            `没有这个等级（可用：${codes.join('、')}）`,
            `no such level (known: ${codes.join(', ')})`,
          ),
        )
      }
      break
    }
    case 'pass_fail':
      if (input.passed === undefined && !(rule.condition && input.actual !== undefined)) {
        out.push(
          need(
            where,
            rule.condition ? 'actual' : 'passed',
            rule.condition ? '实际值' : '是否完成',
            rule.condition ? 'the actual value' : 'done / not done',
          ),
        )
      }
      break
    case 'veto':
      if (input.violated === undefined && input.actual === undefined) {
        out.push(need(where, 'violated', '是否发生否决事项', 'whether a veto event happened'))
      }
      break
    case 'discretionary':
      if (input.score === undefined) out.push(need(where, 'score', '考核人评分', "the assessor's score"))
      else if (input.score < rule.min || input.score > rule.max) {
        out.push(
          issue(
            where,
            'score',
            input.score,
            `评分须在 ${rule.min}–${rule.max} 之间`,
            `must be within ${rule.min}–${rule.max}`,
          ),
        )
      }
      if (input.comment === undefined || input.comment.trim() === '') {
        out.push(
          need(
            where,
            'comment',
            '评语（酌情给分必须写明理由）',
            'a comment (a discretionary score needs its reason)',
          ),
        )
      }
      break
    case 'formula': {
      let variables: readonly string[]
      try {
        variables = compiledFormulaFor(rule).variables
      } catch {
        out.push(
          issue(where, 'formula', rule.expression, '模板中的公式无效', "the template's formula is invalid"),
        )
        break
      }
      const given: Record<string, unknown> = {
        ...input.variables,
        actual: input.actual,
        target,
        max: 0,
        completion: input.actual !== undefined && target ? 1 : undefined,
        occurrences: input.occurrences,
      }
      for (const name of variables) {
        if (given[name] === undefined)
          out.push(
            need(
              where,
              name === 'completion' ? 'actual' : `variables.${name}`,
              `公式变量 ${name}`,
              `formula variable ${name}`,
            ),
          )
      }
      break
    }
  }
}

/** Every problem with the inputs of a sheet; an empty list means scoreSheet will find all it needs. */
// A template version is immutable: its lookups are built once and dropped with it.
const lookupsByTemplate = new WeakMap<
  Template,
  { indicators: Map<string, Indicator>; adjustments: Map<string, AdjustmentItem> }
>()

function lookupsOf(template: Template) {
  let lookups = lookupsByTemplate.get(template)
  if (!lookups) {
    const indicators = new Map<string, Indicator>()
    for (const d of template.dimensions) for (const i of d.indicators) indicators.set(i.key, i)
    lookups = { indicators, adjustments: new Map(template.adjustments.map((a) => [a.key, a])) }
    lookupsByTemplate.set(template, lookups)
  }
  return lookups
}

export function validateSheetInputs(template: Template, inputs: SheetInputs): SheetInputIssue[] {
  const out: SheetInputIssue[] = []
  const shared = inputs.indicators ?? {}
  const { indicators, adjustments } = lookupsOf(template)

  const unknownKey = (path: string, key: string, value: unknown) =>
    out.push({
      path: `${path}.${key}`,
      key,
      field: 'key',
      value,
      message: { 'zh-CN': `模板中没有指标「${key}」`, en: `the template has no indicator "${key}"` },
    })
  for (const key of Object.keys(shared)) if (!indicators.has(key)) unknownKey('indicators', key, shared[key])
  for (const key of Object.keys(inputs.adjustments ?? {})) {
    if (!adjustments.has(key)) unknownKey('adjustments', key, inputs.adjustments?.[key])
  }

  const raters = inputs.raters ?? []
  if (raters.length === 0) {
    for (const indicator of indicators.values()) {
      const input = shared[indicator.key] ?? {}
      const where = { path: `indicators.${indicator.key}`, key: indicator.key, name: indicator.name }
      checkRuleInput(indicator.rule, input, resolveTarget(indicator, input), where, out)
    }
  } else {
    raters.forEach((sheet, index) => {
      for (const key of Object.keys(sheet.indicators)) {
        if (!indicators.has(key)) unknownKey(`raters[${index}].indicators`, key, sheet.indicators[key])
      }
      for (const indicator of indicators.values()) {
        const own = sheet.indicators[indicator.key]
        const input = own ?? shared[indicator.key] ?? {}
        const path = own ? `raters[${index}].indicators.${indicator.key}` : `indicators.${indicator.key}`
        const before = out.length
        checkRuleInput(
          indicator.rule,
          input,
          resolveTarget(indicator, input),
          { path, key: indicator.key, name: indicator.name },
          out,
        )
        // A shared input is checked once, not once per rater.
        if (!own && index > 0) out.splice(before)
      }
    })
    const weights = template.scoring.raterWeights
    const present = new Set<RaterRole>(raters.map((r) => r.rater))
    for (const [role, weight] of Object.entries(weights) as [RaterRole, number | undefined][]) {
      if ((weight ?? 0) > 0 && !present.has(role)) {
        out.push({
          path: 'raters',
          field: 'rater',
          value: role,
          message: {
            'zh-CN': `缺少评分人「${role}」的评分（权重 ${weight}）`,
            en: `no sheet from the "${role}" rater (weight ${weight})`,
          },
        })
      }
    }
    raters.forEach((sheet, index) => {
      if ((weights[sheet.rater] ?? 0) <= 0) {
        out.push({
          path: `raters[${index}].rater`,
          field: 'rater',
          value: sheet.rater,
          message: {
            'zh-CN': `模板没有给评分人「${sheet.rater}」设置权重，该评分不计入`,
            en: `the template gives the "${sheet.rater}" rater no weight; this sheet does not count`,
          },
        })
      }
    })
  }

  for (const [key, input] of Object.entries(inputs.adjustments ?? {})) {
    const item = adjustments.get(key)
    if (!item) continue
    const where = { path: `adjustments.${key}`, key, name: item.name }
    checkNumbers(input, where, out)
    if (item.rule.shape === 'discretionary' || item.rule.shape === 'bonus_range') {
      checkRuleInput(item.rule, input, input.target, where, out)
    }
  }
  return out
}
