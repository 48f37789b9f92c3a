import { createHash } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { DomainError } from '../core/errors.ts'
import { runOnce } from '../services/idempotency/run-once.ts'
import type { AppContext, AppEnv } from './app-env.ts'

// Idempotency-Key (issue 12): a client (the web app sends one per form submission) may name a state-changing
// request; a repeat with the same key gets the first answer back instead of booking money or data again.

export const idempotencyHeader = 'Idempotency-Key'
/** 1–128 visible ASCII characters, e.g. a UUID. */
const keyPattern = /^[\x21-\x7e]{1,128}$/
const changingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const jsonMediaType = /^application\/([\w.-]+\+)?json\b/i

// JSON with object keys sorted, so the same content sent with other spacing or key order counts as the same body.
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  const record = value as Record<string, unknown>
  return `{${Object.keys(record)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`)
    .join(',')}}`
}

function requestHash(method: string, path: string, text: string): string {
  let body = text
  try {
    if (text.trim() !== '') body = canonical(JSON.parse(text))
  } catch {
    // Not JSON: the route's validation answers it; the raw text is hashed.
  }
  return createHash('sha256').update(`${method} ${path}\n`).update(body).digest('hex')
}

/**
 * Runs each signed-in, state-changing JSON request that carries an Idempotency-Key once (see services/idempotency):
 * a repeat answers the first answer with the header `Idempotent-Replayed: true`. Requests without the header, or
 * with a non-JSON body (file uploads), pass through unchanged.
 */
export function idempotency(ctx: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header(idempotencyHeader)
    if (key === undefined || !changingMethods.has(c.req.method)) return next()
    if (!keyPattern.test(key))
      throw new DomainError('invalid_input', 'Idempotency-Key 应为 1–128 个可见 ASCII 字符（如 UUID）', [
        { path: idempotencyHeader, message: '应为 1–128 个可见 ASCII 字符（如 UUID）' },
      ])
    const user = c.get('session')?.user
    const type = c.req.header('content-type')
    if (!user || (type !== undefined && !jsonMediaType.test(type))) return next()
    const scope = { companyId: user.companyId, userId: user.id, method: c.req.method, path: c.req.path, key }
    const { answer, replayed } = await runOnce(
      ctx.db,
      scope,
      // The query (e.g. ?wait=true) is part of what was asked, so it is hashed with the body.
      requestHash(c.req.method, `${c.req.path}${new URL(c.req.url).search}`, await c.req.text()),
      async () => {
        await next()
        return {
          status: c.res.status,
          type: c.res.headers.get('content-type'),
          body: c.res.status >= 200 && c.res.status < 300 ? await c.res.clone().text() : '',
        }
      },
    )
    if (!replayed) return
    c.header('Idempotent-Replayed', 'true')
    if (answer.type) c.header('Content-Type', answer.type)
    if (answer.status === 204 || answer.body === '') return c.body(null, answer.status as 204)
    return c.body(answer.body, answer.status as 200)
  }
}
