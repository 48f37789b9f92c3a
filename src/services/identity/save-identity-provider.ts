import type { IdentityProvider, IdentityProviderInput } from '../../contracts/identity-providers.ts'
import { DomainError } from '../../core/errors.ts'
import {
  checkProviderSettings,
  defaultDisplayNameByKind,
} from '../../core/identity/identity-provider-rules.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import type { Db, IdentityProviderKind } from '../../db/database.ts'
import {
  findIdentityProvider,
  type IdentityProviderRecord,
  saveIdentityProvider as saveProviderRow,
} from '../../db/identity-provider-repository.ts'
import { lockCompany } from '../../db/organisation-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { toIdentityProviderView } from './list-identity-providers.ts'

const blankToNull = (value: string | null | undefined): string | null =>
  value === undefined || value === null || value.trim() === '' ? null : value.trim()

/** What the audit log keeps of a provider: its settings, never its secret. */
export function auditedProvider(record: IdentityProviderRecord) {
  const { clientSecret: _secret, createdAt: _c, updatedAt: _u, companyId: _company, ...rest } = record
  return rest
}

/**
 * Creates or updates the company's provider of one kind (admin). A new provider needs its secret; an update
 * without one keeps the stored secret. Every problem is named by field; the change is audited without the secret.
 */
export async function saveIdentityProvider(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  kind: IdentityProviderKind,
  input: IdentityProviderInput,
  origin: string,
): Promise<IdentityProvider> {
  return deps.db.transaction().execute(async (trx) => {
    await lockCompany(trx, actor.companyId)
    const before = await findIdentityProvider(trx, actor.companyId, kind)
    const corpId = blankToNull(input.corpId)
    // WeCom signs in with the corp id as its app id: the client id is the corp id.
    const clientId = kind === 'wecom' ? (corpId ?? '') : (blankToNull(input.clientId) ?? '')
    const issuer = blankToNull(input.issuer)?.replace(/\/+$/, '') ?? null
    const values = {
      displayName: blankToNull(input.displayName) ?? before?.displayName ?? defaultDisplayNameByKind[kind],
      clientId,
      ...(input.clientSecret === undefined ? {} : { clientSecret: input.clientSecret }),
      issuer,
      corpId,
      agentId: blankToNull(input.agentId),
      matchIdentityField: input.matchIdentityField.trim(),
      matchEmployeeField: input.matchEmployeeField,
      enabled: input.enabled ?? true,
    }
    const issues = checkProviderSettings(kind, {
      clientId: clientId || null,
      hasSecret: input.clientSecret !== undefined || Boolean(before?.clientSecret),
      issuer,
      corpId,
      agentId: values.agentId,
      matchIdentityField: values.matchIdentityField,
    })
    if (issues.length > 0)
      throw new DomainError('invalid_input', issues.map((i) => `${i.path}: ${i.message}`).join('；'), issues)
    await saveProviderRow(trx, actor.companyId, kind, values, deps.now())
    const after = (await findIdentityProvider(trx, actor.companyId, kind))!
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: before ? 'identity_provider.update' : 'identity_provider.create',
        entity: 'identity_provider',
        entityId: after.id,
        before: before ? auditedProvider(before) : null,
        after: { ...auditedProvider(after), secretChanged: input.clientSecret !== undefined },
      },
      deps.now(),
    )
    return toIdentityProviderView(after, origin)
  })
}
