import { errorResponseSchema } from '../contracts/errors.ts'

// Shared pieces of route definitions: the documented error responses and the security requirements.

const descriptions = {
  400: 'Invalid input; issues name each field',
  401: 'Not signed in',
  403: 'Role not allowed, or missing CSRF token',
  404: 'Not found (or outside the caller’s scope)',
  409: 'Conflict with existing data',
  410: 'Gone: held in memory by a server run that has since ended (uploads, import jobs)',
  413: 'Request body too large',
  422: 'Idempotency-Key reused with another request',
  429: 'Too many failed logins; see Retry-After',
  500: 'The server failed; nothing was changed',
  502: 'A directory provider (DingTalk, Feishu, WeCom) answered with an error or not at all',
} as const

export type ErrorStatus = keyof typeof descriptions

export function errorResponses<const S extends ErrorStatus[]>(...statuses: S) {
  return errorResponsesOf(errorResponseSchema, ...statuses)
}

/** Error responses whose body is `schema` (the error body with more beside it, e.g. the upload or job at fault). */
export function errorResponsesOf<T, const S extends ErrorStatus[]>(schema: T, ...statuses: S) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: descriptions[s], content: { 'application/json': { schema } } }]),
  ) as { [K in S[number]]: { description: string; content: { 'application/json': { schema: T } } } }
}

export const readSecurity = [{ cookieAuth: [] }]
export const writeSecurity = [{ cookieAuth: [], csrfToken: [] }]

export function jsonBody<T>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const
}

export function jsonResponse<T>(description: string, schema: T) {
  return { description, content: { 'application/json': { schema } } } as const
}
