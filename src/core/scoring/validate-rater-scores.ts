// Checks one rater's entries (a self, supervisor, peer or assessor review) against the indicators' scales
// before they are saved: a score outside the item's range, a level it does not have, a count that is not a
// whole number. Entries left empty are not errors here (the sheet lists what is still missing).
import { DomainError } from '../errors.ts'
import type { Indicator, Template } from '../templates/template.ts'
import { type IndicatorInput, resolveTarget } from './score-indicator.ts'
import { checkRuleInput, type SheetInputIssue } from './validate-sheet-inputs.ts'

/** The problems of one rater's entries, each naming the indicator; `path` is `indicators.<key>.<field>`. */
export function validateRaterScores(
  template: Template,
  indicators: Readonly<Record<string, IndicatorInput>>,
): SheetInputIssue[] {
  const byKey = new Map<string, Indicator>()
  for (const d of template.dimensions) for (const i of d.indicators) byKey.set(i.key, i)
  const out: SheetInputIssue[] = []
  for (const [key, input] of Object.entries(indicators)) {
    const indicator = byKey.get(key)
    if (!indicator) {
      out.push({
        path: `indicators.${key}`,
        key,
        field: 'key',
        message: { 'zh-CN': `模板中没有指标「${key}」`, en: `the template has no indicator "${key}"` },
      })
      continue
    }
    const found: SheetInputIssue[] = []
    const where = { path: `indicators.${key}`, key, name: indicator.name }
    checkRuleInput(indicator.rule, input, resolveTarget(indicator, input), where, found)
    // Only values that were entered and do not fit; an empty field is a missing entry, not a wrong one.
    for (const issue of found) if (issue.value !== undefined) out.push(issue)
  }
  return out
}

/** Refuses a rater's entries that do not fit their indicators (invalid_input, 400, one issue per entry). */
export function assertRaterScores(
  template: Template,
  indicators: Readonly<Record<string, IndicatorInput>> | undefined,
): void {
  const issues = validateRaterScores(template, indicators ?? {})
  if (issues.length === 0) return
  throw new DomainError(
    'invalid_input',
    issues.map((i) => i.message['zh-CN']).join('；'),
    issues.map((i) => ({ path: i.path, message: `${i.message['zh-CN']}（${i.message.en}）` })),
  )
}
