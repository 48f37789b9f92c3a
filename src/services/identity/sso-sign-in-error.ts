import type { SsoErrorCode } from '../../contracts/identity-providers.ts'

/**
 * Why a directory sign-in could not finish. It never becomes an HTTP error: the sign-in routes send the browser
 * back to the login page with the code, which shows it in the reader's language.
 */
export class SsoSignInError extends Error {
  constructor(
    readonly code: SsoErrorCode,
    /** For the server log only: what the provider said (never shown to the person). */
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code)
    this.name = 'SsoSignInError'
  }
}
