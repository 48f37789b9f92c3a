import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { createRotaRepository } from '../../db/rota-repository.ts'
import type { RotaDeps } from './rota-deps.ts'
import { isInRotaScope, rotaScopeOf } from './rota-scope.ts'

/** Withdraws a dated exception (e.g. cancelled leave); the weekly pattern applies again that day. */
export async function removeRotaException(
  deps: RotaDeps,
  companyId: number,
  exceptionId: number,
): Promise<void> {
  const notFound = () =>
    new DomainError('not_found', `排班例外 ${exceptionId} 不存在 / rota exception ${exceptionId} not found`, [
      { path: 'id', message: 'not found' },
    ])
  // An exception about someone out of the caller's reach is answered as missing.
  const scope = await rotaScopeOf(deps)
  if (!scope.all) {
    const owner = await createRotaRepository(deps.db).findExceptionOwner(companyId, exceptionId)
    if (!owner || !isInRotaScope(scope, owner.employeeId)) throw notFound()
  }
  await deps.db.transaction().execute(async (trx) => {
    const removed = await createRotaRepository(trx).deleteException(companyId, exceptionId)
    if (!removed) throw notFound()
    await appendAudit(trx, {
      companyId,
      actorUserId: deps.actorUserId ?? null,
      action: 'rota.exception.remove',
      entity: 'rota_exception',
      entityId: exceptionId,
    })
  })
}
