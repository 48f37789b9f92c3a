import { DomainError } from '../../core/errors.ts'
import { defaultDisplayNameByKind } from '../../core/identity/identity-provider-rules.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import type { Db, IdentityProviderKind } from '../../db/database.ts'
import {
  deleteIdentityProvider as deleteProviderRow,
  findIdentityProvider,
} from '../../db/identity-provider-repository.ts'
import { lockCompany } from '../../db/organisation-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { auditedProvider } from './save-identity-provider.ts'

/** Removes the company's provider of one kind and the identities remembered through it (admin); audited. */
export async function deleteIdentityProvider(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  kind: IdentityProviderKind,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await lockCompany(trx, actor.companyId)
    const before = await findIdentityProvider(trx, actor.companyId, kind)
    if (!before) throw new DomainError('not_found', `没有配置${defaultDisplayNameByKind[kind]}登录`)
    await deleteProviderRow(trx, actor.companyId, kind)
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'identity_provider.delete',
        entity: 'identity_provider',
        entityId: before.id,
        before: auditedProvider(before),
      },
      deps.now(),
    )
  })
}
