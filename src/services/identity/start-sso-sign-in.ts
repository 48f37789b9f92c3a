import { randomBytes } from 'node:crypto'
import { findCompanyByCode } from '../../db/company-repository.ts'
import type { Db, IdentityProviderKind } from '../../db/database.ts'
import { findIdentityProvider } from '../../db/identity-provider-repository.ts'
import { type PendingSignIns, pendingSignInLifetimeMs } from './pending-sign-ins.ts'
import type { ProviderEndpoints } from './provider-endpoints.ts'
import { signInFlows } from './sign-in-flows.ts'
import { SsoSignInError } from './sso-sign-in-error.ts'

export type SsoDeps = { db: Db; endpoints: ProviderEndpoints; pending: PendingSignIns; now: () => Date }

/** The callback URL a provider sends the browser back to; the admin registers it in the provider's console. */
export function ssoCallbackUrl(origin: string, kind: IdentityProviderKind): string {
  return `${origin}/api/auth/sso/${kind}/callback`
}

/**
 * Begins a directory sign-in for a company: remembers a fresh state, nonce and PKCE verifier for ten minutes
 * and answers the provider's authorization URL and the state (which the browser keeps in a cookie).
 */
export async function startSsoSignIn(
  deps: SsoDeps,
  input: { companyCode: string; kind: IdentityProviderKind; origin: string },
): Promise<{ url: string; state: string }> {
  const company = await findCompanyByCode(deps.db, input.companyCode)
  if (!company) throw new SsoSignInError('unknown_company', input.companyCode)
  const provider = await findIdentityProvider(deps.db, company.id, input.kind)
  if (!provider?.enabled) throw new SsoSignInError('not_configured', `${company.code}/${input.kind}`)
  const random = () => randomBytes(32).toString('base64url')
  const pending = {
    state: random(),
    nonce: random(),
    codeVerifier: random(),
    companyId: company.id,
    companyCode: company.code,
    kind: input.kind,
    redirectUri: ssoCallbackUrl(input.origin, input.kind),
    expiresAt: deps.now().getTime() + pendingSignInLifetimeMs,
  }
  const url = await signInFlows[input.kind].authorizationUrl(provider, pending, deps.endpoints)
  deps.pending.add(pending)
  return { url, state: pending.state }
}
