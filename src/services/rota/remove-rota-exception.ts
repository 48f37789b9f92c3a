import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { createRotaRepository } from '../../db/rota-repository.ts'
import type { RotaDeps } from './rota-deps.ts'

/** Withdraws a dated exception (e.g. cancelled leave); the weekly pattern applies again that day. */
export async function removeRotaException(
  deps: RotaDeps,
  companyId: number,
  exceptionId: number,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const removed = await createRotaRepository(trx).deleteException(companyId, exceptionId)
    if (!removed)
      throw new DomainError(
        'not_found',
        `排班例外 ${exceptionId} 不存在 / rota exception ${exceptionId} not found`,
        [{ path: 'id', message: 'not found' }],
      )
    await appendAudit(trx, {
      companyId,
      actorUserId: deps.actorUserId ?? null,
      action: 'rota.exception.remove',
      entity: 'rota_exception',
      entityId: exceptionId,
    })
  })
}
