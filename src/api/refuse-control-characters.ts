import type { MiddlewareHandler } from 'hono'
import { DomainError, type ErrorIssue } from '../core/errors.ts'

// Text that no field may carry. PostgreSQL refuses NUL in text and jsonb (error 22021 / 22P05), the other C0
// controls break XLSX exports and terminals, and a lone UTF-16 surrogate cannot be stored as UTF-8.
// Tab, line feed and carriage return stay allowed in JSON strings, where multi-line text (comments, reasons) lives.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controlInText = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controlInAddress = /[\u0000-\u001f\u007f]/
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

// A JSON text can only carry those characters as \u escapes (raw control characters make it invalid JSON), so a
// body without such an escape is passed on without a second parse.
const suspiciousEscape = /\\u(?:00[01][0-9a-fA-F]|[dD][89a-fA-F][0-9a-fA-F]{2})/
// A `__proto__` key (written plainly or with ASCII escapes) is dropped silently by every zod object and record
// (it would replace the prototype), so it is refused by name instead (issue 12).
const possibleProtoKey = /proto|\\u00[2-7][0-9a-fA-F]/

const maxIssues = 20
const jsonMediaType = /^application\/([\w.-]+\+)?json$/i

/** Why a string may not be stored, or undefined when it may; `multiLine` allows tab, LF and CR. */
export function unsafeTextReason(text: string, multiLine: boolean): string | undefined {
  if ((multiLine ? controlInText : controlInAddress).test(text)) {
    return text.includes('\u0000') ? '不能包含空字符（NUL, \\u0000）' : '不能包含控制字符'
  }
  if (loneSurrogate.test(text)) return '含有无效的 Unicode 字符（孤立代理项）'
  return undefined
}

/** Names every string (and object key) under `value` that may not be stored; paths are dotted like zod's. */
export function findUnsafeText(value: unknown, path: string[] = [], issues: ErrorIssue[] = []): ErrorIssue[] {
  if (issues.length >= maxIssues) return issues
  const at = (p: string[]) => (p.length > 0 ? p.join('.') : 'body')
  if (typeof value === 'string') {
    const reason = unsafeTextReason(value, true)
    if (reason) issues.push({ path: at(path), message: reason })
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => {
      findUnsafeText(item, [...path, String(index)], issues)
    })
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const reason = key === '__proto__' ? '“__proto__”不被接受' : unsafeTextReason(key, false)
      if (reason) issues.push({ path: at([...path, key]), message: `字段名${reason}` })
      else findUnsafeText(item, [...path, key], issues)
      if (issues.length >= maxIssues) break
    }
  }
  return issues
}

/**
 * Refuses, before any route runs, a request whose address, query or JSON body carries a NUL or another control
 * character or a lone surrogate: 400 invalid_input with one issue per field (the body's dotted path, the query
 * parameter's name, or "path" for the address), instead of a database error deep inside a service.
 */
export function refuseControlCharacters(): MiddlewareHandler {
  return async (c, next) => {
    const issues: ErrorIssue[] = []
    const pathReason = unsafeTextReason(c.req.path, false)
    if (pathReason) issues.push({ path: 'path', message: `地址${pathReason}` })
    for (const [key, values] of Object.entries(c.req.queries())) {
      const keyReason = unsafeTextReason(key, false)
      const valueReason = values.map((v) => unsafeTextReason(v, false)).find(Boolean)
      if (keyReason ?? valueReason) issues.push({ path: key, message: (keyReason ?? valueReason)! })
    }
    const mediaType = c.req.header('content-type')?.split(';')[0]?.trim() ?? ''
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && jsonMediaType.test(mediaType)) {
      // Read through Hono's body cache: the route's validator parses the same text afterwards.
      const text = await c.req.text()
      if (suspiciousEscape.test(text) || possibleProtoKey.test(text)) {
        let body: unknown
        try {
          body = JSON.parse(text)
        } catch {
          // Malformed JSON: the route's validator answers it with its own 400.
        }
        findUnsafeText(body, [], issues)
      }
    }
    if (issues.length > 0) {
      throw new DomainError(
        'invalid_input',
        issues.map((i) => `${i.path}: ${i.message}`).join('；'),
        issues.slice(0, maxIssues),
      )
    }
    await next()
  }
}
