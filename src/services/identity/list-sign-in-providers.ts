import type { SsoProvider } from '../../contracts/identity-providers.ts'
import { findCompanyByCode } from '../../db/company-repository.ts'
import type { Db } from '../../db/database.ts'
import { listIdentityProviders } from '../../db/identity-provider-repository.ts'

/** The enabled directory sign-ins of a company, for its login page; an unknown company has none. */
export async function listSignInProviders(db: Db, companyCode: string): Promise<SsoProvider[]> {
  const company = await findCompanyByCode(db, companyCode)
  if (!company) return []
  const providers = await listIdentityProviders(db, company.id)
  return providers
    .filter((p) => p.enabled)
    .map((p) => ({
      kind: p.kind,
      displayName: p.displayName,
      startUrl: `/api/auth/sso/${p.kind}/start?company=${encodeURIComponent(company.code)}`,
    }))
}
