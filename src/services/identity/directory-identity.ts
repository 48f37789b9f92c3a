import type { IdentityProviderRecord } from '../../db/identity-provider-repository.ts'
import type { PendingSignIn } from './pending-sign-ins.ts'
import type { ProviderEndpoints } from './provider-endpoints.ts'
import { SsoSignInError } from './sso-sign-in-error.ts'

// What every sign-in provider gives back, and the one way the Chinese providers' APIs are called.

/** A signed-in person as the provider describes them: a stable subject, and the string fields to match on. */
export type DirectoryIdentity = { subject: string; fields: Record<string, string> }

export type SignInFlow = {
  /** Where to send the browser to sign in. */
  authorizationUrl(
    provider: IdentityProviderRecord,
    pending: PendingSignIn,
    endpoints: ProviderEndpoints,
  ): Promise<string>
  /** Exchanges the callback's code for the person's identity. */
  readIdentity(
    provider: IdentityProviderRecord,
    pending: PendingSignIn,
    callback: URL,
    endpoints: ProviderEndpoints,
  ): Promise<DirectoryIdentity>
}

const providerTimeoutMs = 10_000

/** Calls a provider's JSON API; an unreachable provider or a non-JSON answer is a provider_error. */
export async function callProviderJson(
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  let response: Response
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(providerTimeoutMs) })
  } catch (error) {
    throw new SsoSignInError(
      'provider_error',
      `${new URL(url).host} unreachable: ${(error as Error).message}`,
    )
  }
  const text = await response.text()
  try {
    const body = JSON.parse(text) as unknown
    if (typeof body === 'object' && body !== null && !Array.isArray(body))
      return { status: response.status, body: body as Record<string, unknown> }
  } catch {}
  throw new SsoSignInError(
    'provider_error',
    `${new URL(url).pathname} answered ${response.status} without JSON`,
  )
}

/** The string (or number) fields of a provider's answer, as text. */
export function stringFields(
  source: Record<string, unknown>,
  names: readonly string[],
): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const name of names) {
    const value = source[name]
    if (typeof value === 'string' && value.trim() !== '') fields[name] = value.trim()
    else if (typeof value === 'number' && Number.isFinite(value)) fields[name] = String(value)
  }
  return fields
}

/** The authorization code of a callback, or the reason there is none (the person refused). */
export function callbackCode(callback: URL, ...names: string[]): string {
  if (callback.searchParams.get('error'))
    throw new SsoSignInError('denied', callback.searchParams.get('error')!)
  for (const name of names) {
    const code = callback.searchParams.get(name)
    if (code) return code
  }
  throw new SsoSignInError('denied', 'no code in the callback')
}
