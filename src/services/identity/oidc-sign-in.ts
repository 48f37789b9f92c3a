import * as oidc from 'openid-client'
import type { IdentityProviderRecord } from '../../db/identity-provider-repository.ts'
import { type SignInFlow, stringFields } from './directory-identity.ts'
import { SsoSignInError } from './sso-sign-in-error.ts'

// OpenID Connect with the maintained openid-client: discovery from the issuer, authorization code with PKCE
// (S256), state and nonce, ID token validation, then userinfo where the provider has it. The subject is `sub`.

async function discover(provider: IdentityProviderRecord): Promise<oidc.Configuration> {
  const issuer = new URL(provider.issuer ?? '')
  // http is accepted only for a provider on this machine (checked when the provider was saved).
  const insecure = issuer.protocol === 'http:'
  try {
    const config = await oidc.discovery(issuer, provider.clientId, undefined, undefined, {
      ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
      timeout: 10,
    })
    const methods = config.serverMetadata().token_endpoint_auth_methods_supported
    // The spec's default is client_secret_basic; use post only for a provider that offers nothing else.
    const auth =
      !methods || methods.includes('client_secret_basic')
        ? oidc.ClientSecretBasic(provider.clientSecret)
        : oidc.ClientSecretPost(provider.clientSecret)
    return new oidc.Configuration(config.serverMetadata(), provider.clientId, undefined, auth)
  } catch (error) {
    throw new SsoSignInError('provider_error', `discovery of ${issuer.href}: ${(error as Error).message}`)
  }
}

function withInsecure(provider: IdentityProviderRecord, config: oidc.Configuration): oidc.Configuration {
  if (new URL(provider.issuer ?? '').protocol === 'http:') oidc.allowInsecureRequests(config)
  return config
}

export const oidcSignIn: SignInFlow = {
  async authorizationUrl(provider, pending) {
    const config = withInsecure(provider, await discover(provider))
    const supported = config.serverMetadata().scopes_supported ?? ['openid', 'email', 'profile', 'phone']
    const scope = ['openid', ...['email', 'profile', 'phone'].filter((s) => supported.includes(s))].join(' ')
    return oidc
      .buildAuthorizationUrl(config, {
        redirect_uri: pending.redirectUri,
        scope,
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
      })
      .toString()
  },

  async readIdentity(provider, pending, callback) {
    if (callback.searchParams.get('error'))
      throw new SsoSignInError('denied', callback.searchParams.get('error') ?? undefined)
    const config = withInsecure(provider, await discover(provider))
    let claims: Record<string, unknown>
    try {
      const tokens = await oidc.authorizationCodeGrant(
        config,
        callback,
        {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        },
        { redirect_uri: pending.redirectUri },
      )
      claims = { ...(tokens.claims() ?? {}) }
      if (config.serverMetadata().userinfo_endpoint && typeof claims.sub === 'string') {
        const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)
        claims = { ...userinfo, ...claims }
      }
    } catch (error) {
      if (error instanceof SsoSignInError) throw error
      throw new SsoSignInError('provider_error', `token exchange: ${(error as Error).message}`)
    }
    const sub = claims.sub
    if (typeof sub !== 'string' || sub === '') throw new SsoSignInError('no_identity', 'ID token without sub')
    const names = Object.keys(claims)
    return { subject: sub, fields: stringFields(claims, names) }
  },
}
