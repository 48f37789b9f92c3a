// Domain errors travel as codes; only api/ maps them to HTTP statuses and cli/ to exit codes.
export const domainErrorCodes = [
  'invalid_input',
  'not_found',
  'forbidden',
  'unauthenticated',
  'conflict',
  'invalid_state',
  'rate_limited',
  'template_invalid',
  'locked',
  'too_large',
  'idempotency_key_reused',
  'idempotency_in_flight',
  'gone',
  // A sheet or pay sheet waits for inputs declared required (缺少数据): it is not computed or approved as 0.
  'missing_data',
  'import_busy',
  // A directory provider (DingTalk, Feishu, WeCom) answered with an error or not at all.
  'provider_failed',
  'password_change_required',
  'account_disabled',
  // Enforced forced-distribution quotas hold a department's sign-off and pay approval (强制分布).
  'quota_held',
] as const

export type DomainErrorCode = (typeof domainErrorCodes)[number]

export type ErrorIssue = { path: string; message: string }

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly issues: ErrorIssue[] = [],
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}
