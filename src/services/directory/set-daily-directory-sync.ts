import type { DirectoryKind } from '../../core/directory/directory-snapshot.ts'
import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'
import { findIdentityProvider, setIdentityProviderSyncDaily } from '../../db/identity-provider-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { providerLabel } from './sync-directory.ts'

/** Turns a provider's daily directory sync (每日同步) on or off, audited. */
export async function setDailyDirectorySync(
  deps: { db: Db; now: () => Date; actor: Actor },
  kind: DirectoryKind,
  syncDaily: boolean,
): Promise<{ kind: DirectoryKind; syncDaily: boolean }> {
  const { actor } = deps
  return deps.db.transaction().execute(async (trx) => {
    const provider = await findIdentityProvider(trx, actor.companyId, kind)
    if (!provider) throw new DomainError('not_found', `尚未配置${providerLabel[kind]}`)
    await setIdentityProviderSyncDaily(trx, actor.companyId, kind, syncDaily, deps.now())
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'directory.daily',
        entity: 'directory',
        entityId: kind,
        before: { syncDaily: provider.syncDaily },
        after: { syncDaily },
      },
      deps.now(),
    )
    return { kind, syncDaily }
  })
}
