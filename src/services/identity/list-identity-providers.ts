import type { IdentityProvider } from '../../contracts/identity-providers.ts'
import type { Db } from '../../db/database.ts'
import { type IdentityProviderRecord, listIdentityProviders } from '../../db/identity-provider-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { ssoCallbackUrl } from './start-sso-sign-in.ts'

/** A provider as the admin sees it: everything but the secret, and the callback URL to register. */
export function toIdentityProviderView(record: IdentityProviderRecord, origin: string): IdentityProvider {
  return {
    kind: record.kind,
    displayName: record.displayName,
    clientId: record.clientId,
    hasSecret: record.clientSecret !== '',
    issuer: record.issuer,
    corpId: record.corpId,
    agentId: record.agentId,
    matchIdentityField: record.matchIdentityField,
    matchEmployeeField: record.matchEmployeeField,
    enabled: record.enabled,
    syncDaily: record.syncDaily,
    redirectUrl: ssoCallbackUrl(origin, record.kind),
    updatedAt: record.updatedAt.toISOString(),
  }
}

/** The company's sign-in/directory providers, without secrets. */
export async function listCompanyIdentityProviders(
  db: Db,
  actor: Actor,
  origin: string,
): Promise<IdentityProvider[]> {
  const records = await listIdentityProviders(db, actor.companyId)
  return records.map((record) => toIdentityProviderView(record, origin))
}
