import type { TemplateIssue } from '../../../contracts/template-api.ts'

// Issue paths arrive as "dimensions.0.indicators.1.rule", "dimensions[0].indicators[1]" or "/dimensions/0/…";
// the editor compares them in one dotted form.
export function normalizeIssuePath(path: string): string {
  return path
    .replace(/\[(\w+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+|\.+$/g, '')
    .replace(/\.{2,}/g, '.')
}

/** Issues whose path is `prefix` itself (exact) or lies below it (otherwise). */
export function findIssues(issues: readonly TemplateIssue[], prefix: string, exact = false): TemplateIssue[] {
  const want = normalizeIssuePath(prefix)
  return issues.filter((issue) => {
    const path = normalizeIssuePath(issue.path)
    if (path === want) return true
    return !exact && (want === '' || path.startsWith(`${want}.`))
  })
}

/** An issue's message in the interface language (the server sends zh-CN, and English beside it). */
export function issueMessage(issue: TemplateIssue, language: string): string {
  return language === 'en' && issue.messageEn ? issue.messageEn : issue.message
}
