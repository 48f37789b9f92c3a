import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ZodError } from 'zod'
import { DomainError, type DomainErrorCode, type ErrorIssue } from '../core/errors.ts'

// The one place where error codes meet HTTP statuses, and the one shape every error body takes.
export const statusByCode = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  locked: 409,
  rate_limited: 429,
  template_invalid: 400,
  too_large: 413,
  idempotency_key_reused: 422,
  idempotency_in_flight: 409,
  gone: 410,
  missing_data: 409,
  import_busy: 409,
  provider_failed: 502,
  // A first login with an initial password may do nothing but change it (issue 13).
  password_change_required: 403,
  account_disabled: 403,
  quota_held: 409,
} as const satisfies Record<DomainErrorCode, ContentfulStatusCode>

export type ErrorBody = { error: { code: string; message: string; issues?: ErrorIssue[] } }

export function errorBody(code: string, message: string, issues: ErrorIssue[] = []): ErrorBody {
  return { error: { code, message, ...(issues.length > 0 ? { issues } : {}) } }
}

const targetNames: Record<string, string> = { json: 'body', query: 'query', param: 'path', header: 'header' }

/** Turns zod issues into issues that name each field; unknown keys are named one by one. */
export function issuesFromZod(error: ZodError, target: string): ErrorIssue[] {
  const root = targetNames[target] ?? target
  const issues: ErrorIssue[] = []
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.')
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({ path: path ? `${path}.${key}` : key, message: `不允许的字段“${key}”` })
      }
    } else {
      issues.push({ path: path || root, message: issue.message })
    }
  }
  return issues
}

/** Throws invalid_input for a failed validation; used as the routes' default validation hook. */
export function throwValidationError(error: ZodError, target: string): never {
  const issues = issuesFromZod(error, target)
  throw new DomainError('invalid_input', issues.map((i) => `${i.path}: ${i.message}`).join('；'), issues)
}

// PostgreSQL error codes that are the caller's fault rather than the server's.
const pgCodes: Record<string, { code: DomainErrorCode; message: string }> = {
  '23505': { code: 'conflict', message: '与已有记录重复' },
  '23503': { code: 'conflict', message: '该记录仍被其他数据引用，无法完成操作' },
  '22P02': { code: 'invalid_input', message: '输入格式无效' },
  '22007': { code: 'invalid_input', message: '日期或时间格式无效' },
  '22008': { code: 'invalid_input', message: '日期或时间超出范围' },
  // Backstops of issue 12: the API refuses these before the database (refuse-control-characters.ts), but no
  // input may ever produce a 500.
  '22021': { code: 'invalid_input', message: '文本含有数据库不能保存的字符（如 NUL）' },
  '22P05': { code: 'invalid_input', message: '文本含有数据库不能保存的字符（如 \\u0000）' },
  '22003': { code: 'invalid_input', message: '数值超出范围' },
  '22001': { code: 'invalid_input', message: '文本过长' },
  '54000': { code: 'invalid_input', message: '值过大，数据库无法保存' },
}

function pgCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined
  const code = (err as { code?: unknown }).code
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined
}

/** The error handler of the app: every thrown error becomes the standard JSON body with its status. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof DomainError) {
    if (err.code === 'rate_limited') {
      const wait = Number(err.details?.retryAfterSeconds)
      if (Number.isFinite(wait) && wait > 0) c.header('Retry-After', String(Math.ceil(wait)))
    }
    return c.json(errorBody(err.code, err.message, err.issues), statusByCode[err.code])
  }
  if (err instanceof HTTPException) {
    const status = err.status
    if (status === 400 && /json/i.test(err.message)) {
      return c.json(
        errorBody('invalid_input', '请求体不是有效的 JSON', [
          { path: 'body', message: '请求体不是有效的 JSON' },
        ]),
        400,
      )
    }
    if (status === 415) {
      return c.json(
        errorBody('invalid_input', '请求体必须是 application/json', [
          { path: 'content-type', message: '应为 application/json' },
        ]),
        415,
      )
    }
    const code =
      status === 401
        ? 'unauthenticated'
        : status === 403
          ? 'forbidden'
          : status === 404
            ? 'not_found'
            : 'invalid_input'
    return c.json(errorBody(code, err.message || '请求无效'), status as ContentfulStatusCode)
  }
  if (err instanceof ZodError) {
    // A schema parsed by hand inside a handler: the same 400 as the routes' validation hook.
    const issues = issuesFromZod(err, 'body')
    return c.json(
      errorBody('invalid_input', issues.map((i) => `${i.path}: ${i.message}`).join('；'), issues),
      400,
    )
  }
  const mapped = pgCode(err) ? pgCodes[pgCode(err)!] : undefined
  if (mapped) return c.json(errorBody(mapped.code, mapped.message), statusByCode[mapped.code])
  // The request's own log (with its id) when the request middleware ran; the process's stderr otherwise.
  const log = c.get('log')
  if (log) log.error({ err }, 'unexpected error')
  else console.error('[jixiao api] unexpected error', err)
  return c.json(errorBody('internal', '服务器内部错误，请稍后再试'), 500)
}
