import { createHash } from 'node:crypto'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import { errorResponseSchema } from '../contracts/errors.ts'
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
// Answers with one-time activation links or initial passwords (issue 13): kept nowhere, so never replayed.
const secretAnswerPaths = /^\/api\/accounts(\/(\d+|\{userId\})\/reset)?$/

/**
 * The one rule of which requests honour an Idempotency-Key: signed-in, state-changing, with a JSON body or none
 * (a file upload is not kept for replay). The middleware applies it to each request and the OpenAPI document
 * declares the header on each operation it holds for (see declareIdempotencyKey), so the two cannot drift.
 */
export function honoursIdempotencyKey(request: {
  method: string
  signedIn: boolean
  /** The request's Content-Type; undefined when it has no body. */
  contentType: string | undefined
  /** The path (or the OpenAPI path template); answers carrying one-time secrets are never kept for replay. */
  path?: string
}): boolean {
  return (
    !(request.path !== undefined && secretAnswerPaths.test(request.path)) &&
    request.signedIn &&
    changingMethods.has(request.method.toUpperCase()) &&
    (request.contentType === undefined || jsonMediaType.test(request.contentType))
  )
}

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
    const contentType = c.req.header('content-type')
    if (
      !user ||
      !honoursIdempotencyKey({ method: c.req.method, signedIn: true, contentType, path: c.req.path })
    )
      return next()
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

/** The header as the OpenAPI document declares it (components/parameters/IdempotencyKey). */
export const idempotencyKeyParameter = {
  name: idempotencyHeader,
  in: 'header',
  required: false,
  description:
    'Names this submission so that it is booked once (the web app sends one per form submission): 1–128 visible ' +
    'ASCII characters, e.g. a UUID, kept for 24 hours per user, method and path. A repeat gets the first ' +
    'successful answer back, with `Idempotent-Replayed: true`, instead of running again; a repeat while the first ' +
    'is still running waits for it up to 30 s, then 409 `idempotency_in_flight`; the same key with a different ' +
    'body is refused with 422 `idempotency_key_reused`. A first request that failed frees the key.',
  schema: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' },
} as const

type OpenAPIRegistry = OpenAPIHono['openAPIRegistry']
type RegisteredRoute = Parameters<OpenAPIRegistry['registerPath']>[0]

/**
 * Declares the Idempotency-Key header (and its 409 and 422 answers) on every operation registered from now on
 * that honours it by honoursIdempotencyKey; call before the routes are registered.
 */
export function declareIdempotencyKey(registry: OpenAPIRegistry): void {
  registry.registerComponent('parameters', 'IdempotencyKey', idempotencyKeyParameter)
  const registerPath = registry.registerPath.bind(registry)
  registry.registerPath = (route) =>
    registerPath(honoursInDocument(route) ? withIdempotencyKey(route) : route)
}

function honoursInDocument(route: RegisteredRoute): boolean {
  const signedIn = (route.security ?? []).some((requirement) => 'cookieAuth' in requirement)
  const bodyTypes = Object.keys(route.request?.body?.content ?? {})
  const types = bodyTypes.length > 0 ? bodyTypes : [undefined]
  return types.some((contentType) =>
    honoursIdempotencyKey({ method: route.method, signedIn, contentType, path: route.path }),
  )
}

const errorAnswer = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorResponseSchema } },
})

// A copy: the route objects are module constants shared by every app built in one process.
function withIdempotencyKey(route: RegisteredRoute): RegisteredRoute {
  return {
    ...route,
    parameters: [
      ...(route.parameters ?? []),
      { $ref: '#/components/parameters/IdempotencyKey' },
    ] as RegisteredRoute['parameters'],
    responses: {
      ...route.responses,
      409:
        route.responses[409] ?? errorAnswer('Conflict; or the same Idempotency-Key is still being processed'),
      422: route.responses[422] ?? errorAnswer('The Idempotency-Key was used for a different request'),
    },
  }
}
