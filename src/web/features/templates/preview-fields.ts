import type { IndicatorInput, Rule, SheetInputs, Template } from '../../../contracts/template.ts'
import type { TemplateIssue } from '../../../contracts/template-api.ts'
import { normalizeIssuePath } from './issue-paths.ts'

/** Sample inputs per indicator (and bonus/deduction item) key, as the preview panel edits them. */
export type PreviewInputs = Record<string, IndicatorInput>

export type PreviewField =
  | 'actual'
  | 'target'
  | 'occurrences'
  | 'counts'
  | 'level'
  | 'score'
  | 'comment'
  | 'passed'
  | 'violated'
  | 'variables'

// Which sample inputs the preview asks for under a rule: only what that rule shape reads.
export function previewFieldsFor(rule: Rule): PreviewField[] {
  switch (rule.shape) {
    case 'bands':
      return rule.basis === 'completion_rate' ? ['actual', 'target'] : ['actual']
    case 'ratio_to_target':
      return ['actual', 'target']
    case 'deduct_per_shortfall':
      return ['actual']
    case 'deduct_per_occurrence':
    case 'bonus_per_occurrence':
    case 'count_ladder':
      return ['occurrences']
    case 'weighted_deductions':
      return ['counts']
    case 'bonus_range':
    case 'discretionary':
      return ['score', 'comment']
    case 'levels':
      return rule.thresholds ? ['actual', 'level'] : ['level']
    case 'pass_fail':
      return rule.condition ? ['actual'] : ['passed']
    case 'veto':
      return ['violated']
    case 'formula': {
      const fields: PreviewField[] = ['actual', 'target']
      if (/\boccurrences\b/.test(rule.expression)) fields.push('occurrences')
      if (rule.variables && rule.variables.length > 0) fields.push('variables')
      return fields
    }
  }
}

function clean(input: IndicatorInput | undefined): IndicatorInput | undefined {
  if (!input) return undefined
  const kept = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== ''))
  return Object.keys(kept).length > 0 ? kept : undefined
}

/**
 * The engine's SheetInputs for the draft: the sample values of its indicators and of its bonus/deduction items
 * (a removed or renamed item's values are dropped, and so are empty values).
 */
export function toSheetInputs(
  template: Template,
  inputs: PreviewInputs,
): Required<Omit<SheetInputs, 'raters'>> {
  const indicators: Record<string, IndicatorInput> = {}
  const adjustments: Record<string, IndicatorInput> = {}
  for (const dimension of template.dimensions) {
    for (const indicator of dimension.indicators) {
      const input = clean(inputs[indicator.key])
      if (input) indicators[indicator.key] = input
    }
  }
  for (const item of template.adjustments) {
    const input = clean(inputs[item.key])
    if (input) adjustments[item.key] = input
  }
  return { indicators, adjustments }
}

/**
 * The preview's input problems by item key (paths `inputs.indicators.<key>…` / `inputs.adjustments.<key>…`),
 * and the rest (template problems) apart.
 */
export function splitPreviewIssues(issues: readonly TemplateIssue[]): {
  byKey: Map<string, TemplateIssue[]>
  general: TemplateIssue[]
} {
  const byKey = new Map<string, TemplateIssue[]>()
  const general: TemplateIssue[] = []
  for (const issue of issues) {
    const match = /^inputs\.(?:indicators|adjustments)\.([^.]+)/.exec(normalizeIssuePath(issue.path))
    const key = match?.[1]
    if (key === undefined) general.push(issue)
    else byKey.set(key, [...(byKey.get(key) ?? []), issue])
  }
  return { byKey, general }
}
