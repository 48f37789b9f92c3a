import { DomainError } from '../../core/errors.ts'
import { builtinPaySchemes } from '../../core/library/builtin-pay-schemes.ts'
import { computePay, type PayResult } from '../../core/pay/compute-pay.ts'
import type { Amount, PayItem, PayScheme } from '../../core/pay/pay-scheme.ts'
import { type SheetInputs, type SheetScore, scoreSheet } from '../../core/scoring/score-sheet.ts'
import { validateSheetInputs } from '../../core/scoring/validate-sheet-inputs.ts'
import type { Template } from '../../core/templates/template.ts'
import { findTemplateIssues, type TemplateProblem } from './check-template.ts'

/** The pay part of a preview: a built-in pay scheme (the template's own by default) and its named inputs. */
export type PayPreviewRequest = {
  schemeCode?: string
  values?: Record<string, Amount>
  rewardsPenalties?: PayItem[]
}

export type PayPreview = {
  schemeCode: string
  schemeName: PayScheme['name']
  /** The named inputs the scheme reads besides the score (销售额, 中评修改个数 …). */
  inputs: string[]
  result: PayResult | null
  issues: TemplateProblem[]
}

export type TemplatePreview = {
  issues: TemplateProblem[]
  score: SheetScore | null
  pay: PayPreview | null
  /** The built-in pay schemes a preview can use. */
  paySchemes: { code: string; name: PayScheme['name'] }[]
}

const paySchemeOptions = builtinPaySchemes.map((b) => ({ code: b.scheme.code, name: b.scheme.name }))

/**
 * Scores an unsaved draft with typed-in values for the editor's live preview, and the pay it would give.
 * An invalid template gives its problems and no score; input problems are listed beside a score that treats
 * those inputs as missing; missing pay inputs are listed beside no pay.
 */
export function previewTemplate(
  definition: unknown,
  inputs: Record<string, unknown>,
  pay?: PayPreviewRequest,
): TemplatePreview {
  const issues = findTemplateIssues(definition)
  if (issues.length > 0) return { issues, score: null, pay: null, paySchemes: paySchemeOptions }
  const template = definition as Template
  const sheetInputs = inputs as SheetInputs
  const inputIssues = validateSheetInputs(template, sheetInputs).map((i) => ({
    path: `inputs.${i.path}`,
    message: i.message['zh-CN'],
    messageEn: i.message.en,
  }))
  const score = scoreSheet(template, sheetInputs)
  return {
    issues: inputIssues,
    score,
    pay: previewPay(template, score, pay),
    paySchemes: paySchemeOptions,
  }
}

function previewPay(
  template: Template,
  score: SheetScore,
  request: PayPreviewRequest = {},
): PayPreview | null {
  const builtin = request.schemeCode
    ? builtinPaySchemes.find((b) => b.scheme.code === request.schemeCode)
    : builtinPaySchemes.find((b) => b.templateCodes.includes(template.code))
  if (!builtin) {
    if (request.schemeCode === undefined) return null
    throw new DomainError('invalid_input', `没有编码为「${request.schemeCode}」的薪酬方案`, [
      { path: 'pay.schemeCode', message: `unknown pay scheme ${request.schemeCode}` },
    ])
  }
  const scheme = builtin.scheme
  const base = { schemeCode: scheme.code, schemeName: scheme.name, inputs: schemeInputs(scheme) }
  try {
    const result = computePay(scheme, {
      score: score.total,
      values: request.values,
      rewardsPenalties: request.rewardsPenalties,
    })
    return { ...base, result, issues: [] }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    const issues = error.issues.map((i) => ({
      path: `pay.${i.path}`,
      message: i.path.startsWith('values.')
        ? `薪酬输入「${i.path.slice('values.'.length)}」缺失或不是数字`
        : i.message,
      messageEn: i.message,
    }))
    return {
      ...base,
      result: null,
      issues:
        issues.length > 0 ? issues : [{ path: 'pay', message: error.message, messageEn: error.message }],
    }
  }
}

/** The named inputs of a scheme's lines, in line order, without repeats. */
function schemeInputs(scheme: PayScheme): string[] {
  const names: string[] = []
  for (const line of scheme.lines) {
    if (line.kind === 'rate_times_input' || line.kind === 'per_unit') names.push(line.input)
    if (line.kind === 'formula') names.push(...line.variables)
  }
  if (scheme.taskCompletion?.kind === 'completion_rate') names.push(scheme.taskCompletion.input)
  return [...new Set(names)]
}
