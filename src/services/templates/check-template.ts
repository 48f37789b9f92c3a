import { templateSchema } from '../../contracts/template.ts'
import { DomainError } from '../../core/errors.ts'
import type { Template } from '../../core/templates/template.ts'
import { validateTemplate } from '../../core/templates/validate-template.ts'

export type TemplateProblem = { path: string; message: string; messageEn?: string }

/** Every problem of a template draft: its shape (zod) first, then the engine's rules (budgets, bands, formulas). */
export function findTemplateIssues(input: unknown): TemplateProblem[] {
  const parsed = templateSchema.safeParse(input)
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
  }
  return validateTemplate(parsed.data as Template).map((issue) => ({
    path: issue.path,
    message: issue.message['zh-CN'],
    messageEn: issue.message.en,
  }))
}

/** The template, or a `template_invalid` error that lists every problem; nothing is saved half-way. */
export function checkTemplate(input: unknown): Template {
  const issues = findTemplateIssues(input)
  if (issues.length > 0) {
    throw new DomainError(
      'template_invalid',
      `模板有 ${issues.length} 处问题，未保存 / the template has ${issues.length} problem(s) and was not saved`,
      issues.map((i) => ({
        path: i.path,
        message: i.messageEn ? `${i.message} / ${i.messageEn}` : i.message,
      })),
    )
  }
  return templateSchema.parse(input) as Template
}
